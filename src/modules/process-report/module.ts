import { defineModule } from '../../platform/modules/define.js';
import { processReportApi } from './process-report.routes.js';
import { processReportPages } from './process-report.pages.js';

/** The process report assembled from what the process holds. */
export default defineModule({
  name: 'process-report',
  api: [processReportApi],
  pages: [processReportPages],
});
