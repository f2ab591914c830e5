import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Reads remembered for the length of one page request.
 *
 * A page about a process looks the process up several times — the route's policy scope,
 * the handler, and the services it calls each need it — and on the embedded database every
 * query is a round trip through one engine. Inside `withReadMemo` (the app wraps each GET
 * and HEAD request in it) a read made through `memoized` with the same key is answered from
 * the first. Only requests that change nothing are wrapped, so nothing read can be stale
 * by the request's own doing; outside a request (jobs, the CLI, tests of services) every
 * call reads.
 */
const store = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Run `fn` with a fresh memo. */
export function withReadMemo<T>(fn: () => T): T {
  return store.run(new Map(), fn);
}

/** `load()`, or what it gave earlier in this request for the same key. A failed read is not kept. */
export function memoized<T>(key: string, load: () => Promise<T>): Promise<T> {
  const memo = store.getStore();
  if (!memo) return load();
  let p = memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    memo.set(key, p);
    p.catch(() => memo.delete(key));
  }
  return p;
}
