import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Rows whose created_at / updated_at the database or the services stamp with the moment of
 * writing, and which the demo's story clock does not reach. Their audit events do carry the
 * story's time (platform/time/story-clock.ts), so after seeding each such row is dated by its
 * own trail: created at its first event, updated at its last. These columns are not hashed into
 * any chain; the audit events themselves are never touched.
 */
const STAMPED: readonly { table: string; created?: boolean; updated?: boolean }[] = [
  { table: 'calls', created: true, updated: true },
  { table: 'comment_periods', created: true, updated: true },
  { table: 'consensus_calls', created: true },
  { table: 'documents', updated: true },
  { table: 'meetings', created: true, updated: true },
  { table: 'working_groups', created: true, updated: true },
  { table: 'role_assignments', created: true },
  { table: 'organisation_requests', created: true },
];

/** Date a seeded process's stamped rows, its search entries and its audit chain by the audit trail. */
export async function backdateToAuditTrail(db: Kysely<DB>, processId: string): Promise<void> {
  const trail = sql`(select entity_id, min(occurred_at) as first_at, max(occurred_at) as last_at from audit_events where process_id = ${processId} group by entity_id)`;
  for (const { table, created, updated } of STAMPED) {
    const sets = [created ? sql`created_at = e.first_at` : null, updated ? sql`updated_at = e.last_at` : null].filter((s) => s !== null);
    await sql`update ${sql.table(table)} x set ${sql.join(sets)} from ${trail} e where e.entity_id = x.id::text and x.process_id = ${processId}`.execute(db);
  }
  await sql`update search_entries x set updated_at = e.last_at from ${trail} e where e.entity_id = x.ref_id::text and x.process_id = ${processId}`.execute(db);
  await sql`update audit_chains c set created_at = (select min(occurred_at) from audit_events where chain = c.id) where c.process_id = ${processId}`.execute(db);
}

/**
 * Date the installation's audit chain from its first event: the chain row is made (stamped now)
 * by the first event recorded on it, which the demo dates in its story. Not hashed either.
 */
export async function backdateInstallationChain(db: Kysely<DB>): Promise<void> {
  await sql`update audit_chains c set created_at = least(c.created_at, (select min(occurred_at) from audit_events where chain = c.id)) where c.id = 'installation'`.execute(db);
}
