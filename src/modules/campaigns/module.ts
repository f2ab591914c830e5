import { defineModule } from '../../platform/modules/define.js';
import { campaignsDemo } from './campaigns.demo.js';
import { campaignsDetectJob } from './campaigns.jobs.js';
import { campaignsPages } from './campaigns.pages.js';
import { campaignCounts } from './campaigns.service.js';
import * as m0030 from './migrations/0030_campaigns.js';
import * as m0033 from './migrations/0033_campaign_signals.js';

/**
 * Campaigns: finding the mass-comment campaigns among a period's comments (exact copies,
 * near-duplicates, mail-merge templates, letters with a personal note), storing them per
 * period (campaigns.store.ts, campaigns.repository.ts), the `campaigns.detect` job, and the
 * moderators' review pages with one response for a whole campaign.
 */
export default defineModule({
  name: 'campaigns',
  pages: [campaignsPages],
  jobs: [campaignsDetectJob],
  // A listing or a report shows each campaign once, by its representative with these counts.
  hooks: [{ hook: 'comments.campaign-counts', run: campaignCounts }],
  demo: campaignsDemo,
  migrations: { '0030_campaigns': m0030, '0033_campaign_signals': m0033 },
});
