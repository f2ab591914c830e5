import { defineModule } from '../../platform/modules/define.js';
import { apiDocsRoutes } from './api-docs.routes.js';

/** The OpenAPI document and its readable reference. */
export default defineModule({
  name: 'api-docs',
  root: [apiDocsRoutes],
});
