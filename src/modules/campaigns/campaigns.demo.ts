import type { DemoSeeder } from '../../platform/demo/seeders.js';
import { periodIdsOf } from '../comments/index.js';
import { detectPeriodCampaigns } from './campaigns.service.js';

/**
 * The demo's campaigns: detection run over every comment period of the model process (its
 * closed period holds three campaigns of copies and letters sent with a sentence of their own)
 * and of the live process, once their comments exist, as the job would after an import.
 */
export const campaignsDemo: DemoSeeder = {
  after: ['comments'],
  async seed(ctx) {
    for (const process of [ctx.get('process'), ctx.get('liveProcess')]) {
      for (const periodId of await periodIdsOf(ctx.db, process.id)) await detectPeriodCampaigns(ctx.db, periodId, { now: () => ctx.now });
    }
  },
};
