import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { makeDocument, makeGroup, makeMember, makeOrganisation, makeProcess, makeRecommendation, makeUser } from '../helpers/factories.js';
import { openCall } from '../../src/modules/consensus/consensus.service.js';
import { fileAppeal, recordOutcome } from '../../src/modules/consensus/outcomes.service.js';
import { createAction, signPledge } from '../../src/modules/accountability/accountability.service.js';
import { meetingsDeps, scheduleMeeting } from '../../src/modules/meetings/meetings.service.js';
import { setAttendance } from '../../src/modules/meetings/registrations.service.js';
import { grantRole } from '../../src/modules/accounts/index.js';
import { newId } from '../../src/platform/lib/ids.js';

/**
 * Issue 10, the JSON API's remaining names: consensus positions, objections answered and
 * appeals; a meeting's named attendees and registrants; a working group's chairs; pledge signers,
 * action contacts and report authors; document version authors. Each says `staffRole` beside
 * the name, from role facts and never from the name. Three members take part, all named
 * "Site Admin": the administrator, a convener of the process, and an ordinary account (also
 * given oversight, which carries no badge, so that it may edit the document). Where the API
 * answers a request by naming its sender (a position stated, a version saved, a report), the
 * answer says the sender's role too.
 */
let t: TestApp;
const SLUG = 'staff-api';
type Who = 'admin' | 'convener' | 'imitator';
const WHO: Who[] = ['admin', 'convener', 'imitator'];
const EXPECTED: Record<Who, 'administrator' | 'convener' | null> = { admin: 'administrator', convener: 'convener', imitator: null };
const NAME = 'Site Admin';
const joined = {} as Record<Who, Awaited<ReturnType<typeof makeMember>>>;
const ids = { process: '', call: '', meeting: '', recommendation: '' };
const positions = {} as Record<Who, string>;
const positionAnswers = {} as Record<Who, unknown>;
const appeals = {} as Record<Who, string>;
const actions = {} as Record<Who, string>;
const versionAnswers = {} as Record<Who, { number: number; authorStaffRole: unknown }>;
const reportAnswers = {} as Record<Who, unknown>;
const api = `/api/v1/processes/${SLUG}`;

/** Each of the three's value, found by `key` in `items`, as `pick` reads it. */
function byWho<T>(items: T[], key: (w: Who) => (item: T) => boolean, pick: (item: T) => unknown): Record<Who, unknown> {
  return Object.fromEntries(
    WHO.map((w) => {
      const found = items.find(key(w));
      expect(found, `${w} listed`).toBeDefined();
      return [w, pick(found!)];
    }),
  ) as Record<Who, unknown>;
}

beforeAll(async () => {
  t = await testApp();
  const root = await makeUser(t.db, { admin: true, name: 'Root' });
  const { process } = await makeProcess(t.db, root.actor, SLUG);
  ids.process = process.id;
  const org = await makeOrganisation(t.db, root.actor, 'Api Works');
  joined.admin = await makeMember(t, SLUG, org, 'government');
  joined.convener = await makeMember(t, SLUG, org, 'government', { role: 'convener' });
  joined.imitator = await makeMember(t, SLUG, org, 'government', { role: 'oversight' });
  await t.db.insertInto('role_assignments').values({ id: newId(), user_id: joined.admin.userId, role: 'admin', process_id: null, group_id: null, granted_by: null }).execute();
  joined.admin.actor.isAdmin = true;
  for (const w of WHO) {
    await t.db.updateTable('users').set({ name: NAME }).where('id', '=', joined[w].userId).execute();
    joined[w].actor.name = NAME;
  }

  // A document each of the three saves a version of, through the API.
  await makeDocument(t.db, root.actor, process.id, { slug: 'draft', markdown: '# Draft\n\nText.\n' });
  for (const w of WHO) {
    const res = await joined[w].client.json('POST', `${api}/documents/draft/versions`, { title: 'Draft', markdown: `# Draft\n\nText of ${w}.\n`, message: `Edit by ${w}` });
    expect(res.statusCode, res.body).toBe(201);
    versionAnswers[w] = res.json();
  }

  // A call each objects on through the API, decided with an answer to each objection; each appeals.
  const d = await openCall(t.db, root.actor, process.id, {
    target: 'document',
    document: 'draft',
    questionEn: 'Can you accept the draft?',
    questionFr: 'Pouvez-vous accepter le projet ?',
    options: [{ labelEn: 'As written', labelFr: 'Tel quel' }],
    deadline: new Date(Date.now() + 86_400_000).toISOString(),
    timeZone: 'America/Toronto',
    appealDays: 10,
  } as never);
  ids.call = d.call.id;
  for (const w of WHO) {
    const res = await joined[w].client.json('POST', `${api}/consensus-calls/${ids.call}/positions`, { optionId: d.options[0]!.id, stance: 'object', reason: `Objection of ${w}` });
    expect(res.statusCode, res.body).toBe(200);
    positions[w] = res.json().id;
    positionAnswers[w] = res.json().staffRole;
  }
  await recordOutcome(t.db, root.actor, ids.call, {
    outcome: 'rough_consensus',
    optionId: d.options[0]!.id,
    rationale: 'Most can live with it.',
    lang: 'en',
    answers: WHO.map((w) => ({ positionId: positions[w], answer: `Answer to ${w}` })),
  });
  for (const w of WHO) appeals[w] = (await fileAppeal(t.db, joined[w].actor, ids.call, { grounds: `Grounds of ${w}`, lang: 'en' })).id;

  // A meeting held yesterday that the three attended and agreed to be named at (registering for a
  // meeting that is over is refused, so the registrations are written directly).
  const base = { descriptionEn: '', descriptionFr: '', format: 'in_person', venue: 'Ottawa', address: '', joinUrl: null, streamUrl: null, timeZone: 'America/Toronto', languages: 'both', capacity: 10, visibility: 'public' } as const;
  const day = 86_400_000;
  const local = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16);
  const held = await scheduleMeeting(meetingsDeps(t.app.deps), root.actor, { processId: process.id }, { ...base, titleEn: 'Held', titleFr: 'Tenue', startsAt: local(-day), endsAt: local(-day + 3_600_000) });
  ids.meeting = held.id;
  await t.db
    .insertInto('meeting_registrations')
    .values(WHO.map((w) => ({ id: newId(), meeting_id: held.id, user_id: joined[w].userId, status: 'registered' as const, show_name: true, reminded_at: null })))
    .execute();
  await setAttendance(t.db, root.actor, process.id, held.id, WHO.map((w) => joined[w].userId));

  // A working group the three chair.
  const group = await makeGroup(t.db, root.actor, process.id, 'wg');
  for (const w of WHO) await grantRole(t.db, { userId: joined[w].userId, role: 'chair', processId: process.id, groupId: group.id, grantedBy: null });

  // Pledges signed by each, actions with each as contact, and a report by each on their action.
  ids.recommendation = await makeRecommendation(t.db, process.id, '2.1');
  for (const w of WHO) {
    await signPledge(t.db, joined[w].actor, process.id, { recommendationId: ids.recommendation, organisationId: org, text: `Pledge of ${w}`, lang: 'en', dueOn: undefined });
    actions[w] = (
      await createAction(t.db, root.actor, process.id, {
        recommendationId: ids.recommendation,
        titleEn: `Action of ${w}`,
        titleFr: `Action de ${w}`,
        ownerOrganisationId: org,
        contactUserId: joined[w].userId,
        dueOn: '2099-01-01',
        measureEn: 'Done.',
        measureFr: 'Fait.',
      })
    ).id;
    const res = await joined[w].client.json('POST', `${api}/actions/${actions[w]}/progress`, { status: 'on_track', body: `Report of ${w}`, lang: 'en' });
    expect(res.statusCode, res.body).toBe(201);
    reportAnswers[w] = res.json().authorStaffRole;
  }
});
afterAll(async () => t?.close());

describe('staff roles in the consensus API', () => {
  it('a stated position’s answer says its author’s role, as does the list of positions', async () => {
    expect(positionAnswers).toEqual(EXPECTED);
    const res = await t.app.inject(`${api}/consensus-calls/${ids.call}/positions`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; name: string; staffRole: unknown }[];
    expect(items.every((p) => p.name === NAME)).toBe(true);
    expect(byWho(items, (w) => (p) => p.id === positions[w], (p) => p.staffRole)).toEqual(EXPECTED);
  });

  it('objections answered and appeals on the call say staffRole beside the name', async () => {
    const res = await t.app.inject(`${api}/consensus-calls/${ids.call}`);
    expect(res.statusCode).toBe(200);
    const call = res.json();
    const answers = call.outcome.objectionAnswers as { positionId: string; name: string; staffRole: unknown }[];
    expect(answers.every((a) => a.name === NAME)).toBe(true);
    expect(byWho(answers, (w) => (a) => a.positionId === positions[w], (a) => a.staffRole)).toEqual(EXPECTED);
    const filed = call.appeals as { id: string; appellant: string; appellantStaffRole: unknown }[];
    expect(filed.every((a) => a.appellant === NAME)).toBe(true);
    expect(byWho(filed, (w) => (a) => a.id === appeals[w], (a) => a.appellantStaffRole)).toEqual(EXPECTED);
  });
});

describe('staff roles in the meetings API', () => {
  it('attendance keeps names as strings and adds people, in the same order, each with staffRole', async () => {
    const res = await t.app.inject(`${api}/meetings/${ids.meeting}/attendance`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ names: string[]; people: { name: string; staffRole: unknown }[] }>();
    expect(body.names).toEqual([NAME, NAME, NAME]);
    expect(body.people.map((p) => p.name)).toEqual(body.names);
    expect(body.people.map((p) => p.staffRole).sort()).toEqual(['administrator', 'convener', null]);
  });

  it('the registrants, as a convener sees them, say staffRole by account', async () => {
    const res = await joined.convener.client.json('GET', `${api}/meetings/${ids.meeting}/registrations`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { userId: string; staffRole: unknown }[];
    expect(byWho(items, (w) => (r) => r.userId === joined[w].userId, (r) => r.staffRole)).toEqual(EXPECTED);
  });
});

describe('staff roles of working-group chairs', () => {
  it('the group, alone and in the list, names its chairs with staffRole', async () => {
    const one = await t.app.inject(`${api}/groups/wg`);
    expect(one.statusCode).toBe(200);
    const list = (await t.app.inject(`${api}/groups`)).json().items as { slug: string; chairs: { id: string; staffRole: unknown }[] }[];
    for (const chairs of [one.json().chairs, list.find((g) => g.slug === 'wg')!.chairs] as { id: string; name: string; staffRole: unknown }[][]) {
      expect(chairs.every((c) => c.name === NAME)).toBe(true);
      expect(byWho(chairs, (w) => (c) => c.id === joined[w].userId, (c) => c.staffRole)).toEqual(EXPECTED);
    }
  });
});

describe('staff roles in the accountability API', () => {
  it('pledges say signedByStaffRole beside signedBy', async () => {
    const items = (await t.app.inject(`${api}/pledges`)).json().items as { text: string; signedBy: string; signedByStaffRole: unknown }[];
    expect(items.every((p) => p.signedBy === NAME)).toBe(true);
    expect(byWho(items, (w) => (p) => p.text === `Pledge of ${w}`, (p) => p.signedByStaffRole)).toEqual(EXPECTED);
  });

  it('actions’ contacts say staffRole; reports say authorStaffRole, in the answer to the report and on the action', async () => {
    const items = (await t.app.inject(`${api}/actions`)).json().items as { id: string; contact: { name: string; staffRole: unknown } }[];
    expect(items.every((a) => a.contact.name === NAME)).toBe(true);
    expect(byWho(items, (w) => (a) => a.id === actions[w], (a) => a.contact.staffRole)).toEqual(EXPECTED);
    expect(reportAnswers).toEqual(EXPECTED);
    for (const w of WHO) {
      const action = (await t.app.inject(`${api}/actions/${actions[w]}`)).json<{ reports: { author: string; authorStaffRole: unknown }[] }>();
      expect(action.reports.map((r) => [r.author, r.authorStaffRole]), w).toEqual([[NAME, EXPECTED[w]]]);
    }
  });
});

describe('staff roles of document version authors', () => {
  it('a saved version’s answer, the history and each version say authorStaffRole', async () => {
    const numbers = Object.fromEntries(WHO.map((w) => [w, versionAnswers[w].number])) as Record<Who, number>;
    expect(Object.fromEntries(WHO.map((w) => [w, versionAnswers[w].authorStaffRole]))).toEqual(EXPECTED);
    const history = (await t.app.inject(`${api}/documents/draft/versions`)).json().items as { number: number; author: string | null; authorStaffRole: unknown }[];
    expect(byWho(history, (w) => (v) => v.number === numbers[w], (v) => [v.author, v.authorStaffRole])).toEqual(Object.fromEntries(WHO.map((w) => [w, [NAME, EXPECTED[w]]])));
    for (const w of WHO) {
      const v = (await t.app.inject(`${api}/documents/draft/versions/${numbers[w]}`)).json();
      expect([v.author, v.authorStaffRole], w).toEqual([NAME, EXPECTED[w]]);
    }
    // The document's own answer carries its current version: the last saved, the namesake's.
    expect((await t.app.inject(`${api}/documents/draft`)).json().version.authorStaffRole).toBeNull();
  });

  it('the OpenAPI document describes every new field', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    const text = JSON.stringify(doc);
    for (const field of ['"appellantStaffRole"', '"signedByStaffRole"', '"authorStaffRole"', '"people"']) expect(text, field).toContain(field);
    const described = (path: string, method: string, pick: (schema: never) => unknown) => {
      const op = (doc.paths[path] as Record<string, { responses: Record<string, { content: Record<string, { schema: never }> }> }>)[method]!;
      const schema = Object.values(op.responses)[0]!.content['application/json']!.schema;
      return JSON.stringify(pick(schema));
    };
    expect(described('/api/v1/processes/{processSlug}/consensus-calls/{callId}/positions', 'get', (s: { properties: { items: { items: { properties: { staffRole: unknown } } } } }) => s.properties.items.items.properties.staffRole)).toContain('never from the name');
    expect(described('/api/v1/processes/{processSlug}/meetings/{meetingId}/attendance', 'get', (s: { properties: { people: unknown } }) => s.properties.people)).toContain('never from the name');
    expect(described('/api/v1/processes/{processSlug}/groups/{groupSlug}', 'get', (s: { properties: { chairs: unknown } }) => s.properties.chairs)).toContain('never from the name');
  });
});
