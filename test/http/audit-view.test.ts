import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';
import { createProcess } from '../../src/modules/processes/processes.service.js';
import { recordAudit } from '../../src/platform/audit/audit.service.js';
import { inTransaction } from '../../src/platform/db/tx.js';

/**
 * The public audit view of a process: the page (newest first, keyset pages, filter, French,
 * no emails), the JSON a reader can recompute the chain from, and the verify page naming the
 * first broken link once an event is edited behind the trigger's back.
 */
let t: TestApp;
let admin: Actor;
let email: string;
const ids = { a: '', b: '' };

/** How many events process A has, counted directly. */
const processEvents = async () =>
  Number(
    (
      await t.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('process_id', '=', ids.a)
        .executeTakeFirstOrThrow()
    ).n,
  );
const seqsOf = (html: string) => [...html.matchAll(/id="event-(\d+)"/g)].map((m) => Number(m[1]));
const hrefOf = (html: string, rel: 'next' | 'prev') => {
  const m = new RegExp(`<a href="([^"]+)" rel="${rel}"`).exec(html);
  return m ? m[1]!.replaceAll('&amp;', '&') : undefined;
};
/** The server's canonical JSON, written independently: keys sorted, undefined dropped. */
const canonical = (o: Record<string, unknown>) =>
  JSON.stringify(
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    ),
  );
/** Recompute an API event's hash with node:crypto from the fields the API gives. */
function recompute(e: Record<string, string | number | null>): string {
  const body = canonical({
    chain: e.chain,
    batch_root: e.batchRoot,
    batch_count: e.batchCount,
    seq: e.seq,
    occurred_at: e.occurredAt,
    actor_id: e.actorId,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    process_id: e.processId,
    before_digest: e.beforeDigest,
    after_digest: e.afterDigest,
  });
  return createHash('sha256').update(`${e.prevHash}\n${body}`).digest('hex');
}

beforeAll(async () => {
  t = await testApp();
  email = uniqueEmail('auditor');
  const user = await createUser(t.db, { email, name: 'Audrey Auditor', password: 'audit every single change', admin: true, skipStrengthCheck: true });
  admin = { userId: user.id, name: 'Audrey Auditor', email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
  const base = { summaryEn: '', summaryFr: '', descriptionEn: '', descriptionFr: '', registration: 'open' as const, timezone: 'America/Vancouver', phases: [] };
  ids.a = (await createProcess(t.db, admin, { slug: 'audit-a', titleEn: 'Audited', titleFr: 'Audité', ...base })).id;
  ids.b = (await createProcess(t.db, admin, { slug: 'audit-b', titleEn: 'Other', titleFr: 'Autre', ...base })).id;
  for (let i = 0; i < 60; i++) {
    await inTransaction(t.db, (trx) =>
      recordAudit(trx, {
        actorId: admin.userId,
        action: i % 3 === 0 ? 'comment.hide' : 'meeting.schedule',
        entityType: 'meeting',
        entityId: `m-${i}`,
        processId: ids.a,
        after: { i },
      }),
    );
    if (i % 20 === 0) {
      await inTransaction(t.db, (trx) =>
        recordAudit(trx, { actorId: admin.userId, action: 'meeting.cancel', entityType: 'meeting', entityId: `b-${i}`, processId: ids.b }),
      );
    }
  }
  // A comment event whose comment is not public: its author is not named.
  await inTransaction(t.db, (trx) =>
    recordAudit(trx, { actorId: admin.userId, action: 'comment.submit', entityType: 'comment', entityId: 'gone', processId: ids.a }),
  );
  // Meeting registrants are published only as counts: the trail does not name them either.
  await inTransaction(t.db, (trx) =>
    recordAudit(trx, { actorId: admin.userId, action: 'meeting.register', entityType: 'meeting_registration', entityId: 'r-1', processId: ids.a }),
  );
  await inTransaction(t.db, (trx) => recordAudit(trx, { actorId: null, action: 'brand.new.thing', entityType: 'widget', entityId: 'w-1', processId: ids.a }));
});
afterAll(async () => t?.close());

describe('a process’s audit page', () => {
  it('lists that process’s events only, newest first, 50 a page, with who, what and the hashes, never an email', async () => {
    const res = await t.app.inject({ url: '/en/processes/audit-a/audit' });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    const seqs = seqsOf(html);
    expect(seqs).toHaveLength(50);
    expect([...seqs].sort((x, y) => y - x)).toEqual(seqs);
    // The process's own chain counts from 1 with no other process's events in between.
    expect(seqs[0]).toBe(await processEvents());
    // Process B's events name meetings b-0, b-1…; matched as links, since "b-0" can occur inside a random UUID on the page.
    expect(html).not.toMatch(/\/meetings\/b-\d+"/);
    expect(html).toContain('Audrey Auditor');
    expect(html).toContain('Scheduled a meeting');
    expect(html).toContain('Recorded “brand.new.thing”'); // the generic sentence for an unknown action
    expect(html).toContain('A participant (name not published)'); // comment.submit without a public comment
    expect(html).not.toContain(email);
    const row = (action: string) =>
      new RegExp(`<tr id="event-\\d+">(?:(?!</tr>).)*<code class="meta">${action.replace('.', '\\.')}</code>(?:(?!</tr>).)*</tr>`).exec(html)?.[0] ?? '';
    expect(row('meeting.register')).toContain('A participant (name not published)');
    expect(row('meeting.register')).not.toContain('Audrey Auditor');
    expect(row('meeting.schedule')).toContain('Audrey Auditor');
    expect(row('meeting.schedule')).toMatch(/<time dateTime="[^"]+Z">[^<]+<\/time>/i);
    expect(html).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);
    const newest = await t.db.selectFrom('audit_events').selectAll().where('process_id', '=', ids.a).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(html).toContain(`<code>${newest.hash}</code>`);
    // The event before it (a meeting registration, actor withheld) is sealed: its hash would let
    // anyone try each member's id, so it is withheld here too, as the newest event's prevHash.
    expect(html).not.toContain(newest.prev_hash);
    expect(row('meeting.register')).toContain('Withheld: this event holds data that is not public');
    expect(html).toContain('<script type="module" src="/static/audit-verify.js">');
    expect(hrefOf(html, 'prev')).toBeUndefined();
    for (const file of ['audit-verify.js', 'audit-chain.js']) {
      const js = await t.app.inject({ url: `/static/${file}` });
      expect(js.statusCode).toBe(200);
      expect(js.headers['content-type']).toMatch(/javascript/);
    }
  });

  it('pages back with Older and forward with Newer links', async () => {
    const first = (await t.app.inject({ url: '/en/processes/audit-a/audit' })).body;
    const older = hrefOf(first, 'next')!;
    expect(older).toMatch(/\?after=\d+$/);
    const second = (await t.app.inject({ url: older })).body;
    const s2 = seqsOf(second);
    expect(s2).toHaveLength((await processEvents()) - 50);
    expect(Math.max(...s2)).toBeLessThan(Math.min(...seqsOf(first)));
    expect(hrefOf(second, 'next')).toBeUndefined();
    const back = (await t.app.inject({ url: hrefOf(second, 'prev')! })).body;
    expect(seqsOf(back)).toEqual(seqsOf(first));
  });

  it('filters by action prefix in a GET form', async () => {
    const html = (await t.app.inject({ url: '/en/processes/audit-a/audit?action=comment.' })).body;
    const actions = [...html.matchAll(/<code class="meta">([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(actions.length).toBe(21);
    expect(new Set(actions)).toEqual(new Set(['comment.hide', 'comment.submit']));
    expect(html).toContain('<option value="comment." selected');
    // A nonsense cursor or filter falls back to the newest events.
    expect(seqsOf((await t.app.inject({ url: '/en/processes/audit-a/audit?after=abc&action=%25' })).body)).toHaveLength(50);
  });

  it('reads in French', async () => {
    const html = (await t.app.inject({ url: '/fr/processes/audit-a/audit' })).body;
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('Journal d’audit');
    expect(html).toContain('A planifié une réunion');
    expect(html).toContain('Événements plus anciens');
  });

  it('is linked from the process page, and is a 404 for an unknown process', async () => {
    expect((await t.app.inject({ url: '/en/processes/audit-a' })).body).toContain('href="/en/processes/audit-a/audit"');
    expect((await t.app.inject({ url: '/en/processes/nope/audit' })).statusCode).toBe(404);
  });
});

describe('the audit API', () => {
  it('gives a process’s events newest first with every hashed field, so a reader can recompute each hash', async () => {
    const res = await t.app.inject({ url: '/api/v1/processes/audit-a/audit?limit=10' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(10);
    expect(body.previous).toBeNull();
    for (const e of body.items) {
      expect(e.processId).toBe(ids.a);
      // Events with withheld fields (the registration, the comment) cannot be recomputed.
      if (e.withheld.length === 0) expect(recompute(e)).toBe(e.hash);
    }
    expect(body.items.filter((e: { withheld: string[] }) => e.withheld.length).length).toBe(3);
    const next = (await t.app.inject({ url: `/api/v1/processes/audit-a/audit?limit=10&after=${body.next}` })).json();
    expect(Number(next.items[0].seq)).toBeLessThan(Number(body.items[9].seq));
    expect(next.previous).toBe(next.items[0].seq);
  });

  it('gives each chain page by page, each event linking to the one before, and refuses an unknown chain', async () => {
    let count = 0;
    for (const chain of [`process:${ids.a}`, `process:${ids.b}`, 'installation']) {
      let after = '0';
      let prev: string | null = '0'.repeat(64);
      let seq = 0;
      for (;;) {
        const page = (await t.app.inject({ url: `/api/v1/audit/chain?chain=${chain}&after=${after}&limit=7` })).json();
        expect(page).toMatchObject({ chain, firstPrevHash: '0'.repeat(64) });
        for (const e of page.events) {
          expect(e.chain).toBe(chain);
          expect(Number(e.seq)).toBe(++seq);
          if (e.prevHash !== null && prev !== null) expect(e.prevHash).toBe(prev);
          if (e.withheld.length === 0) expect(recompute(e)).toBe(e.hash);
          prev = e.hash;
          count++;
        }
        if (page.next === null) break;
        after = page.next;
      }
    }
    const total = await t.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count).toBe(Number(total.n));
    expect((await t.app.inject({ url: '/api/v1/audit/chain?limit=5000' })).statusCode).toBe(400);
    const bad = await t.app.inject({ url: '/api/v1/audit/chain?chain=everything', headers: { 'accept-language': 'fr' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Nommez une chaîne');
  });
});

describe('verifying', () => {
  it('says the process’s chain holds and how many events it verified', async () => {
    const html = (await t.app.inject({ url: '/en/processes/audit-a/audit/verify' })).body;
    expect(await processEvents()).toBeGreaterThan(60);
    expect(html).toContain(`This process’s chain holds: ${await processEvents()} events verified.`);
    const fr = (await t.app.inject({ url: '/fr/processes/audit-a/audit/verify' })).body;
    expect(fr).toContain('La chaîne de ce processus est intacte');
  });

  it('names the first broken link once an event is edited behind the trigger’s back', async () => {
    const victim = await t.db
      .selectFrom('audit_events')
      .select('seq')
      .where('process_id', '=', ids.a)
      .orderBy('seq')
      .offset(5)
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(t.db);
    await sql`update audit_events set action = 'meeting.nothingToSeeHere' where chain = ${`process:${ids.a}`} and seq = ${victim.seq}`.execute(t.db);
    await sql`alter table audit_events enable trigger audit_events_no_change`.execute(t.db);
    const html = (await t.app.inject({ url: '/en/processes/audit-a/audit/verify' })).body;
    expect(html).toContain(`The chain is broken at event ${victim.seq}: its hash does not match its contents.`);
    expect(html).toContain('5 events before it verify.');
    // The API shows the edited event as it is, so a reader's recomputation fails too.
    const page = (await t.app.inject({ url: `/api/v1/audit/chain?chain=process:${ids.a}&after=${BigInt(victim.seq) - 1n}&limit=1` })).json();
    expect(recompute(page.events[0])).not.toBe(page.events[0].hash);
  });
});
