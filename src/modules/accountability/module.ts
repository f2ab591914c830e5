import { defineModule } from '../../platform/modules/define.js';
import { accountabilityDemo } from './accountability.demo.js';
import { accountabilityApi } from './accountability.routes.js';
import { accountabilityPages } from './accountability.pages.js';
import { actionDigestJob, actionRemindersJob } from './accountability.jobs.js';
import * as m0020 from './migrations/0020_acting_capacity.js';

/** Actions, pledges, progress reports and the public tracker. */
export default defineModule({
  name: 'accountability',
  api: [accountabilityApi],
  pages: [accountabilityPages],
  jobs: [actionRemindersJob, actionDigestJob],
  migrations: { '0020_acting_capacity': m0020 },
  demo: accountabilityDemo,
});
