import { defineModule } from '../../platform/modules/define.js';
import { accountabilityDemo } from './accountability.demo.js';
import { accountabilityApi } from './accountability.routes.js';
import { accountabilityPages } from './accountability.pages.js';
import { actionDigestJob, actionRemindersJob } from './accountability.jobs.js';

/** Actions, pledges, progress reports and the public tracker. */
export default defineModule({
  name: 'accountability',
  api: [accountabilityApi],
  pages: [accountabilityPages],
  jobs: [actionRemindersJob, actionDigestJob],
  demo: accountabilityDemo,
});
