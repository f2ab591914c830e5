import { defineModule } from '../../platform/modules/define.js';
import { auditViewApi } from './audit-view.routes.js';
import { auditViewPages } from './audit-view.pages.js';

/** The public audit trail of each process and its verification. */
export default defineModule({
  name: 'audit',
  api: [auditViewApi],
  pages: [auditViewPages],
});
