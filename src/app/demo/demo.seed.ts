import type { Kysely } from 'kysely';
import type { DB, User } from '../../platform/db/schema.js';
import { demoRecords, demoSeedersInOrder, type DemoContext } from '../../platform/demo/seeders.js';
import { demoActor, seeded } from '../../platform/demo/kit.js';
import { backdateInstallationChain, backdateToAuditTrail } from '../../platform/demo/backdate.repository.js';
import { accountsRepository, createUser } from '../../modules/accounts/index.js';
import { MODULES } from '../modules.js';
import { setStoryTime, withStoryClock } from '../../platform/time/story-clock.js';

/** The demo sign-ins printed at start; the passwords are public by design (evaluation only). */
export const DEMO_ACCOUNTS = [
  { email: 'admin@concord.example', name: 'Alex Administrator', password: 'demo-passphrase-concord', admin: true, lang: 'en' as const },
  { email: 'membre@concord.example', name: 'Camille Tremblay', password: 'demo-phrase-de-passe-concord', admin: false, lang: 'fr' as const },
];

/**
 * When the demo sign-ins were made in the story: the morning the administrator convenes the
 * model process (its first phase opens on 1 June 2018, processes.demo.texts.ts), before the
 * organisations and representatives the participants seeder adds from 10:00 that day.
 */
const SIGN_INS_MADE = new Date('2018-06-01T08:00:00-04:00');

/** True when nothing has been created yet, the moment `npm start` loads the demo. */
export async function databaseIsEmpty(db: Kysely<DB>): Promise<boolean> {
  return (await accountsRepository.count(db)) === 0;
}

/**
 * Load the demo: the two demo sign-ins, then the model process (dated by its 2018–21 story
 * through the story clock each seeder sets) and the live process (dated from `now`), one
 * module's part after another. Each module with a part declares its seeder in its manifest (`demo`); they run in
 * the order their `after` gives, the list's order otherwise (platform/demo/seeders.ts):
 * today processes, participants, groups, meetings, calls, documents, comments, consensus,
 * recommendations, accountability.
 *
 * What stays here belongs to no single module: the two sign-ins (printed at start by main.ts,
 * counted by `concord seed --demo`, and acting in several modules' parts: the administrator
 * convenes, the member joins the process and a working group) and the story's shared random
 * sequence, drawn from by participants, groups and meetings in turn.
 *
 * Idempotent: the sign-ins that exist are left alone, and when a seeder says its part is
 * loaded already (the processes seeder does once the model process exists), nothing else is
 * seeded. Seeding is not one transaction: a run stopped half-way leaves a partial demo that
 * the next run does not complete, as before.
 */
export async function seedDemo(db: Kysely<DB>, opts: { baseUrl?: string; schema?: string | undefined; now?: Date } = {}): Promise<{ created: string[]; process: boolean }> {
  const seeders = demoSeedersInOrder(MODULES);
  const created: string[] = [];
  const accounts: User[] = [];
  // Made in the story too: the administrator convened the 2018 process, so their account (its
  // row, its admin role and their audit events) is dated before it, not on the day of loading.
  await withStoryClock(async () => {
    setStoryTime(SIGN_INS_MADE);
    for (const a of DEMO_ACCOUNTS) {
      const existing = await accountsRepository.findByEmail(db, a.email);
      if (existing) {
        accounts.push(existing);
        continue;
      }
      accounts.push(await createUser(db, { ...a, actorId: null }));
      created.push(a.email);
    }
  });
  const [adminUser, member] = accounts as [User, User];
  for (const m of seeders) if (await m.demo.loaded?.(db)) return { created, process: false };

  const ctx: DemoContext = {
    db,
    baseUrl: opts.baseUrl ?? 'http://localhost:3000',
    schema: opts.schema,
    admin: demoActor(adminUser, { admin: true }),
    member,
    rand: seeded(2018),
    now: opts.now ?? new Date(),
    storyAt: (at) => setStoryTime(at),
    ...demoRecords(),
  };
  // Each seeder dates its steps with ctx.storyAt; the clock stops with the seeding.
  await withStoryClock(async () => {
    for (const m of seeders) await m.demo.seed(ctx);
  });
  // Rows stamped at writing, which the clock does not reach, take their dates from their audit trail.
  for (const p of [ctx.get('process'), ctx.get('liveProcess')]) await backdateToAuditTrail(db, p.id);
  await backdateInstallationChain(db);
  return { created, process: true };
}
