import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import type { Actor, OrganisationRole, ProcessRole } from '../../src/platform/auth/roles.js';
import { newId } from '../../src/platform/lib/ids.js';
import { createUser, grantRole } from '../../src/modules/accounts/accounts.service.js';
import type { CommentFields, OpenPeriodBody } from '../../src/modules/comments/comments.schema.js';
import { submitComment } from '../../src/modules/comments/comments.service.js';
import { openPeriod } from '../../src/modules/comments/periods.service.js';
import { createDocument, type CreateDocumentInput } from '../../src/modules/documents/documents.service.js';
import type { CreateGroupBody } from '../../src/modules/groups/groups.schema.js';
import { createGroup } from '../../src/modules/groups/groups.service.js';
import { createOrganisation, joinProcess } from '../../src/modules/participants/participants.service.js';
import { grantOrganisationRole } from '../../src/modules/participants/organisation-roles.service.js';
import type { CreateProcessBody } from '../../src/modules/processes/processes.schema.js';
import { createProcess, getProcess } from '../../src/modules/processes/processes.service.js';
import { signedInClient, testPasswordHash, uniqueEmail, type TestApp } from './app.js';

/**
 * Test records, one function each, made through the services (so they are as the app makes
 * them: audit entries, search index, counts) with defaults a test overrides only where it
 * matters. After outline's server/test/factories.ts.
 */

const PASSWORD = 'track every action';

/** An actor as the services take it, for a user and the roles given. */
export function actorFor(
  user: { id: string; name: string; email: string },
  opts: {
    admin?: boolean;
    lang?: 'en' | 'fr';
    processRoles?: Actor['processRoles'];
    groupRoles?: Actor['groupRoles'];
    organisationRoles?: Actor['organisationRoles'];
    installationRoles?: Actor['installationRoles'];
  } = {},
): Actor {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    lang: opts.lang ?? 'en',
    emailConfirmed: true,
    isAdmin: opts.admin ?? false,
    processRoles: opts.processRoles ?? new Map(),
    groupRoles: opts.groupRoles ?? new Map(),
    organisationRoles: opts.organisationRoles ?? new Map(),
    installationRoles: opts.installationRoles ?? new Set(),
  };
}

/**
 * A confirmed person, optionally an administrator or holding roles in a process (a chair's
 * role needs the group): the user row and the actor the services take.
 */
export async function makeUser(
  db: Kysely<DB>,
  opts: { name?: string; admin?: boolean; lang?: 'en' | 'fr'; roles?: { role: ProcessRole; processId: string; groupId?: string }[] } = {},
) {
  const name = opts.name ?? (opts.admin ? 'Admin' : 'Test Person');
  const user = await createUser(db, { email: uniqueEmail(opts.admin ? 'admin' : 'person'), name, password: PASSWORD, passwordHash: await testPasswordHash(PASSWORD), admin: opts.admin ?? false, skipStrengthCheck: true });
  const processRoles: Actor['processRoles'] = new Map();
  const groupRoles: Actor['groupRoles'] = new Map();
  for (const r of opts.roles ?? []) {
    await grantRole(db, { userId: user.id, role: r.role, processId: r.processId, groupId: r.groupId ?? null, grantedBy: null });
    processRoles.set(r.processId, new Set([...(processRoles.get(r.processId) ?? []), r.role]));
    if (r.role === 'chair' && r.groupId) groupRoles.set(r.groupId, new Set(['chair']));
  }
  return { user, actor: actorFor(user, { admin: opts.admin, lang: opts.lang, processRoles, groupRoles }) };
}

/** An administrator actor, for setting up data through the services. */
export async function adminActor(db: Kysely<DB>): Promise<Actor> {
  return (await makeUser(db, { admin: true })).actor;
}

/** A process in Toronto's zone, open registration, with the six default stakeholder groups; its detail. */
export async function makeProcess(db: Kysely<DB>, admin: Actor, slug: string, over: Partial<CreateProcessBody> = {}) {
  await createProcess(db, admin, {
    slug,
    titleEn: 'Tracking',
    titleFr: 'Suivi',
    summaryEn: '',
    summaryFr: '',
    descriptionEn: '',
    descriptionFr: '',
    registration: 'open',
    timezone: 'America/Toronto',
    phases: [],
    ...over,
  });
  return getProcess(db, slug);
}

/** An active working group in a process. */
export function makeGroup(db: Kysely<DB>, admin: Actor, processId: string, slug: string, over: Partial<CreateGroupBody> = {}) {
  return createGroup(db, admin, processId, { slug, nameEn: slug, nameFr: slug, charterEn: '', charterFr: '', status: 'active', ...over });
}

/** A public English report in a process (no group unless given), at version 1. */
export function makeDocument(db: Kysely<DB>, admin: Actor, processId: string, over: Partial<CreateDocumentInput> & { slug: string; markdown: string }) {
  return createDocument(db, admin, processId, { groupId: null, kind: 'report', lang: 'en', title: over.slug, membersOnly: false, message: 'First draft', ...over });
}

/**
 * A comment period on a document (by slug), open since an hour ago for a day unless told,
 * covering its translations, for confirmed accounts.
 */
export function makeCommentPeriod(db: Kysely<DB>, admin: Actor, processId: string, over: Partial<OpenPeriodBody> & { document: string }) {
  return openPeriod(
    db,
    admin,
    processId,
    {
      includeTranslations: true,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      timeZone: 'America/Toronto',
      instructionsEn: '',
      instructionsFr: '',
      audience: 'confirmed',
      ...over,
    },
    '',
  );
}

/** An anonymous comment in English on a period (on a paragraph when an anchor is given), no mail sent. */
export async function makeComment(db: Kysely<DB>, periodId: string, fields: Partial<CommentFields> & { text: string }, opts: { actor?: Actor | null; at?: Date } = {}) {
  const submitted = await submitComment(db, opts.actor ?? null, periodId, { lang: 'en', displayName: 'Commenter', ...fields, anchor: fields.anchor ?? null }, {}, { skipMail: true, ...(opts.at ? { at: opts.at } : {}) });
  return submitted.comment;
}

/**
 * A recommendation, inserted straight into its table (the recommendations feature is built
 * beside the tracker; the tracker only needs the row).
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
 * key), optionally holding another role; their client and actor. By default they are confirmed
 * to act for the organisation (a `representative`, granted from the console before joining);
 * `confirmed: false` leaves them with the affiliation alone and a pending request.
 */
export async function makeMember(t: TestApp, slug: string, organisationId: string, groupKey: string, opts: { lang?: 'en' | 'fr'; role?: ProcessRole; confirmed?: boolean } = {}) {
  const d = await getProcess(t.db, slug);
  const roles = opts.role ? [{ role: opts.role, processId: d.process.id }] : [];
  const signed = await signedInClient(t, { processRoles: roles, lang: opts.lang ?? 'en' });
  const confirmed = opts.confirmed ?? true;
  if (confirmed) await grantOrganisationRole(t.db, 'console', organisationId, signed.userId, 'representative');
  const organisationRoles = new Map<string, Set<OrganisationRole>>(confirmed ? [[organisationId, new Set(['representative'])]] : []);
  const actor: Actor = { userId: signed.userId, name: 'Test Person', email: signed.email, lang: opts.lang ?? 'en', emailConfirmed: true, isAdmin: false, processRoles: new Map([[d.process.id, new Set(opts.role ? [opts.role] : [])]]), groupRoles: new Map(), organisationRoles, installationRoles: new Set() };
  const group = d.stakeholderGroups.find((g) => g.key === groupKey)!;
  await joinProcess(t.db, actor, d.process, d.stakeholderGroups, { organisationId, stakeholderGroupId: group.id, preferredLang: opts.lang ?? 'en' });
  actor.processRoles.get(d.process.id)!.add('member');
  return { ...signed, actor };
}
