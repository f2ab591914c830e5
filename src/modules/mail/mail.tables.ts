import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, Timestamp } from '../../platform/db/columns.js';

/** Every email Concord sends is written here first: the admin outbox, and the delivery queue. */
export interface OutboxMessagesTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  kind: string;
  lang: string;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** An iCalendar object sent with the message (meetings), or null. */
  ics: ColumnType<string | null, string | null | undefined, string | null>;
  /** While a sender holds it; a message whose lease ran out is offered again. */
  leased_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** An outbox row as read. */
export type OutboxMessage = Selectable<OutboxMessagesTable>;

/** The mail module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    outbox_messages: OutboxMessagesTable;
  }
}
