import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineThread } from '../../src/platform/db/engine-thread.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { ENGINE } from '../helpers/db.js';

/**
 * Issue 10: on the embedded engine, expensive work must not hold the one thread that answers
 * everyone. The server runs PGlite in a worker thread (engine-thread.ts); here an app on such a
 * database answers /healthz, and the event loop keeps turning, while a statement of a second or
 * more runs. Compared as ratios of the slow statement's own time, so a loaded machine does not
 * make the test lie either way.
 */

/** Rejects if `p` has not settled within `ms`: a hang fails the test instead of timing it out. */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))]);
}

describe.skipIf(ENGINE === 'postgres')('the embedded engine in its own thread', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({}, { logger: false }, { engineThread: true });
  });
  afterAll(async () => t?.close());

  it('answers a request that needs no database, and runs timers, while a slow statement runs', async () => {
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
    // The event loop's longest pause while the statement runs.
    let last = performance.now();
    let longestPause = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestPause = Math.max(longestPause, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const slow = sql<{ n: string }>`select count(*) as n from generate_series(1, 4000000)`.execute(t.db).then((r) => ({ n: r.rows[0]!.n, ms: performance.now() - started }));
    // Asked 50 ms in, and timed from then: a blocked loop would delay the asking itself.
    const health = new Promise<{ status: number; ms: number }>((resolve, reject) => {
      setTimeout(() => {
        t.app.inject('/healthz').then((res) => resolve({ status: res.statusCode, ms: performance.now() - started - 50 }), reject);
      }, 50);
    });
    const [done, answered] = await Promise.all([slow, health]);
    clearInterval(ticker);
    expect(done.n).toBe('4000000');
    expect(answered.status).toBe(200);
    // The statement is slow indeed, and the others wait a small part of it.
    expect(done.ms).toBeGreaterThan(300);
    expect(answered.ms / done.ms, `/healthz took ${answered.ms.toFixed(0)} ms while the statement took ${done.ms.toFixed(0)} ms`).toBeLessThan(0.2);
    console.log(`slow statement ${done.ms.toFixed(0)} ms; /healthz ${answered.ms.toFixed(0)} ms; longest event-loop pause ${longestPause.toFixed(0)} ms`);
    expect(longestPause / done.ms, `the event loop paused ${longestPause.toFixed(0)} ms while the statement took ${done.ms.toFixed(0)} ms`).toBeLessThan(0.2);
  });

  it('hands back the engine’s errors with their PostgreSQL fields, and goes on', async () => {
    const failed = await within(sql`select 1 / 0`.execute(t.db), 10_000).catch((err: unknown) => err);
    expect(failed).toMatchObject({ code: '22012', message: 'division by zero' });
    expect((await sql<{ x: number }>`select 2 as x`.execute(t.db)).rows).toEqual([{ x: 2 }]);
  });

  it('fails every call, pending or later, when the thread dies, instead of hanging', async () => {
    const engine = await EngineThread.open({});
    const pending = engine.query('select count(*) from generate_series(1, 20000000)');
    await new Promise((r) => setTimeout(r, 50));
    await engine.worker.terminate();
    await expect(within(pending, 10_000)).rejects.toThrow(/the embedded database engine stopped/);
    await expect(within(engine.query('select 1'), 10_000)).rejects.toThrow(/the embedded database engine stopped/);
    await expect(within(engine.close(), 10_000)).resolves.toBeUndefined();
  });

  it('refuses to open, rather than hang, when the engine cannot start', async () => {
    await expect(within(EngineThread.open({ loadDataDir: new Blob(['not a data folder dump']) }), 30_000)).rejects.toThrow();
  });
});
