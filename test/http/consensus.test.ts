import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import { adminActor, makeDocument, makeGroup, makeOrganisation, makeProcess } from '../helpers/factories.js';
import type { Actor, ProcessRole } from '../../src/platform/auth/roles.js';
import { grantRole } from '../../src/modules/accounts/accounts.service.js';
import { getProcess } from '../../src/modules/processes/processes.service.js';
import { joinGroup } from '../../src/modules/groups/groups.service.js';
import { groupsRepository } from '../../src/modules/groups/groups.repository.js';
import { joinProcess } from '../../src/modules/participants/participants.service.js';
import { consensusSummary, openCall, positionHistory, statePosition } from '../../src/modules/consensus/consensus.service.js';
import { fileAppeal, recordOutcome } from '../../src/modules/consensus/outcomes.service.js';
import { createRecommendation } from '../../src/modules/recommendations/recommendations.service.js';

/**
 * Consensus calls end to end through the API and the pages: who may open one, positions and
 * their history, objections needing a reason, the deadline to the second, results by
 * stakeholder group with the members who did not respond, the outcome refused while an
 * objection is unanswered, appeals within their window and a changed outcome, French pages.
 */
let t: TestApp;
let admin: Actor;
const SLUG = 'cons-process';
const f = { processId: '', groupA: '', groupB: '', orgId: '', sg: new Map<string, string>() };
const api = (path = '') => `/api/v1/processes/${SLUG}/consensus-calls${path}`;
const page = (lang: 'en' | 'fr', path = '') => `/${lang}/processes/${SLUG}/consensus${path}`;
const DAY = 86_400_000;

interface Person {
  client: Client;
  userId: string;
  actor: Actor;
}

const actorOf = (userId: string, roles: ProcessRole[] = []): Actor => ({
  userId,
  name: 'Test Person',
  email: 'x@example.org',
  lang: 'en',
  emailConfirmed: true,
  isAdmin: false,
  processRoles: new Map([[f.processId, new Set(roles)]]),
  groupRoles: new Map(),
  organisationRoles: new Map(),
  installationRoles: new Set(),
});

/** A signed-in member of the process in a stakeholder group, optionally in working group A. */
async function member(sgKey: string, inGroupA: boolean): Promise<Person> {
  const { client, userId } = await signedInClient(t);
  const actor = actorOf(userId);
  const { process, stakeholderGroups } = await getProcess(t.db, SLUG);
  await joinProcess(t.db, actor, process, stakeholderGroups, { stakeholderGroupId: f.sg.get(sgKey)!, organisationId: f.orgId, preferredLang: 'en' });
  actor.processRoles.get(f.processId)!.add('member');
  if (inGroupA) await joinGroup(t.db, actor, (await groupsRepository.byId(t.db, f.groupA))!);
  return { client, userId, actor };
}

const call = (over: Record<string, unknown> = {}) => ({
  target: 'document',
  document: 'labels',
  questionEn: 'Can you accept the labels section as written?',
  questionFr: 'Pouvez-vous accepter la section sur les étiquettes telle quelle ?',
  options: [{ labelEn: 'The text as written', labelFr: 'Le texte tel quel' }],
  deadline: new Date(Date.now() + 7 * DAY).toISOString(),
  timeZone: 'America/Toronto',
  appealDays: 10,
  ...over,
});

let chairA: Person;
let oversight: Client;
let m1: Person; // government, group A: supports, then objects
let m2: Person; // government, group A: supports
let m3: Person; // civil society, group A: silent
let m4: Person; // technical, not in group A
let groupCall = { id: '', option: '' };

beforeAll(async () => {
  t = await testApp();
  admin = await adminActor(t.db);
  const { process, stakeholderGroups } = await makeProcess(t.db, admin, SLUG, { titleEn: 'Consensus', titleFr: 'Consensus' });
  f.processId = process.id;
  for (const g of stakeholderGroups) f.sg.set(g.key, g.id);
  f.groupA = (await makeGroup(t.db, admin, process.id, 'labels', { nameEn: 'Labels', nameFr: 'Étiquettes' })).id;
  f.groupB = (await makeGroup(t.db, admin, process.id, 'other', { nameEn: 'Other', nameFr: 'Autre' })).id;
  await makeDocument(t.db, admin, process.id, { groupId: f.groupA, slug: 'labels', title: 'Labels', markdown: '# Labels\n\n## 4.2 Label contents\n\nLabels say how long updates last.\n' });
  await makeDocument(t.db, admin, process.id, { groupId: f.groupB, slug: 'other-doc', title: 'Other', markdown: '# Other\n\nText.\n' });
  await makeDocument(t.db, admin, process.id, { slug: 'charter', title: 'Charter', markdown: '# Charter\n\nText.\n' });
  f.orgId = await makeOrganisation(t.db, admin, 'Consensus Org', 'technical');

  const chair = await signedInClient(t);
  await grantRole(t.db, { userId: chair.userId, role: 'chair', processId: process.id, groupId: f.groupA, grantedBy: null });
  chairA = { client: chair.client, userId: chair.userId, actor: { ...actorOf(chair.userId), groupRoles: new Map([[f.groupA, new Set(['chair' as const])]]) } };
  oversight = (await signedInClient(t, { processRoles: [{ role: 'oversight', processId: process.id }] })).client;
  m1 = await member('government', true);
  m2 = await member('government', true);
  m3 = await member('civil_society', true);
  m4 = await member('technical', false);
});
afterAll(async () => t?.close());

describe('opening a call', () => {
  it('lets the chair of group A open a call on a section of A’s document, kept to the second', async () => {
    const res = await chairA.client.json('POST', api(), call({ target: 'section', anchor: '4.2', deadline: '2099-03-29T17:00:00.750-04:00' }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ groupId: f.groupA, status: 'open', acceptingPositions: true, appealDays: 10, timeZone: 'America/Toronto', target: { kind: 'section', versionNumber: 1 } });
    expect(body.deadline).toBe('2099-03-29T21:00:00.000Z');
    expect(body.target.anchor).toBeTruthy();
    expect(body.target.url).toContain(`/en/processes/${SLUG}/documents/labels/versions/1#${body.target.anchor}`);
    expect(body.results[0].groups.map((g: { key: string }) => g.key)).toContain('government');
    groupCall = { id: body.id, option: body.options[0].id };
    const activity = await t.db.selectFrom('activity').selectAll().where('kind', '=', 'consensus.opened').executeTakeFirstOrThrow();
    expect(activity).toMatchObject({ group_id: f.groupA, path: `/processes/${SLUG}/consensus/${body.id}` });
  });

  it('refuses the chair of group A on group B’s document and on the process’s own, and members', async () => {
    expect((await chairA.client.json('POST', api(), call({ document: 'other-doc' }))).statusCode).toBe(403);
    expect((await chairA.client.json('POST', api(), call({ document: 'charter' }))).statusCode).toBe(403);
    expect((await m1.client.json('POST', api(), call())).statusCode).toBe(403);
    // The service asks the policy itself: a scope computed from another document does not help.
    await expect(openCall(t.db, chairA.actor, f.processId, { ...call({ document: 'other-doc' }), target: 'document', appealDays: 10 } as never)).rejects.toMatchObject({ status: 403 });
    const count = await t.db.selectFrom('consensus_calls').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses a missing section, a past deadline and a call without options', async () => {
    const noSection = await chairA.client.json('POST', api(), call({ target: 'section', anchor: '9.9' }));
    expect(noSection.statusCode).toBe(422);
    expect(noSection.json().errors).toHaveProperty('anchor');
    const past = await chairA.client.json('POST', api(), call({ deadline: new Date(Date.now() - 1000).toISOString() }));
    expect(past.statusCode).toBe(422);
    expect(past.json()).toMatchObject({ detail: 'The deadline must be in the future.', errors: { deadline: 'consensus.errors.deadlinePast' } });
    expect((await chairA.client.json('POST', api(), call({ options: [] }))).statusCode).toBe(400);
    const noRec = await oversight.json('POST', api(), call({ target: 'recommendation', document: undefined, recommendationId: '01900000-0000-7000-8000-000000000000' }));
    expect(noRec.statusCode).toBe(422);
    expect(noRec.json().errors).toHaveProperty('recommendationId');
  });

  it('describes its routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['', '/{callId}', '/{callId}/positions', '/{callId}/outcome', '/{callId}/appeals', '/{callId}/appeals/{appealId}/answer']) {
      expect(Object.keys(doc.paths)).toContain(`/api/v1/processes/{processSlug}/consensus-calls${path}`);
    }
  });

  it('opens a call through the form, with the deadline as a local time in the named zone', async () => {
    const form = await chairA.client.get(page('en', '/new?document=labels'));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('The text as written');
    const res = await chairA.client.post(page('en', '/new?document=labels'), {
      document: 'labels',
      version: '1',
      anchor: '',
      questionEn: 'Accept the labels document?',
      questionFr: 'Accepter le document sur les étiquettes ?',
      'options[0][labelEn]': '',
      'options[0][labelFr]': '',
      'options[1][labelEn]': 'As written',
      'options[1][labelFr]': '',
      deadline: '2099-01-15T17:00:00',
      timeZone: 'America/Toronto',
      appealDays: '14',
    });
    // The half-filled second row is named in the error, not the blank first one.
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#field-options.1.labelFr"');
    const ok = await chairA.client.post(page('en', '/new?document=labels'), {
      document: 'labels',
      questionEn: 'Accept the labels document?',
      questionFr: 'Accepter le document sur les étiquettes ?',
      'options[0][labelEn]': 'As written',
      'options[0][labelFr]': 'Tel quel',
      deadline: '2099-01-15T17:00:00',
      timeZone: 'America/Toronto',
      appealDays: '14',
    });
    expect(ok.statusCode).toBe(303);
    const id = String(ok.headers.location).split('/').pop()!;
    const row = await t.db.selectFrom('consensus_calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.deadline.toISOString()).toBe('2099-01-15T22:00:00.000Z');
    expect(row).toMatchObject({ target_kind: 'document', group_id: f.groupA, anchor: null, appeal_days: 14 });
  });
});

describe('positions', () => {
  it('records a position, refuses an objection without a reason, and keeps every change', async () => {
    const position = (p: Person, body: Record<string, unknown>, headers: Record<string, string> = {}) => p.client.json('POST', api(`/${groupCall.id}/positions`), { optionId: groupCall.option, ...body }, headers);
    expect((await position(m1, { stance: 'support' })).statusCode).toBe(200);
    const noReason = await position(m1, { stance: 'object', reason: '  ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ detail: 'An objection needs a reason: say what you object to and what would have to change.', errors: { reason: 'consensus.errors.reasonRequired' } });
    const fr = await position(m1, { stance: 'object' }, { 'accept-language': 'fr' });
    expect(fr.json().detail).toBe('Une objection doit être motivée\u00a0: dites à quoi vous vous opposez et ce qui devrait changer.');
    const changed = await position(m1, { stance: 'object', reason: 'Labels must say when updates end, not how long they last.' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ stance: 'object', stakeholderGroupId: f.sg.get('government'), organisationId: f.orgId, supersededAt: null });
    expect((await position(m2, { stance: 'support' })).statusCode).toBe(200);

    const rows = await t.db.selectFrom('consensus_positions').selectAll().where('call_id', '=', groupCall.id).where('user_id', '=', m1.userId).orderBy('id').execute();
    expect(rows.map((r) => [r.stance, r.superseded_at === null])).toEqual([
      ['support', false],
      ['object', true],
    ]);
    const history = (await t.app.inject({ url: api(`/${groupCall.id}/positions`) })).json();
    expect(history.items.map((p: { stance: string; name: string }) => p.stance)).toEqual(['support', 'object', 'support']);
    expect(history.items[2].supersededAt).not.toBeNull();
  });

  it('takes positions only from members of the call’s working group', async () => {
    const res = await m4.client.json('POST', api(`/${groupCall.id}/positions`), { optionId: groupCall.option, stance: 'support' });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('only its members');
    const outsider = (await signedInClient(t)).client;
    expect((await outsider.json('POST', api(`/${groupCall.id}/positions`), { optionId: groupCall.option, stance: 'support' })).statusCode).toBe(403);
  });

  it('says in the form when an objection has no reason', async () => {
    await m3.client.get(page('en', `/${groupCall.id}`));
    const res = await m3.client.post(page('en', `/${groupCall.id}/position`), { optionId: groupCall.option, stance: 'object', reason: '' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(`href="#field-reason-${groupCall.option}"`);
    expect(res.body).toContain('An objection needs a reason');
    expect(await t.db.selectFrom('consensus_positions').select('id').where('user_id', '=', m3.userId).execute()).toHaveLength(0);
  });
});

describe('the deadline, to the second', () => {
  it('accepts a position up to the last millisecond before the deadline and refuses one at it', async () => {
    const d = await openCall(t.db, admin, f.processId, { ...call({ document: 'charter' }), target: 'document', appealDays: 10 } as never);
    const deadline = d.call.deadline.getTime();
    const option = d.options[0]!.id;
    await expect(statePosition(t.db, m4.actor, d.call.id, { optionId: option, stance: 'support', reason: null }, { at: new Date(deadline - 1) })).resolves.toMatchObject({ stance: 'support' });
    await expect(statePosition(t.db, m4.actor, d.call.id, { optionId: option, stance: 'stand_aside', reason: null }, { at: new Date(deadline) })).rejects.toMatchObject({ status: 409 });

    await t.db.updateTable('consensus_calls').set({ deadline: new Date(Math.floor(Date.now() / 1000) * 1000 - 1000) }).where('id', '=', d.call.id).execute();
    const late = await m4.client.json('POST', api(`/${d.call.id}/positions`), { optionId: option, stance: 'object', reason: 'Too late?' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('The deadline of this call has passed: positions can no longer be stated or changed.');
    const shown = await t.app.inject({ url: page('en', `/${d.call.id}`) });
    expect(shown.body).toContain('has passed');
  });
});

describe('the position history, page by page', () => {
  it('lists every position once across pages, newest first, without repeating the row at a page boundary', async () => {
    const d = await openCall(t.db, admin, f.processId, { ...call({ document: 'charter' }), target: 'document', appealDays: 10 } as never);
    const option = d.options[0]!.id;
    const start = Date.now() - 60_000;
    const stances = ['support', 'live_with', 'stand_aside'] as const;
    // 205 changes of mind: more than two pages of 100, and one page of 5.
    for (let i = 0; i < 205; i++) await statePosition(t.db, m4.actor, d.call.id, { optionId: option, stance: stances[i % 3]!, reason: null }, { at: new Date(start + i * 10) });
    const stored = await t.db.selectFrom('consensus_positions').select('id').where('call_id', '=', d.call.id).execute();
    expect(stored).toHaveLength(205);

    const pages: string[][] = [];
    let after: string | null = '';
    while (after !== null && pages.length < 10) {
      const res: { statusCode: number; json: <T>() => T } = await t.app.inject({ url: api(`/${d.call.id}/positions${after ? `?after=${after}` : ''}`) });
      expect(res.statusCode).toBe(200);
      const body: { items: { id: string }[]; next: string | null } = res.json();
      pages.push(body.items.map((p) => p.id));
      after = body.next;
    }
    expect(pages.map((p) => p.length)).toEqual([100, 100, 5]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(205);
    expect(all).toEqual(stored.map((r) => r.id).sort().reverse());
    // The service with a small page agrees: 205 rows in 21 pages of 10 (the last of 5).
    const small: string[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 30; n++) {
      const pg = await positionHistory(t.db, d.call.id, cursor, 10);
      small.push(...pg.items.map((p) => p.id));
      if (!pg.next) break;
      cursor = pg.next;
    }
    expect(small).toEqual(all);
  });
});

describe('results by stakeholder group', () => {
  it('counts stances by group and the group’s members who did not respond', async () => {
    const body = (await t.app.inject({ url: api(`/${groupCall.id}`) })).json();
    const byKey = new Map(body.results[0].groups.map((g: { key: string }) => [g.key, g]));
    expect(byKey.get('government')).toMatchObject({ support: 1, object: 1, live_with: 0, stand_aside: 0, noResponse: 0 });
    expect(byKey.get('civil_society')).toMatchObject({ support: 0, object: 0, noResponse: 1 });
    // m4 is a member of the process but not of group A: not counted on the group's call.
    expect(byKey.get('technical')).toMatchObject({ support: 0, noResponse: 0 });
    expect(body.results[0].totals).toEqual({ support: 1, live_with: 0, stand_aside: 0, object: 1, noResponse: 1 });
  });

  it('counts every member of the process on a process call', async () => {
    const d = await openCall(t.db, admin, f.processId, { ...call({ document: 'charter' }), target: 'document', appealDays: 10 } as never);
    await statePosition(t.db, m4.actor, d.call.id, { optionId: d.options[0]!.id, stance: 'live_with', reason: null });
    const summary = await consensusSummary(t.db, d.call.id);
    const byKey = new Map(summary.results[0]!.groups.map((g) => [g.key, g]));
    expect(byKey.get('technical')).toMatchObject({ live_with: 1, noResponse: 0 });
    expect(byKey.get('government')).toMatchObject({ noResponse: 2 });
    expect(byKey.get('civil_society')).toMatchObject({ noResponse: 1 });
    expect(summary.outcome).toBeNull();
  });

  it('shows the results as an accessible chart and a table on the call page', async () => {
    const res = await t.app.inject({ url: page('en', `/${groupCall.id}`) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="results-1-title"/);
    expect(res.body).toContain('Government: 1 support, 1 object');
    expect(res.body).toContain('<caption>Positions on “The text as written” by stakeholder group</caption>');
    expect(res.body).toContain('Labels must say when updates end');
    // How widely it is accepted, so support from one group alone shows for what it is.
    expect(res.body).toMatch(/Supported or accepted in \d of \d stakeholder groups\./);
  });
});

describe('the outcome', () => {
  it('is refused while an objection is unanswered, then recorded with the answer, closing the call', async () => {
    const objection = (await t.db.selectFrom('consensus_positions').select('id').where('user_id', '=', m1.userId).where('superseded_at', 'is', null).executeTakeFirstOrThrow()).id;
    const outcome = { outcome: 'rough_consensus', optionId: groupCall.option, rationale: 'All but one member can accept the text.' };
    const refused = await chairA.client.json('POST', api(`/${groupCall.id}/outcome`), outcome);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toHaveProperty(`answer-${objection}`);
    expect(await t.db.selectFrom('consensus_outcomes').select('id').where('call_id', '=', groupCall.id).execute()).toHaveLength(0);

    // The form says the same, beside the objection.
    await chairA.client.get(page('en', `/${groupCall.id}/outcome`));
    const form = await chairA.client.post(page('en', `/${groupCall.id}/outcome`), { outcome: 'rough_consensus', rationale: 'All but one.', [`answer-${objection}`]: '' });
    expect(form.statusCode).toBe(422);
    expect(form.body).toContain('1 objection has no answer');

    expect((await m1.client.json('POST', api(`/${groupCall.id}/outcome`), { ...outcome, answers: [{ positionId: objection, answer: 'x' }] })).statusCode).toBe(403);
    const ok = await chairA.client.json('POST', api(`/${groupCall.id}/outcome`), { ...outcome, answers: [{ positionId: objection, answer: 'End dates vary by market; §4.2 now asks for the longer of the two.' }] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ outcome: 'rough_consensus', current: true, objectionAnswers: [{ positionId: objection, reason: 'Labels must say when updates end, not how long they last.' }] });
    expect((await chairA.client.json('POST', api(`/${groupCall.id}/outcome`), { ...outcome, answers: [] })).statusCode).toBe(409);
    const closed = await m2.client.json('POST', api(`/${groupCall.id}/positions`), { optionId: groupCall.option, stance: 'stand_aside' });
    expect(closed.statusCode).toBe(409);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', ok.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(['consensus.decide']);
  });
});

describe('appeals', () => {
  it('lets only the objector appeal, once, and the oversight committee answer with a changed outcome', async () => {
    expect((await m2.client.json('POST', api(`/${groupCall.id}/appeals`), { grounds: 'I supported it, but still.' })).statusCode).toBe(403);
    expect((await m1.client.get(page('en', `/${groupCall.id}`))).body).toContain(`href="/en/processes/${SLUG}/consensus/${groupCall.id}/appeal"`);
    expect((await m2.client.get(page('en', `/${groupCall.id}`))).body).not.toContain('Appeal this outcome');
    const appealForm = await m1.client.get(page('en', `/${groupCall.id}/appeal`));
    expect(appealForm.statusCode).toBe(200);
    expect(appealForm.body).toContain(`action="/en/processes/${SLUG}/consensus/${groupCall.id}/appeal"`);
    expect(appealForm.body).toContain('name="grounds"');
    const filed = await m1.client.json('POST', api(`/${groupCall.id}/appeals`), { grounds: 'The answer ignores markets without end dates.' });
    expect(filed.statusCode).toBe(201);
    const appeal = filed.json();
    expect(appeal).toMatchObject({ status: 'pending', appellant: 'Test Person' });
    expect((await m1.client.json('POST', api(`/${groupCall.id}/appeals`), { grounds: 'Again.' })).statusCode).toBe(409);

    const answer = (c: Client, body: Record<string, unknown>) => c.json('POST', api(`/${groupCall.id}/appeals/${appeal.id}/answer`), body);
    expect((await answer(chairA.client, { status: 'rejected', answer: 'No.' })).statusCode).toBe(403);
    expect((await answer(oversight, { status: 'rejected', answer: 'No.', changedOutcome: { outcome: 'no_consensus', rationale: 'x' } })).statusCode).toBe(422);
    const upheld = await answer(oversight, { status: 'upheld', answer: 'The objection was not answered on its merits.', changedOutcome: { outcome: 'no_consensus', rationale: 'An objection stands unanswered on its merits.' } });
    expect(upheld.statusCode).toBe(200);
    const { changedOutcome } = upheld.json();
    expect(changedOutcome).toMatchObject({ outcome: 'no_consensus', current: true, appealId: appeal.id });
    expect((await answer(oversight, { status: 'rejected', answer: 'Changed my mind.' })).statusCode).toBe(409);

    const detail = (await t.app.inject({ url: api(`/${groupCall.id}`) })).json();
    expect(detail.outcome.id).toBe(changedOutcome.id);
    expect(detail.outcomes.map((o: { outcome: string; current: boolean }) => [o.outcome, o.current])).toEqual([
      ['no_consensus', true],
      ['rough_consensus', false],
    ]);
    expect(detail.appeals[0]).toMatchObject({ status: 'upheld', changedOutcomeId: changedOutcome.id });
    expect((await consensusSummary(t.db, groupCall.id)).outcome?.outcome).toBe('no_consensus');
    const shown = await t.app.inject({ url: page('en', `/${groupCall.id}`) });
    expect(shown.body).toContain(`href="#outcome-${changedOutcome.id}"`);
    expect(shown.body).toContain('replaced after an appeal');
  });

  it('closes the appeal window appeal_days after the outcome', async () => {
    const d = await openCall(t.db, admin, f.processId, { ...call({ document: 'charter' }), target: 'document', appealDays: 3 } as never);
    const pos = await statePosition(t.db, m4.actor, d.call.id, { optionId: d.options[0]!.id, stance: 'object', reason: 'Not ready.' });
    const decided = new Date();
    const { outcome } = await recordOutcome(t.db, admin, d.call.id, { outcome: 'consensus', rationale: 'Ready.', lang: 'en', answers: [{ positionId: pos.id, answer: 'It is.' }] }, { at: decided });
    const end = outcome.decided_at.getTime() + 3 * DAY;
    await expect(fileAppeal(t.db, m4.actor, d.call.id, { grounds: 'Late.', lang: 'en' }, { at: new Date(end) })).rejects.toMatchObject({ status: 409, key: 'consensus.errors.appealWindowClosed' });
    const appeal = await fileAppeal(t.db, m4.actor, d.call.id, { grounds: 'Just in time.', lang: 'en' }, { at: new Date(end - 1) });
    expect(appeal.status).toBe('pending');

    // The oversight committee answers through the form; choosing a new outcome needs "upheld".
    const form = await oversight.get(page('en', `/${d.call.id}/appeals/${appeal.id}/answer`));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Just in time.');
    const wrong = await oversight.post(page('en', `/${d.call.id}/appeals/${appeal.id}/answer`), { status: 'rejected', answer: 'No.', lang: 'en', 'changedOutcome.outcome': 'no_consensus', 'changedOutcome.rationale': 'x' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('The outcome can only be changed when the appeal is upheld.');
    const answered = await oversight.post(page('en', `/${d.call.id}/appeals/${appeal.id}/answer`), { status: 'rejected', answer: 'The answer given stands.', lang: 'en', 'changedOutcome.outcome': '' });
    expect(answered.statusCode).toBe(303);
    const row = await t.db.selectFrom('consensus_appeals').selectAll().where('id', '=', appeal.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'rejected', answer: 'The answer given stands.', changed_outcome_id: null });

    // decided_at is written once by the service; the test moves it back to age the outcome.
    await sql`update consensus_outcomes set decided_at = ${new Date(Date.now() - 4 * DAY)} where id = ${outcome.id}`.execute(t.db);
    const late = await m4.client.json('POST', api(`/${d.call.id}/appeals`), { grounds: 'Late.' }, { 'accept-language': 'fr' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('Le délai d’appel est écoulé');
  });
});

describe('calls on a recommendation', () => {
  it('let the chair of the group a recommendation came from open one, and no other chair', async () => {
    const rec = (n: string, group?: string) =>
      createRecommendation(t.db, admin, f.processId, { number: n, titleEn: `R${n}`, titleFr: `R${n}`, textEn: 'Text.', textFr: 'Texte.', priority: 'medium', group, stakeholderGroupIds: [], organisationIds: [] });
    const fromA = await rec('9.1', 'labels');
    const fromB = await rec('9.2', 'other');
    const onRec = (id: string) => call({ target: 'recommendation', document: undefined, recommendationId: id });
    const ok = await chairA.client.json('POST', api(), onRec(fromA.row.id));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ groupId: f.groupA, target: { kind: 'recommendation', recommendationId: fromA.row.id } });
    expect((await chairA.client.json('POST', api(), onRec(fromB.row.id))).statusCode).toBe(403);
    // The oversight committee opens one on any recommendation.
    expect((await oversight.json('POST', api(), onRec(fromB.row.id))).statusCode).toBe(201);
  });
});

describe('the list page', () => {
  it('offers the chair of group A only A’s documents to open calls on, and the oversight committee recommendations too', async () => {
    const chairList = (await chairA.client.get(page('en'))).body;
    expect(chairList).toContain(`/en/processes/${SLUG}/consensus/new?document=labels`);
    expect(chairList).not.toContain('new?document=other-doc');
    expect(chairList).not.toContain('new?target=recommendation');
    const list = (await oversight.get(page('en'))).body;
    expect(list).toContain('new?document=other-doc');
    expect(list).toContain('Can you accept the labels section as written?');
    const form = await oversight.get(page('en', '/new?target=recommendation'));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="recommendationId"');
  });
});

describe('pages in French', () => {
  it('renders the list and a call in French, and links Consensus from the process page', async () => {
    const list = await t.app.inject({ url: page('fr') });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<html lang="fr"');
    expect(list.body).toContain('Appels au consensus');
    const res = await t.app.inject({ url: page('fr', `/${groupCall.id}`) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Résultats par groupe d’intervenants');
    expect(res.body).toContain('Gouvernement');
    expect(res.body).toContain('Pas de consensus');
    expect(res.body).toContain('Pouvez-vous accepter la section sur les étiquettes telle quelle ?');
    const proc = await t.app.inject({ url: `/fr/processes/${SLUG}` });
    expect(proc.body).toContain(`href="/fr/processes/${SLUG}/consensus"`);
  });
});
