import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../platform/db/schema.js';
import { canonicalJson, sha256Hex } from '../../platform/lib/crypto.js';
import { GENESIS_HASH, hashEvent } from '../../platform/audit/audit.service.js';
import { isSealed, publicEvent } from './audit-disclosure.js';
import type { AuditEventOut } from './audit-view.schema.js';

/** An event with nothing withheld, as the API would show it were every field public. */
const presentEvent = (e: AuditEvent): AuditEventOut => ({ ...publicEvent({ ...e, action: 'meeting.update' }, false), action: e.action });
/** The public view of a chain, as the API shows it. */
const publicChain = (events: AuditEvent[]) => events.map((e, i) => publicEvent(e, i > 0 && isSealed(events[i - 1]!)));

/** The browser verifier's pure half (src/platform/web/public/audit-chain.js), typed for this test. */
interface BrowserChain {
  GENESIS_HASH: string;
  canonicalJson(v: unknown): string;
  hashInput(e: AuditEventOut): string;
  sha256Hex(text: string): Promise<string>;
  startState(processId?: string): { prevHash: string; count: number; processCount: number };
  verifyPage(events: AuditEventOut[], state: ReturnType<BrowserChain['startState']>): Promise<{ ok: boolean; brokenAt?: string; reason?: string }>;
}
// A path in a variable: the file is plain JavaScript for browsers, outside the TypeScript program.
const browserFile = new URL('../../platform/web/public/audit-chain.js', import.meta.url).href;
const browser = (await import(browserFile)) as BrowserChain;

const P = '0190f5d3-0000-7000-8000-00000000000a';
/**
 * A chain of events as the server would write them, with awkward values on purpose: the
 * closed legacy chain (hashed without chain and batch fields) or a process's chain.
 */
function chain(id = `process:${P}`): AuditEvent[] {
  const raw: Omit<AuditEvent, 'hash' | 'prev_hash' | 'chain' | 'batch_root' | 'batch_count'>[] = [
    {
      seq: '1',
      occurred_at: new Date('2026-01-02T03:04:05.678Z'),
      actor_id: null,
      action: 'user.register',
      entity_type: 'user',
      entity_id: 'x',
      process_id: null,
      before_digest: null,
      after_digest: 'a'.repeat(64),
    },
    {
      seq: '2',
      occurred_at: new Date('2026-06-30T23:59:59.001Z'),
      actor_id: '0190f5d3-0000-7000-8000-000000000001',
      action: 'comment.submit',
      entity_type: 'comment',
      entity_id: '0190f5d3-0000-7000-8000-0000000000ff',
      process_id: P,
      before_digest: 'b'.repeat(64),
      after_digest: 'c'.repeat(64),
    },
    {
      seq: '3',
      occurred_at: new Date('2026-12-31T12:00:00.000Z'),
      actor_id: null,
      action: 'step "quoted" \\ é ✓ \u2028',
      entity_type: 'test',
      entity_id: 'a\nb',
      process_id: P,
      before_digest: null,
      after_digest: null,
    },
  ];
  let prev = GENESIS_HASH;
  return raw.map((r, i) => {
    // The last event of a process chain is a batch event.
    const batch = id !== 'legacy' && i === raw.length - 1 ? { batch_root: 'd'.repeat(64), batch_count: 10000 } : { batch_root: null, batch_count: null };
    const e = { ...r, chain: id, ...batch, prev_hash: prev };
    const hash = hashEvent(e);
    prev = hash;
    return { ...e, hash };
  });
}

describe('the browser verifier against the server', () => {
  it('writes canonical JSON byte for byte as the server does', () => {
    for (const v of [{ b: 1, a: [2, { d: 3, c: 4 }] }, { z: null, y: 'é ✓', x: undefined }, [], 'text', null, { n: { m: { l: 1, k: [null] } } }]) {
      expect(browser.canonicalJson(v)).toBe(canonicalJson(v));
    }
  });

  it('hashes each event of the API exactly as hashEvent does, in the legacy chain and in a process chain', async () => {
    expect(browser.GENESIS_HASH).toBe(GENESIS_HASH);
    for (const e of [...chain('legacy'), ...chain()]) {
      const input = browser.hashInput(presentEvent(e));
      expect(await browser.sha256Hex(input)).toBe(sha256Hex(input));
      expect(await browser.sha256Hex(input)).toBe(e.hash);
    }
  });

  it('verifies a chain across pages, counts a process’s events, and names an edited event', async () => {
    const events = chain().map(presentEvent);
    const state = browser.startState(P);
    expect(await browser.verifyPage(events.slice(0, 2), state)).toEqual({ ok: true });
    expect(await browser.verifyPage(events.slice(2), state)).toEqual({ ok: true });
    expect(state).toMatchObject({ count: 3, processCount: 2, prevHash: events[2]!.hash });

    const edited = events.map((e) => (e.seq === '2' ? { ...e, action: 'comment.hide' } : e));
    expect(await browser.verifyPage(edited, browser.startState(P))).toEqual({ ok: false, brokenAt: '2', reason: 'hash_mismatch' });
    expect(await browser.verifyPage([events[0]!, events[2]!], browser.startState(P))).toEqual({ ok: false, brokenAt: '3', reason: 'gap' });
  });
});

describe('the browser verifier and withheld fields', () => {
  /** A process chain of the given (action, digest) pairs, hashed as the server does. */
  function chainOf(rows: [string, string][]): AuditEvent[] {
    let prev = GENESIS_HASH;
    return rows.map(([action, digest], i) => {
      const e = {
        seq: String(i + 1),
        occurred_at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        actor_id: '0190f5d3-0000-7000-8000-000000000001',
        action,
        entity_type: 'meeting',
        entity_id: `m-${i}`,
        process_id: P,
        before_digest: null,
        after_digest: digest,
        chain: `process:${P}`,
        batch_root: null,
        batch_count: null,
        prev_hash: prev,
      };
      prev = hashEvent(e);
      return { ...e, hash: prev };
    });
  }
  const keyed = `hmac1:${'e'.repeat(64)}`;

  it('recomputes public events, links past withheld ones, and still names an edited public one', async () => {
    const events = publicChain(
      chainOf([
        ['meeting.update', keyed],
        ['meeting.register', keyed],
        ['meeting.register', 'f'.repeat(64)],
        ['meeting.update', keyed],
        ['meeting.update', keyed],
      ]),
    );
    // A keyed registration publishes its hash; an old unkeyed one is sealed, and so is the next prevHash.
    expect(events.map((e) => [e.actorId === null, e.hash === null, e.prevHash === null])).toEqual([
      [false, false, false],
      [true, false, false],
      [true, true, false],
      [false, false, true],
      [false, false, false],
    ]);
    const state = browser.startState(P);
    expect(await browser.verifyPage(events, state)).toEqual({ ok: true });
    expect(state).toMatchObject({ count: 5, withheld: 3 });
    const edited = events.map((e) => (e.seq === '5' ? { ...e, entityId: 'm-9' } : e));
    expect(await browser.verifyPage(edited, browser.startState(P))).toEqual({ ok: false, brokenAt: '5', reason: 'hash_mismatch' });
    const relinked = events.map((e) => (e.seq === '2' ? { ...e, prevHash: 'a'.repeat(64) } : e));
    expect(await browser.verifyPage(relinked, browser.startState(P))).toEqual({ ok: false, brokenAt: '2', reason: 'broken_link' });
  });
});

describe('chain and batch fields in the hash', () => {
  it('covers the chain and batch fields of new chains, so an event cannot move chain or change its batch', () => {
    const [e] = chain();
    expect(hashEvent({ ...e!, chain: 'installation' })).not.toBe(e!.hash);
    const last = chain()[2]!;
    expect(hashEvent({ ...last, batch_count: 9999 })).not.toBe(last.hash);
    expect(hashEvent({ ...last, batch_root: 'e'.repeat(64) })).not.toBe(last.hash);
    // Legacy events were hashed before these fields existed: their hash ignores them.
    const [old] = chain('legacy');
    expect(hashEvent({ ...old!, batch_root: 'x' })).toBe(old!.hash);
  });
});
