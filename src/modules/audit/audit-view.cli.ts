import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { getProcess } from '../processes/index.js';
import { verifyProcessAudit } from './audit-view.service.js';

/**
 * `concord audit verify --process <slug>`: verify the whole chain (a process's events can only
 * be trusted if every event before them holds) and report that process's share; exit code 1
 * naming the first broken link.
 */
export async function verifyProcessCommand(db: Kysely<DB>, slug: string, out: (s: string) => void): Promise<void> {
  const { process: p } = await getProcess(db, slug);
  const r = await verifyProcessAudit(db, p.id);
  if (r.ok) {
    out(`Audit chain intact: ${r.count} events, head ${r.head}`);
    out(`Process ${p.slug}: ${r.processCount} events${r.processHead ? `, latest ${r.processHead}` : ''}`);
    return;
  }
  out(`Audit chain BROKEN at event ${r.brokenAt} (${r.reason.replace('_', ' ')}); ${r.count} events before it verify.`);
  out(`Process ${p.slug}: ${r.processCount} events before the break verify; later ones cannot be trusted.`);
  process.exitCode = 1;
}
