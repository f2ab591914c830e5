import { sql, type RawBuilder } from 'kysely';

/** What marks a person as staff where their name appears: the installation's administrator, or the process's convener. */
export type StaffRole = 'admin' | 'convener';

/**
 * The staff role of the person in column `userColumn` within the process in `process` (a
 * column, or a known id; or 'any' on a page that belongs to no process, such as an
 * organisation's, where convening any process marks staff), as one SQL expression to select beside the name: two `exists`
 * subqueries on `role_assignments`, so a listing of names costs no extra statement per row
 * (issue 10: display names may imitate the administrator's; the role facts are what mark staff,
 * never the name). Administrator wins over convener.
 * @example db.selectFrom('consensus_positions as p').innerJoin('users as u', 'u.id', 'p.user_id').select(staffOf('u.id', { column: 'p.process_id' }).as('staff'))
 */
export function staffOf(userColumn: string, process: { column: string } | { id: string } | 'any'): RawBuilder<StaffRole | null> {
  const user = sql.ref(userColumn);
  const inProcess =
    process === 'any' ? sql`sc.process_id is not null` : sql`sc.process_id = ${'column' in process ? sql.ref(process.column) : sql`${process.id}::uuid`}`;
  return sql<StaffRole | null>`case
    when exists (select 1 from role_assignments sa where sa.user_id = ${user} and sa.role = 'admin' and sa.process_id is null) then 'admin'
    when exists (select 1 from role_assignments sc where sc.user_id = ${user} and sc.role = 'convener' and ${inProcess}) then 'convener'
  end`;
}
