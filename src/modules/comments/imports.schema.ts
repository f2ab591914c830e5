import { z } from 'zod';
import { Slug } from '../processes/index.js';

/** `:processSlug/:periodId/:importId` in a URL. */
export const ImportParams = z.object({ processSlug: Slug, periodId: z.uuid({ error: 'errors.notFound' }), importId: z.uuid({ error: 'errors.notFound' }) });

/** A bulk import of comments: where it stands and what it did so far. */
export const ImportOut = z.object({
  id: z.uuid(),
  period: z.uuid(),
  fileName: z.string(),
  format: z.enum(['csv', 'jsonl']),
  channel: z.enum(['cli', 'web', 'api']).describe('How the file came'),
  status: z.enum(['queued', 'running', 'done', 'failed']).describe('queued: stored, waiting for its job; running; done; failed (see error)'),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  bytes: z.number().int().nullable().describe('The size of the file received'),
  rowsTotal: z.number().int().nullable().describe('The rows the file holds, once its first reading counted them'),
  rowsRead: z.number().int().describe('Rows read so far (updated after each chunk lands)'),
  rowsAdded: z.number().int(),
  rowsSkipped: z.number().int().describe('Rows whose comment the period already had (a re-run, an overlapping file)'),
  rowsRefused: z.number().int().describe('Rows refused, each with its line and reason in refusedUrl'),
  error: z.string().nullable().describe('Why the import failed, in the language asked for'),
  url: z.string(),
  refusedUrl: z.string().describe('The refused rows as CSV: line,key,reason'),
});
export type ImportOut = z.infer<typeof ImportOut>;
