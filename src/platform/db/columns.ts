import type { ColumnType } from 'kysely';

/** A timestamp column: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A timestamp the database fills in by default: read as Date, never written on update. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
