import { writeFileSync } from 'node:fs';
import { pdfText } from '../helpers/tools.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { adminActor, makeMember, makeOrganisation, makeProcess } from '../helpers/factories.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { saveStakeholderGroups } from '../../src/modules/processes/processes.service.js';
import { meetingsDeps, scheduleMeeting } from '../../src/modules/meetings/meetings.service.js';
import { setAttendance } from '../../src/modules/meetings/registrations.service.js';
import { getCall, moderate, openCall as openInputCall, submit } from '../../src/modules/calls/calls.service.js';
import { blocksOf, createDocument, versionByNumber } from '../../src/modules/documents/documents.service.js';
import { openPeriod } from '../../src/modules/comments/periods.service.js';
import { submitComment } from '../../src/modules/comments/comments.service.js';
import { hideComment } from '../../src/modules/comments/moderation.service.js';
import { recordDisposition } from '../../src/modules/comments/dispositions.service.js';
import { openCall as openConsensusCall, statePosition } from '../../src/modules/consensus/consensus.service.js';
import { recordOutcome } from '../../src/modules/consensus/outcomes.service.js';
import { createRecommendation } from '../../src/modules/recommendations/recommendations.service.js';
import { createAction } from '../../src/modules/accountability/accountability.service.js';

/**
 * The process report: a small process built through each feature's services (members in two
 * stakeholder groups, meetings with attendance, an accepted input report, a comment period
 * with a campaign of three copies, a consensus call, a recommendation with an action), then
 * the report's exact figures and links as JSON, the page in both languages, print and PDF.
 */
let t: TestApp;
let admin: Actor;
const SLUG = 'report-figures';
const API = `/api/v1/processes/${SLUG}/report`;
const page = (lang: 'en' | 'fr', suffix = '') => `/${lang}/processes/${SLUG}/report${suffix}`;
const f = {
  processId: '',
  meetingHeld: '',
  meetingClosed: '',
  callId: '',
  reportId: '',
  pendingId: '',
  periodId: '',
  consensusId: '',
  optionId: '',
  recId: '',
};
let member: Awaited<ReturnType<typeof makeMember>>;

const MARKDOWN = '# Outcomes report\n\n## 1. Scope\n\nConnected devices sold in Canada.\n\n## 2. Labels\n\nLabels should be clear.\n';

beforeAll(async () => {
  t = await testApp();
  admin = await adminActor(t.db);
  const d = await makeProcess(t.db, admin, SLUG);
  const process = d.process;
  f.processId = process.id;
  // Targets: a quarter each for government and civil society, none for the others.
  const targets: Record<string, number> = { government: 0.25, civil_society: 0.25 };
  await saveStakeholderGroups(
    t.db,
    admin,
    process.id,
    d.stakeholderGroups.map((g) => ({ id: g.id, nameEn: g.name_en, nameFr: g.name_fr, targetShare: targets[g.key] ?? null })),
  );
  const org = await makeOrganisation(t.db, admin, 'Report Org');
  const org2 = await makeOrganisation(t.db, admin, 'Civic Network', 'civil_society');
  member = await makeMember(t, SLUG, org, 'government');
  const gov2 = await makeMember(t, SLUG, org, 'government');
  const civil = await makeMember(t, SLUG, org2, 'civil_society', { lang: 'fr' });

  // Meetings: one public held (two attended), one members-only held, one public to come.
  const deps = meetingsDeps(t.app.deps);
  const base = {
    titleFr: 'Réunion',
    descriptionEn: '',
    descriptionFr: '',
    format: 'in_person',
    venue: 'Ottawa',
    address: '',
    joinUrl: null,
    streamUrl: null,
    timeZone: 'America/Toronto',
    languages: 'both',
    capacity: 10,
  } as const;
  f.meetingHeld = (
    await scheduleMeeting(
      deps,
      admin,
      { processId: process.id },
      { ...base, titleEn: 'Kick-off', titleFr: 'Lancement', startsAt: '2019-04-18T09:00', endsAt: '2019-04-18T16:00', visibility: 'public' },
    )
  ).id;
  f.meetingClosed = (
    await scheduleMeeting(
      deps,
      admin,
      { processId: process.id },
      { ...base, titleEn: 'Closed prep', startsAt: '2019-04-17T09:00', endsAt: '2019-04-17T10:00', visibility: 'members' },
    )
  ).id;
  await scheduleMeeting(
    deps,
    admin,
    { processId: process.id },
    { ...base, titleEn: 'Final meeting', startsAt: '2099-04-18T09:00', endsAt: '2099-04-18T16:00', visibility: 'public' },
  );
  await setAttendance(t.db, admin, process.id, f.meetingHeld, [member.userId, civil.userId]);
  await setAttendance(t.db, admin, process.id, f.meetingClosed, [gov2.userId]);

  // A call for input with one accepted report and one still pending.
  const hour = 3_600_000;
  const call = await openInputCall(
    t.db,
    admin,
    process.id,
    {
      titleEn: 'Input reports',
      titleFr: 'Rapports de l’extérieur',
      descriptionEn: '',
      descriptionFr: '',
      opensAt: new Date(Date.now() - hour).toISOString(),
      closesAt: new Date(Date.now() + 24 * hour).toISOString(),
    },
    t.config.baseUrl,
  );
  f.callId = call.id;
  const report = await submit(
    t.db,
    member.actor,
    process,
    call.id,
    { title: 'Youth report', lang: 'en', organisationName: 'Youth Network', text: 'Labels for all.' },
    undefined,
  );
  f.reportId = report.id;
  f.pendingId = (await submit(t.db, member.actor, process, call.id, { title: 'Pending report', lang: 'en', text: 'Not read yet.' }, undefined)).id;
  await moderate(t.db, admin, process, await getCall(t.db, process.id, call.id), report.id, { decision: 'accept', reason: '' }, t.config.baseUrl);

  // A comment period: a campaign of three exact copies on one paragraph, two other comments, one hidden.
  const doc = await createDocument(t.db, admin, process.id, {
    groupId: null,
    slug: 'outcomes',
    kind: 'report',
    lang: 'en',
    title: 'Outcomes report',
    membersOnly: false,
    markdown: MARKDOWN,
    message: 'First draft',
  });
  const period = await openPeriod(
    t.db,
    admin,
    process.id,
    {
      document: 'outcomes',
      version: 1,
      includeTranslations: true,
      opensAt: new Date(Date.now() - hour).toISOString(),
      closesAt: new Date(Date.now() + 24 * hour).toISOString(),
      timeZone: 'America/Toronto',
      instructionsEn: '',
      instructionsFr: '',
      audience: 'confirmed',
    },
    '',
  );
  f.periodId = period.id;
  const blocks = await blocksOf(t.db, (await versionByNumber(t.db, doc.id, 1))!.id);
  const labels = blocks.find((b) => b.plain.startsWith('Labels should'))!.anchor;
  const scope = blocks.find((b) => b.plain.startsWith('Connected'))!.anchor;
  const send = async (text: string, anchor: string | null, name: string) =>
    (await submitComment(t.db, null, period.id, { text, anchor, lang: 'en', displayName: name }, {}, { skipMail: true })).comment;
  const copies = [];
  for (const name of ['A. One', 'B. Two', 'C. Three']) copies.push(await send('Labels must be bilingual!', labels, name));
  expect(new Set(copies.map((c) => c.group_id)).size).toBe(1);
  const scopeComment = await send('The scope is too narrow.', scope, 'D. Four');
  const spam = await send('Buy cheap watches.', null, 'Spammer');
  await hideComment(t.db, admin, process.id, spam.id, { reason: 'spam', note: '' });
  await recordDisposition(t.db, admin, period.id, { groupId: copies[0]!.group_id, outcome: 'accepted', rationale: 'Labels are now bilingual.' });
  await recordDisposition(t.db, admin, period.id, { commentId: scopeComment.id, outcome: 'noted', rationale: 'Kept for the next edition.' });

  // A consensus call: government supports, civil society objects (answered), rough consensus declared.
  const cc = await openConsensusCall(t.db, admin, process.id, {
    target: 'document',
    document: 'outcomes',
    questionEn: 'Can you accept the outcomes report?',
    questionFr: 'Pouvez-vous accepter le rapport ?',
    options: [{ labelEn: 'The text as written', labelFr: 'Le texte tel quel' }],
    deadline: new Date(Date.now() + 7 * 24 * hour).toISOString(),
    timeZone: 'America/Toronto',
    appealDays: 10,
  } as never);
  f.consensusId = cc.call.id;
  f.optionId = cc.options[0]!.id;
  await statePosition(t.db, member.actor, cc.call.id, { optionId: f.optionId, stance: 'support', reason: null });
  const objection = await statePosition(t.db, civil.actor, cc.call.id, { optionId: f.optionId, stance: 'object', reason: 'Not yet.' });
  await recordOutcome(t.db, admin, cc.call.id, {
    outcome: 'rough_consensus',
    rationale: 'Enough support.',
    lang: 'en',
    answers: [{ positionId: objection.id, answer: 'Addressed in §2.' }],
  });

  // A recommendation from that call, with one action.
  const rec = await createRecommendation(t.db, admin, process.id, {
    number: '4.2',
    titleEn: 'Bilingual labels',
    titleFr: 'Étiquettes bilingues',
    textEn: 'Labels should be bilingual.',
    textFr: 'Les étiquettes devraient être bilingues.',
    priority: 'high',
    stakeholderGroupIds: [],
    organisationIds: [],
    consensusCallId: cc.call.id,
  } as never);
  f.recId = rec.row.id;
  await createAction(t.db, admin, process.id, {
    recommendationId: rec.row.id,
    titleEn: 'Print labels',
    titleFr: 'Imprimer les étiquettes',
    ownerOrganisationId: org,
    dueOn: '2099-06-30',
    measureEn: 'Printed.',
    measureFr: 'Imprimées.',
  });
});
afterAll(async () => t?.close());

const P = `/processes/${SLUG}`;

describe('the report as JSON', () => {
  it('counts participation by stakeholder group against the targets, with links', async () => {
    const res = await t.app.inject({ url: API });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.process).toEqual({ slug: SLUG, title: 'Tracking', href: P });
    expect(r.participation.members).toEqual({ value: 3, href: `${P}/participants` });
    expect(r.participation.organisations).toEqual({ value: 2, href: `${P}/organisations` });
    const gov = r.participation.groups.find((g: { key: string }) => g.key === 'government');
    expect(gov).toMatchObject({ members: { value: 2, href: `${P}/participants?stakeholderGroup=government` }, targetShare: 0.25, status: 'met' });
    expect(gov.share).toBeCloseTo(2 / 3);
    const academia = r.participation.groups.find((g: { key: string }) => g.key === 'academia');
    expect(academia).toMatchObject({ members: { value: 0 }, share: 0, targetShare: null, status: 'missing' });
  });

  it('lists public meetings only to the public, and attendance by stakeholder group', async () => {
    const pub = (await t.app.inject({ url: API })).json().meetings;
    expect(pub.held).toEqual({ value: 1, href: `${P}/meetings` });
    expect(pub.upcoming.value).toBe(1);
    expect(pub.attendance.value).toBe(2);
    expect(pub.items.map((m: { title: string }) => m.title)).toEqual(['Kick-off', 'Final meeting']);
    expect(pub.items[0]).toMatchObject({ state: 'held', membersOnly: false, attendees: { value: 2, href: `${P}/meetings/${f.meetingHeld}` } });
    const by = Object.fromEntries(pub.attendanceByGroup.map((g: { key: string; attendances: number }) => [g.key, g.attendances]));
    expect(by).toMatchObject({ government: 1, civil_society: 1, academia: 0 });
    expect(JSON.stringify(pub)).not.toContain('Closed prep');

    const mine = (await member.client.json('GET', API)).json().meetings;
    expect(mine.held.value).toBe(2);
    expect(mine.attendance.value).toBe(3);
    expect(mine.items.find((m: { title: string }) => m.title === 'Closed prep')).toMatchObject({ membersOnly: true, attendees: { value: 1 } });
  });

  it('shows calls for input with the accepted reports only', async () => {
    const i = (await t.app.inject({ url: API })).json().input;
    expect(i.calls.value).toBe(1);
    expect(i.accepted).toEqual({ value: 1, href: P });
    expect(i.items[0]).toMatchObject({
      title: 'Input reports',
      state: 'open',
      href: `${P}/calls/${f.callId}`,
      accepted: { value: 1, href: `${P}/calls/${f.callId}` },
    });
    expect(i.items[0].reports).toEqual([
      { id: f.reportId, title: 'Youth report', organisation: 'Youth Network', lang: 'en', href: `${P}/calls/${f.callId}/submissions/${f.reportId}` },
    ]);
    expect(JSON.stringify(i)).not.toContain(f.pendingId);
  });

  it('counts comments with the campaign once, hidden and answered, by outcome', async () => {
    const [p] = (await t.app.inject({ url: API })).json().comments.periods;
    const period = `${P}/comment-periods/${f.periodId}`;
    expect(p).toMatchObject({
      id: f.periodId,
      documents: ['Outcomes report'],
      state: 'open',
      href: period,
      reportHref: `${period}/report`,
      comments: { value: 5, href: period },
      distinct: { value: 3, href: period },
      hidden: { value: 1 },
      answered: { value: 4, href: `${period}/report` },
      awaiting: 1,
    });
    const by = Object.fromEntries(p.byOutcome.map((o: { outcome: string; count: { value: number } }) => [o.outcome, o.count.value]));
    expect(by).toEqual({ accepted: 3, partly_accepted: 0, not_accepted: 0, noted: 1, out_of_scope: 0 });
  });

  it('gives each consensus call its outcome and results by stakeholder group', async () => {
    const [c] = (await t.app.inject({ url: API })).json().consensus.calls;
    expect(c).toMatchObject({
      id: f.consensusId,
      href: `${P}/consensus/${f.consensusId}`,
      status: 'closed',
      outcome: 'rough_consensus',
      question: 'Can you accept the outcomes report?',
    });
    const [o] = c.options;
    expect(o.label).toBe('The text as written');
    const gov = o.groups.find((g: { key: string }) => g.key === 'government');
    expect(gov).toMatchObject({ support: 1, object: 0, noResponse: 1 });
    expect(o.groups.find((g: { key: string }) => g.key === 'civil_society')).toMatchObject({ support: 0, object: 1, noResponse: 0 });
    expect(o.totals).toEqual({ support: 1, live_with: 0, stand_aside: 0, object: 1, noResponse: 1 });
  });

  it('lists recommendations with the consensus outcome, actions and links to the tracker', async () => {
    const r = (await t.app.inject({ url: API, headers: { 'accept-language': 'fr' } })).json();
    expect(r.lang).toBe('fr');
    expect(r.recommendations.count).toEqual({ value: 1, href: `${P}/recommendations` });
    expect(r.recommendations.withOwner).toEqual({ value: 1, href: `${P}/tracker` });
    expect(r.recommendations.items).toEqual([
      {
        number: '4.2',
        title: 'Étiquettes bilingues',
        href: `${P}/recommendations/4.2`,
        trackerHref: `${P}/tracker#rec-4.2`,
        consensusOutcome: 'rough_consensus',
        actions: { value: 1, href: `${P}/tracker#rec-4.2` },
        byStatus: { not_started: 1, on_track: 0, at_risk: 0, late: 0, done: 0, dropped: 0 },
      },
    ]);
  });

  it('is the same object at the page’s .json address, and 404 for an unknown process', async () => {
    const a = (await t.app.inject({ url: API, headers: { 'accept-language': 'fr' } })).json();
    const res = await t.app.inject({ url: page('fr', '.json') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect({ ...res.json(), generatedAt: '' }).toEqual({ ...a, generatedAt: '' });
    expect((await t.app.inject({ url: '/api/v1/processes/nope/report' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/en/processes/nope/report' })).statusCode).toBe(404);
  });
});

describe('the report as pages and PDF', () => {
  it('is linked from the process page', async () => {
    const res = await t.app.inject({ url: `/en${P}` });
    expect(res.body).toContain(`href="/en${P}/report"`);
    expect(res.body).toContain('Process report');
  });

  it('shows the sections with linked figures in English and French', async () => {
    const en = await t.app.inject({ url: page('en') });
    expect(en.statusCode).toBe(200);
    for (const h of [
      'Process report: Tracking',
      'Who took part',
      'Meetings and attendance',
      'Input reports received',
      'Comments and how they were answered',
      'Consensus results by stakeholder group',
      'Recommendations',
    ])
      expect(en.body).toContain(h);
    expect(en.body).toContain('Distinct texts (each campaign counted once)');
    expect(en.body).toContain(`<a href="/en${P}/comment-periods/${f.periodId}">3</a>`);
    expect(en.body).toContain(`<a href="/en${P}/tracker#rec-4.2">1</a>`);
    expect(en.body).toContain(`href="/en${P}/meetings/${f.meetingHeld}"`);
    expect(en.body).toContain(`href="/en${P}/report.pdf"`);
    expect(en.body).not.toContain('Closed prep');

    const fr = await t.app.inject({ url: page('fr') });
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Rapport sur le processus\u00a0: Suivi');
    expect(fr.body).toContain('Qui a participé');
    expect(fr.body).toContain('Étiquettes bilingues');
    expect(fr.body).toContain('Consensus approximatif');
    expect(fr.body).toContain(`<a href="/fr${P}/participants?stakeholderGroup=government">2</a>`);
  });

  it('has a printable page without the site navigation, with absolute links', async () => {
    const res = await t.app.inject({ url: page('fr', '/print') });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('class="print-page"');
    expect(res.body).not.toContain('class="site-header"');
    expect(res.body).toContain('Commentaires et réponses données');
    expect(res.body).toContain(`href="${t.config.baseUrl}/fr${P}/comment-periods/${f.periodId}/report"`);
  });

  it('makes a PDF with the French headings, the figures and every link as a URL', async () => {
    const res = await t.app.inject({ url: page('fr', '.pdf') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    // Null only on a developer machine without pdftotext (tools.ts): under CI it fails.
    if (text === null) return;
    if (process.env.DUMP_PDF) writeFileSync('/tmp/process-report.txt', text);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Qui a participé');
    expect(flat).toContain('Réunions et participation');
    expect(flat).toMatch(/Textes distincts \(chaque campagne comptée une fois\) 3/);
    expect(flat).toMatch(/Commentaires reçus 5/);
    expect(flat).toContain(`${t.config.baseUrl}/fr${P}/recommendations/4.2`);
    expect(flat).toContain(`${t.config.baseUrl}/fr${P}/tracker#rec-4.2`);
  });
});
