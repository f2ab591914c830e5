import type { OutboxMessage } from './mail.tables.js';
import type { OutboxMessageOut } from './mail.schema.js';

/** The API's view of an outbox message. */
export function presentMessage(m: OutboxMessage): OutboxMessageOut {
  return {
    id: m.id,
    to: m.to_address,
    subject: m.subject,
    body: m.body_text,
    kind: m.kind,
    lang: m.lang,
    createdAt: m.created_at.toISOString(),
    sentAt: m.sent_at ? m.sent_at.toISOString() : null,
  };
}
