import type { DemoSeeder } from '../../platform/demo/seeders.js';
import { periodsOf } from '../comments/index.js';
import { detectPeriodCampaigns } from './campaigns.service.js';

/**
 * The demo's campaigns: detection run over every comment period of the model process (its
 * closed period holds three campaigns of copies and letters sent with a sentence of their own)
 * and of the live process, once their comments exist, as the job would after an import. A
 * period that has closed was looked at an hour after it closed, so the model process's run
 * is dated in its story; the live one's is dated now.
 */
export const campaignsDemo: DemoSeeder = {
  after: ['comments'],
  async seed(ctx) {
    for (const process of [ctx.get('process'), ctx.get('liveProcess')]) {
      for (const period of await periodsOf(ctx.db, process.id)) {
        const at = period.closesAt < ctx.now ? new Date(period.closesAt.getTime() + 3_600_000) : ctx.now;
        await detectPeriodCampaigns(ctx.db, period.id, { now: () => at });
      }
    }
  },
};
