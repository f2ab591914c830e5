import { defineModule } from '../../platform/modules/define.js';

/**
 * Campaigns: finding the mass-comment campaigns among a period's comments (exact copies,
 * near-duplicates, mail-merge templates, letters with a personal note). For now only the
 * detection itself (campaigns.detect.ts); the review page and jobs come with issue 11.
 */
export default defineModule({
  name: 'campaigns',
});
