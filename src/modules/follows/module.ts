import { defineModule } from '../../platform/modules/define.js';
import { processFollowSection } from './follows.sections.js';
import { followsApi } from './follows.routes.js';
import { followsPages } from './follows.pages.js';
import { followsDigestJob } from './follows.jobs.js';

/** Activity, following by email, Atom feeds. */
export default defineModule({
  name: 'follows',
  api: [followsApi],
  pages: [followsPages],
  jobs: [followsDigestJob],
  sections: [{ slot: 'process.follow', order: 10, render: processFollowSection }],
});
