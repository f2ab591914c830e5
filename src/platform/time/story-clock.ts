import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The time records are stamped with. Outside a story it is the wall clock. The demo loads a
 * history (2018–2021) through the ordinary services; inside `withStoryClock` the seeders set
 * the story's time before each step, so audit events (whose time is hashed into their chain,
 * so it cannot be changed afterwards), feed entries, joined dates and the rows services stamp
 * at writing (people, organisations and who acts for them, roles, processes, working-group
 * members, announcements) carry the date they have in the story instead of the day the demo
 * was loaded. Services that take an `at` or `now` are given the story's time by the seeders.
 * test/http/demo-outcomes.test.ts walks every date column of every table to hold this.
 */
const store = new AsyncLocalStorage<{ at: Date | undefined }>();

/** Now: the story's time inside withStoryClock once set, the wall clock otherwise. */
export function clockNow(): Date {
  const at = store.getStore()?.at;
  return at ? new Date(at) : new Date();
}

/** Run `fn` with a story clock that `setStoryTime` moves (undefined: back to the wall clock). */
export function withStoryClock<T>(fn: () => Promise<T>): Promise<T> {
  return store.run({ at: undefined }, fn);
}

/** Set the story's time for what follows inside withStoryClock; outside one it is refused, so it never leaks into requests. */
export function setStoryTime(at: Date | undefined): void {
  const s = store.getStore();
  if (!s) throw new Error('setStoryTime outside withStoryClock');
  s.at = at;
}
