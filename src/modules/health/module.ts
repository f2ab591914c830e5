import { defineModule } from '../../platform/modules/define.js';
import { healthRoutes } from './health.routes.js';

/** Liveness and readiness checks, and the language redirect at /. */
export default defineModule({
  name: 'health',
  root: [healthRoutes],
});
