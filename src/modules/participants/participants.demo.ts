import type { Kysely } from 'kysely';
import type { DB, User } from '../../platform/db/schema.js';
import type { DemoSeeder } from '../../platform/demo/seeders.js';
import { daysAfter, demoActor, emailLocal, FIRST_NAMES, LAST_NAMES } from '../../platform/demo/kit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { randomToken } from '../../platform/lib/crypto.js';
import { createUser, grantRole, roleHolders } from '../accounts/index.js';
import type { Organisation } from './participants.repository.js';
import { createOrganisation, joinProcess, membership } from './participants.service.js';
import { MEMBERS_PER_GROUP, ORGANISATIONS } from './participants.demo.texts.js';

/** One of the demo's 110 representatives. */
export interface DemoPerson {
  user: User;
  /** Their stakeholder group's key (`government`, `civil_society`, …). */
  sector: string;
  /** The organisation they represent: its name and id. */
  org: string;
  orgId: string;
}

declare module '../../platform/demo/seeders.js' {
  interface DemoRecords {
    /** The representatives, in the order they joined (the demo member is not among them). */
    people: DemoPerson[];
    /** The oversight committee: five representatives of partner organisations, in the order the role lists them (by name). */
    oversight: User[];
    /** The representatives who also take part in the live process (the demo member does too). */
    livePeople: DemoPerson[];
  }
}

/**
 * The demo's participants: the organisations of each stakeholder group, 110 fictional
 * representatives who join the process (names, languages and organisations drawn from the
 * story's random sequence), the demo member from a consumer group, and the oversight committee;
 * then the members of the live process (the demo member among them).
 */
export const participantsDemo: DemoSeeder = {
  after: ['processes'],
  async seed(ctx) {
    const { db, admin, rand } = ctx;
    const process = ctx.get('process');
    const stakeholderGroups = ctx.get('stakeholderGroups');
    const groupsByKey = new Map(stakeholderGroups.map((g) => [g.key, g]));

    // Organisations are listed as the process is convened; people join over the convening phase (June–September 2018).
    ctx.storyAt(new Date('2018-06-01T10:00:00-04:00'));
    const joinFrom = new Date('2018-06-04T09:00:00-04:00').getTime();
    const joinSpan = new Date('2018-09-28T17:00:00-04:00').getTime() - joinFrom;
    const total = Object.values(MEMBERS_PER_GROUP).reduce((a, b) => a + b, 0);
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
    const people: DemoPerson[] = [];
    let n = 0;
    for (const [sector, count] of Object.entries(MEMBERS_PER_GROUP)) {
      for (let i = 0; i < count; i++) {
        const first = FIRST_NAMES[Math.floor(rand() * FIRST_NAMES.length)]!;
        const last = LAST_NAMES[Math.floor(rand() * LAST_NAMES.length)]!;
        n++;
        ctx.storyAt(new Date(joinFrom + Math.floor((n / (total + 1)) * joinSpan)));
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
        await joinProcess(db, demoActor(user, { in: process.id }), process, stakeholderGroups, {
          organisationId: org.id,
          stakeholderGroupId: groupsByKey.get(sector)!.id,
          preferredLang: user.preferred_lang,
        });
        people.push({ user, sector, org: org.name, orgId: org.id });
      }
    }
    // Camille, the demo member, takes part too (from a consumer group).
    ctx.storyAt(new Date('2018-09-28T18:00:00-04:00'));
    await joinProcess(db, demoActor(ctx.member), process, stakeholderGroups, {
      organisationId: orgs.get('civil_society')![2]!.id,
      stakeholderGroupId: groupsByKey.get('civil_society')!.id,
      preferredLang: 'fr',
    });

    // The oversight committee: one person from each of five partner organisations.
    ctx.storyAt(new Date('2018-09-30T12:00:00-04:00'));
    const partners = [orgs.get('civil_society')![1]!, orgs.get('government')![0]!, orgs.get('technical')![0]!, orgs.get('academia')![0]!, orgs.get('civil_society')![0]!];
    for (const partner of partners) {
      const person = await firstMemberOf(db, process.id, partner.id, people);
      if (person) await grantRole(db, { userId: person.id, role: 'oversight', processId: process.id, grantedBy: admin.userId });
    }
    ctx.put('people', people);

    // The live process: the demo member and one representative in four take part, so the
    // newcomer finds company (and can comment and register as a member at once).
    const live = ctx.get('liveProcess');
    const liveGroups = ctx.get('liveStakeholderGroups');
    const liveGroupsByKey = new Map(liveGroups.map((g) => [g.key, g]));
    ctx.storyAt(daysAfter(ctx.now, -20));
    await joinProcess(db, demoActor(ctx.member), live, liveGroups, {
      organisationId: orgs.get('civil_society')![2]!.id,
      stakeholderGroupId: liveGroupsByKey.get('civil_society')!.id,
      preferredLang: 'fr',
    });
    const livePeople = people.filter((_, i) => i % 4 === 0);
    for (const [i, p] of livePeople.entries()) {
      ctx.storyAt(daysAfter(ctx.now, -58 + (i * 50) / livePeople.length));
      await joinProcess(db, demoActor(p.user, { in: live.id }), live, liveGroups, {
        organisationId: p.orgId,
        stakeholderGroupId: liveGroupsByKey.get(p.sector)!.id,
        preferredLang: p.user.preferred_lang,
      });
    }
    ctx.put('livePeople', livePeople);
    // As the role's holders are listed (by name): the first edits the report and chairs, the second moderates.
    const byId = new Map(people.map((p) => [p.user.id, p.user]));
    ctx.put(
      'oversight',
      (await roleHolders(db, { role: 'oversight', processId: process.id })).map((h) => byId.get(h.user_id)).filter((u): u is User => !!u),
    );
  },
};

/** The first demo member who represents an organisation. */
async function firstMemberOf(db: Kysely<DB>, processId: string, organisationId: string, people: DemoPerson[]): Promise<User | undefined> {
  for (const p of people) {
    const m = await membership(db, processId, p.user.id);
    if (m?.organisation_id === organisationId) return p.user;
  }
  return undefined;
}
