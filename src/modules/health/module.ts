import { defineModule } from '../../platform/modules/define.js';
import { healthRoutes } from './health.routes.js';
import { healthPages } from './health.pages.js';

/** Liveness and readiness checks, the service status page, and the language redirect at /. */
export default defineModule({
  name: 'health',
  root: [healthRoutes],
  pages: [healthPages],
});
