import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import type { Actor, ProcessRole } from '../../src/platform/auth/roles.js';
import { newId } from '../../src/platform/lib/ids.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';
import { createOrganisation, joinProcess } from '../../src/modules/participants/participants.service.js';
import { createProcess, getProcess } from '../../src/modules/processes/processes.service.js';
import { signedInClient, uniqueEmail, type TestApp } from './app.js';

/** An administrator actor, for setting up data through the services. */
export async function adminActor(db: Kysely<DB>): Promise<Actor> {
  const user = await createUser(db, { email: uniqueEmail('admin'), name: 'Admin', password: 'track every action', admin: true, skipStrengthCheck: true });
  return { userId: user.id, name: 'Admin', email: user.email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map() };
}

/** A process in Toronto's zone, with the six default stakeholder groups. */
export async function makeProcess(db: Kysely<DB>, admin: Actor, slug: string) {
  await createProcess(db, admin, { slug, titleEn: 'Tracking', titleFr: 'Suivi', summaryEn: '', summaryFr: '', descriptionEn: '', descriptionFr: '', registration: 'open', timezone: 'America/Toronto', phases: [] });
  return getProcess(db, slug);
}

/**
 * A recommendation, inserted straight into its table (the recommendations feature is built
 * beside this one; the tracker only needs the row).
 */
export async function makeRecommendation(db: Kysely<DB>, processId: string, number: string, over: { titleEn?: string; titleFr?: string; position?: number } = {}): Promise<string> {
  const id = newId();
  await db
    .insertInto('recommendations')
    .values({
      id,
      process_id: processId,
      number,
      position: over.position ?? Number.parseFloat(number) * 10,
      title_en: over.titleEn ?? `Recommendation ${number}`,
      title_fr: over.titleFr ?? `Recommandation ${number}`,
      text_en: 'Text.',
      text_fr: 'Texte.',
      group_id: null,
      document_id: null,
      anchor: null,
      priority: 'medium',
      consensus_call_id: null,
      created_by: null,
      updated_at: new Date(),
    })
    .execute();
  return id;
}

/** An organisation by name (created when new). */
export async function makeOrganisation(db: Kysely<DB>, admin: Actor, name: string, sector: 'government' | 'private_sector' | 'academia' | 'civil_society' | 'technical' | 'other' = 'private_sector'): Promise<string> {
  return (await createOrganisation(db, admin, { name, sector, country: 'CA' })).id;
}

/**
 * A signed-in person who joined the process for an organisation in a stakeholder group (by
 * key), optionally holding another role; their client and actor.
 */
export async function makeMember(t: TestApp, slug: string, organisationId: string, groupKey: string, opts: { lang?: 'en' | 'fr'; role?: ProcessRole } = {}) {
  const d = await getProcess(t.db, slug);
  const roles = opts.role ? [{ role: opts.role, processId: d.process.id }] : [];
  const signed = await signedInClient(t, { processRoles: roles, lang: opts.lang ?? 'en' });
  const actor: Actor = { userId: signed.userId, name: 'Test Person', email: signed.email, lang: opts.lang ?? 'en', emailConfirmed: true, isAdmin: false, processRoles: new Map([[d.process.id, new Set(opts.role ? [opts.role] : [])]]), groupRoles: new Map() };
  const group = d.stakeholderGroups.find((g) => g.key === groupKey)!;
  await joinProcess(t.db, actor, d.process, d.stakeholderGroups, { organisationId, stakeholderGroupId: group.id, preferredLang: opts.lang ?? 'en' });
  actor.processRoles.get(d.process.id)!.add('member');
  return { ...signed, actor };
}
