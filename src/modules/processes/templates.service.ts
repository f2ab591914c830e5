import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/tx.js';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { newId } from '../../platform/lib/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { hooksFor } from '../../platform/modules/registry.js';
import './processes.slots.js';
import { createProcess, getProcess } from './processes.service.js';
import { processesRepository as repo, type Process } from './processes.repository.js';
import type { CopyProcessBody } from './processes.schema.js';

/** Shift a 'YYYY-MM-DD' date by whole days. */
export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Start a new process from an existing one: its phases (moved to the new start date, same
 * spacing), stakeholder groups with their targets, working groups with their charters, and
 * its texts as a starting point. No people, no meetings, no content.
 */
export async function copyProcess(db: Kysely<DB>, actor: Actor, sourceSlug: string, input: CopyProcessBody): Promise<Process> {
  const source = await getProcess(db, sourceSlug);
  const first = source.phases[0]?.starts_on;
  const days = first && input.startsOn ? Math.round((Date.parse(input.startsOn) - Date.parse(first)) / 86_400_000) : 0;
  return inTransaction(db, async (trx) => {
    const p = source.process;
    const created = await createProcess(
      trx,
      actor,
      {
        slug: input.slug,
        titleEn: input.titleEn,
        titleFr: input.titleFr,
        summaryEn: p.summary_en,
        summaryFr: p.summary_fr,
        descriptionEn: p.description_en,
        descriptionFr: p.description_fr,
        registration: p.registration,
        timezone: p.timezone,
        phases: source.phases.map((ph) => ({ kind: ph.kind as never, nameEn: ph.name_en, nameFr: ph.name_fr, startsOn: shiftDate(ph.starts_on, days), endsOn: shiftDate(ph.ends_on, days) })),
      },
      { templateSourceId: p.id },
    );
    await repo.insertStakeholderGroups(
      trx,
      source.stakeholderGroups.map((g) => ({ ...g, id: newId(), process_id: created.id })),
    );
    // Working groups (and whatever later modules keep of a template) copy themselves
    // through the 'process.copy' hook; their counts go into the audit event.
    const copied: Record<string, number> = {};
    for (const copy of hooksFor('process.copy')) Object.assign(copied, await copy(trx, { actorId: actor.userId, fromProcessId: p.id, toProcessId: created.id }));
    await recordAudit(trx, { actorId: actor.userId, action: 'process.copy', entityType: 'process', entityId: created.id, processId: created.id, after: { from: p.id, ...copied } });
    return created;
  });
}
