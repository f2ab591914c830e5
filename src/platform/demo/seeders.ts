import type { Kysely } from 'kysely';
import type { DB, User } from '../db/schema.js';
import type { Actor } from '../auth/roles.js';

/**
 * What the demo's seeders have made, by name, for the seeders that run after them. The module
 * whose seeder makes a record declares it by augmenting this interface in its `<name>.demo.ts`
 * (as tables augment DB and slots augment SectionSlots):
 *
 *   declare module '../../platform/demo/seeders.js' {
 *     interface DemoRecords { process: Process }
 *   }
 *
 * and later seeders read it with `ctx.get('process')`, typed, without importing that module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface DemoRecords {}

/** What every seeder is given: the database, the demo's sign-ins, and the records made so far. */
export interface DemoContext {
  readonly db: Kysely<DB>;
  /** The installation's address, for links in the mail and activity the services write. */
  readonly baseUrl: string;
  /** The app's schema on PostgreSQL (undefined on PGlite), for services that plan jobs. */
  readonly schema: string | undefined;
  /** The demo administrator (a demo sign-in), who convenes the process and acts for it. */
  readonly admin: Actor;
  /** The demo member (the other demo sign-in), who takes part like any participant. */
  readonly member: User;
  /**
   * The story's shared pseudo-random sequence (seeded, never Math.random): seeders draw from it
   * in their order, so every installation gets the same people, groups and attendance. A
   * seeder that only needs its own draws makes its own with `seeded()` instead.
   */
  readonly rand: () => number;
  /**
   * The moment the demo is seeded. The model process is dated by its story (2018–2021); the
   * live process's dates are counted from this, so it is under way whenever the demo is loaded.
   */
  readonly now: Date;
  /**
   * Set the story's time for the steps that follow: their audit events, feed entries and joined
   * dates are stamped with it (platform/time/story-clock.ts). Services that take `{ at }` are
   * given the same time for their own rows.
   */
  storyAt(at: Date): void;
  /** Record what this seeder made for later ones; a name is recorded once. */
  put<K extends keyof DemoRecords>(name: K, value: DemoRecords[K]): void;
  /** A record an earlier seeder made; throws, naming it, when none has (a missing `after`). */
  get<K extends keyof DemoRecords>(name: K): DemoRecords[K];
}

/** A module's part of the demo story, declared in its manifest's `demo`. */
export interface DemoSeeder {
  /** The modules whose seeders must run first (their names): those whose records this one reads. */
  after?: readonly string[];
  /**
   * True when this module's part of the demo is already in the database. The demo is one
   * story, loaded whole: when any seeder says so, the loop seeds nothing (so seeding again is
   * harmless). One seeder answering is enough; the processes module's does.
   */
  loaded?: (db: Kysely<DB>) => Promise<boolean>;
  /** Add this module's part of the story, through its own services and other modules' faces. */
  seed: (ctx: DemoContext) => Promise<void>;
}

/** A module as the ordering sees it (a manifest has these fields). */
export interface SeedingModule {
  name: string;
  demo?: DemoSeeder | undefined;
}

/**
 * The modules that have a demo seeder, in the order they run: each after every module its
 * seeder names in `after`, and otherwise in the order of the list (src/app/modules.ts), so
 * the order is the same on every run. Throws on a name in `after` that is not a module with a
 * seeder, and on a cycle, naming the modules.
 * @example demoSeedersInOrder(MODULES).map((m) => m.name) // ['processes', 'participants', …]
 */
export function demoSeedersInOrder<M extends SeedingModule>(modules: readonly M[]): (M & { demo: DemoSeeder })[] {
  const seeding = modules.filter((m): m is M & { demo: DemoSeeder } => m.demo !== undefined);
  const byName = new Map(seeding.map((m) => [m.name, m]));
  for (const m of seeding) {
    for (const dep of m.demo.after ?? []) {
      if (byName.has(dep)) continue;
      const why = modules.some((x) => x.name === dep) ? 'which has no demo seeder' : 'which is not an installed module';
      throw new Error(`The demo seeder of ${m.name} runs after ${dep}, ${why}`);
    }
  }
  // Kahn's algorithm, taking the earliest listed module whose dependencies have all run.
  const ordered: (M & { demo: DemoSeeder })[] = [];
  const done = new Set<string>();
  while (ordered.length < seeding.length) {
    const next = seeding.find((m) => !done.has(m.name) && (m.demo.after ?? []).every((d) => done.has(d)));
    if (!next) {
      const waiting = seeding.filter((m) => !done.has(m.name));
      throw new Error(`The demo seeders wait on each other in a cycle: ${cycleAmong(waiting).join(' → ')}`);
    }
    ordered.push(next);
    done.add(next.name);
  }
  return ordered;
}

/** One cycle among seeders that all wait on one another (each has a dependency left in the set). */
function cycleAmong(waiting: readonly { name: string; demo: DemoSeeder }[]): string[] {
  const byName = new Map(waiting.map((m) => [m.name, m]));
  const path: string[] = [];
  let at = waiting[0]!.name;
  // Follow a dependency still waiting until a name repeats: what lies from its first visit on is a cycle.
  while (!path.includes(at)) {
    path.push(at);
    at = (byName.get(at)!.demo.after ?? []).find((d) => byName.has(d))!;
  }
  return [...path.slice(path.indexOf(at)), at];
}

/** The records of one run of the demo, behind `put` and `get`. */
export function demoRecords(): Pick<DemoContext, 'put' | 'get'> {
  const records = new Map<keyof DemoRecords, unknown>();
  return {
    put(name, value) {
      if (records.has(name)) throw new Error(`The demo recorded ${String(name)} twice`);
      records.set(name, value);
    },
    get<K extends keyof DemoRecords>(name: K): DemoRecords[K] {
      if (!records.has(name)) throw new Error(`The demo has no ${String(name)} yet: the seeder that makes it must run first (list its module in \`after\`)`);
      return records.get(name) as DemoRecords[K];
    },
  };
}
