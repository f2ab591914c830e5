import type { Kysely } from 'kysely';
import type { DB, User } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { randomToken } from '../../platform/lib/crypto.js';
import { accountsRepository, createUser, grantRole } from '../../modules/accounts/index.js';
import { createProcess, getProcess, saveStakeholderGroups } from '../../modules/processes/index.js';
import { createGroup, joinGroup, postAnnouncement } from '../../modules/groups/index.js';
import { createOrganisation, joinProcess, membership } from '../../modules/participants/index.js';
import type { Organisation } from '../../modules/participants/index.js';
import { FIRST_NAMES, LAST_NAMES, MEMBERS_PER_GROUP, ORGANISATIONS, emailLocal, seeded } from './demo.people.js';
import { ANNOUNCEMENTS, GROUPS, PHASES, PROCESS_TEXT } from './demo.texts.js';
import { seedCalendar } from './demo.calendar.seed.js';
import { seedReport } from './demo.report.seed.js';
import { seedOutcomes } from './demo.outcomes.seed.js';

/** The demo sign-ins printed at start; the passwords are public by design (evaluation only). */
export const DEMO_ACCOUNTS = [
  { email: 'admin@concord.example', name: 'Alex Administrator', password: 'demo-passphrase-concord', admin: true, lang: 'en' as const },
  { email: 'membre@concord.example', name: 'Camille Tremblay', password: 'demo-phrase-de-passe-concord', admin: false, lang: 'fr' as const },
];

/** True when nothing has been created yet, the moment `npm start` loads the demo. */
export async function databaseIsEmpty(db: Kysely<DB>): Promise<boolean> {
  return (await accountsRepository.count(db)) === 0;
}

/** An actor for a demo account, as if they were signed in. */
function actorOf(u: User, admin = false, processRoles: Actor['processRoles'] = new Map()): Actor {
  return { userId: u.id, name: u.name, email: u.email, lang: u.preferred_lang, emailConfirmed: true, isAdmin: admin, processRoles, groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
}

/**
 * Load the demo: the two demo sign-ins and the model process — its phases, stakeholder
 * groups with targets, 110 fictional representatives of fictional organisations, the
 * oversight committee, the three working groups with chairs, members and announcements.
 * Idempotent: what exists is left alone.
 */
export async function seedDemo(db: Kysely<DB>, opts: { baseUrl?: string; schema?: string | undefined } = {}): Promise<{ created: string[]; process: boolean }> {
  const created: string[] = [];
  const accounts: User[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const existing = await accountsRepository.findByEmail(db, a.email);
    if (existing) {
      accounts.push(existing);
      continue;
    }
    accounts.push(await createUser(db, { ...a, actorId: null }));
    created.push(a.email);
  }
  const [adminUser, camille] = accounts as [User, User];
  try {
    await getProcess(db, PROCESS_TEXT.slug);
    return { created, process: false }; // the process is there already
  } catch {
    // not there yet: create it below
  }
  const admin = actorOf(adminUser, true);
  const process = await createProcess(db, admin, { ...PROCESS_TEXT, registration: 'open', timezone: 'America/Toronto', phases: [...PHASES] });
  const detail = await getProcess(db, process.slug);
  await saveStakeholderGroups(
    db,
    admin,
    process.id,
    detail.stakeholderGroups.map((g) => ({ id: g.id, nameEn: g.name_en, nameFr: g.name_fr, targetShare: MEMBERS_PER_GROUP[g.key]?.target ?? null })),
  );
  const groupsByKey = new Map(detail.stakeholderGroups.map((g) => [g.key, g]));

  const orgs = new Map<string, Organisation[]>();
  for (const [sector, list] of Object.entries(ORGANISATIONS)) {
    const made: Organisation[] = [];
    for (const [name, host, province] of list) {
      made.push(await createOrganisation(db, admin, { name, sector: sector as never, website: `https://${host}`, country: 'CA', province }));
    }
    orgs.set(sector, made);
  }

  // Nobody signs in as these people; one unusable hash serves them all.
  const sharedHash = await hashPassword(randomToken());
  const rand = seeded(2018);
  const people: { user: User; sector: string; org: string; orgId: string }[] = [];
  let n = 0;
  for (const [sector, { count }] of Object.entries(MEMBERS_PER_GROUP)) {
    for (let i = 0; i < count; i++) {
      const first = FIRST_NAMES[Math.floor(rand() * FIRST_NAMES.length)]!;
      const last = LAST_NAMES[Math.floor(rand() * LAST_NAMES.length)]!;
      n++;
      const user = await createUser(db, {
        email: `${emailLocal(first, last, n)}@participants.concord.example`,
        name: `${first} ${last}`,
        password: 'unused',
        skipStrengthCheck: true,
        passwordHash: sharedHash,
        lang: rand() < 0.35 ? 'fr' : 'en',
      });
      const sectorOrgs = orgs.get(sector)!;
      const org = sectorOrgs[Math.floor(rand() * sectorOrgs.length)]!;
      await joinProcess(db, actorOf(user, false, new Map([[process.id, new Set()]])), process, detail.stakeholderGroups, {
        organisationId: org.id,
        stakeholderGroupId: groupsByKey.get(sector)!.id,
        preferredLang: user.preferred_lang,
      });
      people.push({ user, sector, org: org.name, orgId: org.id });
    }
  }
  // Camille, the demo member, takes part too (from a consumer group).
  await joinProcess(db, actorOf(camille), process, detail.stakeholderGroups, {
    organisationId: orgs.get('civil_society')![2]!.id,
    stakeholderGroupId: groupsByKey.get('civil_society')!.id,
    preferredLang: 'fr',
  });

  // The oversight committee: one person from each of five partner organisations.
  const partners = [orgs.get('civil_society')![1]!, orgs.get('government')![0]!, orgs.get('technical')![0]!, orgs.get('academia')![0]!, orgs.get('civil_society')![0]!];
  for (const partner of partners) {
    const person = await firstMemberOf(db, process.id, partner.id, people);
    if (person) await grantRole(db, { userId: person.id, role: 'oversight', processId: process.id, grantedBy: adminUser.id });
  }

  // Working groups: each member joins one or two; two chairs per group.
  const groupIds = new Map<string, string>();
  const memberActor = (u: User) => actorOf(u, false, new Map([[process.id, new Set(['member' as const])]]));
  for (const [gi, g] of GROUPS.entries()) {
    const group = await createGroup(db, admin, process.id, { ...g, status: 'active' });
    groupIds.set(g.slug, group.id);
    // Groups draw different shares of the participants, as self-selection does.
    const share = [0.42, 0.33, 0.27][gi]!;
    const members = people.filter(() => rand() < share);
    for (const p of members) await joinGroup(db, memberActor(p.user), group);
    for (const chair of [members[0], members[Math.floor(members.length / 2)]]) {
      if (chair) await grantRole(db, { userId: chair.user.id, role: 'chair', processId: process.id, groupId: group.id, grantedBy: adminUser.id });
    }
    for (const a of ANNOUNCEMENTS[g.slug] ?? []) await postAnnouncement(db, memberActor(members[0]!.user), group, a);
    if (g.slug === 'consumer-education') await joinGroup(db, memberActor(camille), group);
  }
  await seedCalendar(db, { admin, process, groupIds, people, baseUrl: opts.baseUrl ?? 'http://localhost:3000', schema: opts.schema, rand });
  const report = await seedReport(db, { process, people, baseUrl: opts.baseUrl ?? 'http://localhost:3000' });
  await seedOutcomes(db, { process, people, report: report.documents.en });
  return { created, process: true };
}

/** The first demo member who represents an organisation. */
async function firstMemberOf(db: Kysely<DB>, processId: string, organisationId: string, people: { user: User }[]): Promise<User | undefined> {
  for (const p of people) {
    const m = await membership(db, processId, p.user.id);
    if (m?.organisation_id === organisationId) return p.user;
  }
  return undefined;
}
