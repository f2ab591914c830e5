import { z } from 'zod';

/** One message in the outbox as the API shows it. */
export const OutboxMessageOut = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  kind: z.string(),
  lang: z.string(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxMessageOut = z.infer<typeof OutboxMessageOut>;

export const OutboxQuery = z.object({
  to: z.string().max(254).optional().describe('Only messages to this address'),
  after: z.uuid({ error: 'errors.field.invalid' }).optional().describe('Cursor: `next` from the previous page (the messages after it, newest first)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export const OutboxPage = z.object({ items: z.array(OutboxMessageOut), next: z.uuid().nullable() });
