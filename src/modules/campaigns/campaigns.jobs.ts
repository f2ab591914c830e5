import { defineJob } from '../../platform/jobs/define.js';
import { QUEUES } from '../../platform/jobs/queue.js';
import { detectPeriodCampaigns } from './campaigns.service.js';

/** A `campaigns.detect` job's data. */
export interface CampaignsDetectJob {
  periodId: string;
}

/** Detect one period's campaigns and store them (replacing the last run's). Safe to run twice. */
export const campaignsDetectJob = defineJob<CampaignsDetectJob>({
  queue: QUEUES.campaignsDetect,
  done: 'campaigns detected',
  handle: async (ctx, data) => {
    const r = await detectPeriodCampaigns(ctx.db, data.periodId);
    return { periodId: data.periodId, texts: r.texts, campaigns: r.campaigns.length };
  },
});
