import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import { adminActor, makeDocument, makeMember, makeOrganisation, makeProcess } from '../helpers/factories.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { openCall, statePosition } from '../../src/modules/consensus/consensus.service.js';
import { fileAppeal, recordOutcome } from '../../src/modules/consensus/outcomes.service.js';

/**
 * A consensus outcome's texts in both languages (issue 10): the rationale and each answer to an
 * objection are written in the outcome's `lang` and may carry a translation into the other. Each
 * reader gets the text in their language when it is there, otherwise the original marked with
 * its `lang`; through the form and the JSON API alike; an over-long translation is a 422 that
 * keeps what was typed; an appeal's changed outcome carries its translation too.
 */
let t: TestApp;
let admin: Actor;
let chair: Client;
let objector: Awaited<ReturnType<typeof makeMember>>;
const SLUG = 'cons-translations';
const api = (path = '') => `/api/v1/processes/${SLUG}/consensus-calls${path}`;
const page = (lang: 'en' | 'fr', path = '') => `/${lang}/processes/${SLUG}/consensus${path}`;

const EN = { rationale: 'Every group can live with the label text.', answer: 'Section 4.2 now gives the end date of updates.' };
const FR = { rationale: 'Chaque groupe peut s’accommoder du texte de l’étiquette.', answer: 'La section 4.2 donne désormais la date de fin des mises à jour.' };

/** A call on the labels document with one objection standing; its id and the objection's. */
async function callWithObjection(): Promise<{ callId: string; optionId: string; objection: string }> {
  const d = await openCall(t.db, admin, (await t.db.selectFrom('processes').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow()).id, {
    target: 'document',
    document: 'labels',
    questionEn: 'Accept the labels text?',
    questionFr: 'Accepter le texte sur les étiquettes ?',
    options: [{ labelEn: 'As written', labelFr: 'Tel quel' }],
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    timeZone: 'America/Toronto',
    appealDays: 10,
  } as never);
  const optionId = d.options[0]!.id;
  const pos = await statePosition(t.db, objector.actor, d.call.id, { optionId, stance: 'object', reason: 'Labels must give an end date.' });
  return { callId: d.call.id, optionId, objection: pos.id };
}

/** The call's page in a language. */
const shown = async (lang: 'en' | 'fr', callId: string) => {
  const res = await t.app.inject({ url: page(lang, `/${callId}`) });
  expect(res.statusCode).toBe(200);
  return res.body;
};

beforeAll(async () => {
  t = await testApp();
  admin = await adminActor(t.db);
  const { process } = await makeProcess(t.db, admin, SLUG, { titleEn: 'Translations', titleFr: 'Traductions' });
  await makeDocument(t.db, admin, process.id, { slug: 'labels', title: 'Labels', markdown: '# Labels\n\nLabels say how long updates last.\n' });
  objector = await makeMember(t, SLUG, await makeOrganisation(t.db, admin, 'Translations Org'), 'private_sector');
  chair = (await signedInClient(t, { processRoles: [{ role: 'oversight', processId: process.id }] })).client;
});
afterAll(async () => t?.close());

describe('an outcome in both languages', () => {
  it('through the API: each reader gets the rationale and the answer in their language', async () => {
    const c = await callWithObjection();
    const res = await chair.json('POST', api(`/${c.callId}/outcome`), {
      outcome: 'rough_consensus',
      optionId: c.optionId,
      rationale: EN.rationale,
      lang: 'en',
      rationaleTranslation: FR.rationale,
      answers: [{ positionId: c.objection, answer: EN.answer, translation: FR.answer }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rationale: EN.rationale, lang: 'en', rationaleTranslation: FR.rationale, objectionAnswers: [{ positionId: c.objection, answer: EN.answer, translation: FR.answer }] });
    expect((await t.app.inject({ url: api(`/${c.callId}`) })).json().outcome).toMatchObject({ rationaleTranslation: FR.rationale, objectionAnswers: [{ translation: FR.answer }] });

    const fr = await shown('fr', c.callId);
    expect(fr).toContain(`<p class="prose">${FR.rationale}</p>`);
    expect(fr).toContain(`<span>${FR.answer}</span>`);
    expect(fr).not.toContain(EN.rationale);
    expect(fr).not.toContain(EN.answer);
    const en = await shown('en', c.callId);
    expect(en).toContain(`<p class="prose">${EN.rationale}</p>`);
    expect(en).toContain(`<span>${EN.answer}</span>`);
    expect(en).not.toContain(FR.rationale);
    expect(en).not.toContain(FR.answer);
  });

  it('through the form, written in French with its English version', async () => {
    const c = await callWithObjection();
    const form = await chair.get(page('fr', `/${c.callId}/outcome`));
    expect(form.statusCode).toBe(200);
    // Each text area says its limit, as the other long texts do.
    expect(form.body).toMatch(/name="rationaleTranslation"[^>]*maxlength="10000"|maxlength="10000"[^>]*name="rationaleTranslation"/);
    expect(form.body).toContain(`name="answerTranslation-${c.objection}"`);
    expect(form.body).toContain('Justification dans l’autre langue (facultatif)');
    const res = await chair.post(page('fr', `/${c.callId}/outcome`), {
      outcome: 'consensus',
      optionId: c.optionId,
      rationale: FR.rationale,
      lang: 'fr',
      rationaleTranslation: EN.rationale,
      [`answer-${c.objection}`]: FR.answer,
      [`answerTranslation-${c.objection}`]: EN.answer,
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const out = (await t.app.inject({ url: api(`/${c.callId}`) })).json().outcome;
    expect(out).toMatchObject({ rationale: FR.rationale, lang: 'fr', rationaleTranslation: EN.rationale, objectionAnswers: [{ answer: FR.answer, translation: EN.answer }] });

    const en = await shown('en', c.callId);
    expect(en).toContain(`<p class="prose">${EN.rationale}</p>`);
    expect(en).toContain(`<span>${EN.answer}</span>`);
    expect(en).not.toContain(FR.rationale);
    const fr = await shown('fr', c.callId);
    expect(fr).toContain(`<p class="prose">${FR.rationale}</p>`);
    expect(fr).toContain(`<span>${FR.answer}</span>`);
    expect(fr).not.toContain(EN.answer);
  });

  it('falls back to the original, marked with its language, where there is no translation', async () => {
    const c = await callWithObjection();
    const res = await chair.json('POST', api(`/${c.callId}/outcome`), { outcome: 'consensus', rationale: EN.rationale, lang: 'en', answers: [{ positionId: c.objection, answer: EN.answer }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rationaleTranslation: null, objectionAnswers: [{ answer: EN.answer, translation: null }] });
    const fr = await shown('fr', c.callId);
    expect(fr).toContain(`<p lang="en" class="prose">${EN.rationale}</p>`);
    expect(fr).toContain(`<span lang="en">${EN.answer}</span>`);
    // On the English page the same texts are in the page's language: no lang of their own.
    const en = await shown('en', c.callId);
    expect(en).toContain(`<p class="prose">${EN.rationale}</p>`);
    expect(en).toContain(`<span>${EN.answer}</span>`);

    // The other way round: written in French only, English readers get it marked as French.
    const d = await callWithObjection();
    await recordOutcome(t.db, admin, d.callId, { outcome: 'consensus', rationale: FR.rationale, lang: 'fr', answers: [{ positionId: d.objection, answer: FR.answer }] });
    const en2 = await shown('en', d.callId);
    expect(en2).toContain(`<p lang="fr" class="prose">${FR.rationale}</p>`);
    expect(en2).toContain(`<span lang="fr">${FR.answer}</span>`);
  });
});

describe('bad input', () => {
  it('refuses an over-long translation in the form with 422, keeping what was typed', async () => {
    const c = await callWithObjection();
    await chair.get(page('en', `/${c.callId}/outcome`));
    const long = 'é'.repeat(10_001);
    const longAnswer = 'ü'.repeat(5001);
    const res = await chair.post(page('en', `/${c.callId}/outcome`), {
      outcome: 'consensus',
      rationale: EN.rationale,
      lang: 'en',
      rationaleTranslation: long,
      [`answer-${c.objection}`]: EN.answer,
      [`answerTranslation-${c.objection}`]: longAnswer,
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('This text is too long: it may have up to 10,000 characters.');
    expect(res.body).toContain('This text is too long: it may have up to 5,000 characters.');
    // Each error is beside its own field and linked from the summary.
    expect(res.body).toContain('href="#field-rationaleTranslation"');
    expect(res.body).toContain(`href="#field-answerTranslation-${c.objection}"`);
    expect(res.body).toMatch(new RegExp(`id="field-answerTranslation-${c.objection}-error"`));
    // What was typed comes back.
    for (const typed of [EN.rationale, EN.answer, long, longAnswer]) expect(res.body).toContain(typed);
    expect(await t.db.selectFrom('consensus_outcomes').select('id').where('call_id', '=', c.callId).execute()).toHaveLength(0);
  });

  it('refuses an over-long translation through the API (400, as every body the API’s schema refuses) naming the field, in the reader’s language', async () => {
    const c = await callWithObjection();
    const res = await chair.json(
      'POST',
      api(`/${c.callId}/outcome`),
      { outcome: 'consensus', rationale: EN.rationale, lang: 'en', rationaleTranslation: 'x'.repeat(10_001), answers: [{ positionId: c.objection, answer: EN.answer, translation: 'y'.repeat(5001) }] },
      { 'accept-language': 'fr' },
    );
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(Object.keys(body.errors).sort()).toEqual(['answers.0.translation', 'rationaleTranslation']);
    expect(body.errors.rationaleTranslation).toMatch(/^Ce texte est trop long\u00a0: il peut compter au plus 10\s000 caractères\.$/);
    expect(await t.db.selectFrom('consensus_outcomes').select('id').where('call_id', '=', c.callId).execute()).toHaveLength(0);
  });
});

describe('an appeal that changes the outcome', () => {
  it('carries the new rationale’s translation, shown to the readers of that language', async () => {
    const c = await callWithObjection();
    await recordOutcome(t.db, admin, c.callId, { outcome: 'consensus', rationale: EN.rationale, lang: 'en', rationaleTranslation: FR.rationale, answers: [{ positionId: c.objection, answer: EN.answer, translation: FR.answer }] });
    const appeal = await fileAppeal(t.db, objector.actor, c.callId, { grounds: 'The answer does not give a date.', lang: 'en' });
    const url = page('en', `/${c.callId}/appeals/${appeal.id}/answer`);
    const form = await chair.get(url);
    expect(form.body).toContain('name="changedOutcome.rationaleTranslation"');
    const newEn = 'The objection stands: no date is given.';
    const newFr = 'L’objection est maintenue : aucune date n’est donnée.';
    const tooLong = await chair.post(url, { status: 'upheld', answer: 'Upheld.', lang: 'en', 'changedOutcome.outcome': 'no_consensus', 'changedOutcome.rationale': newEn, 'changedOutcome.rationaleTranslation': 'z'.repeat(10_001) });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('href="#field-changedOutcome.rationaleTranslation"');
    expect(tooLong.body).toContain(newEn);
    const ok = await chair.post(url, { status: 'upheld', answer: 'Upheld.', lang: 'en', 'changedOutcome.outcome': 'no_consensus', 'changedOutcome.rationale': newEn, 'changedOutcome.rationaleTranslation': newFr });
    expect(ok.statusCode, ok.body.slice(0, 500)).toBe(303);
    const detail = (await t.app.inject({ url: api(`/${c.callId}`) })).json();
    expect(detail.outcome).toMatchObject({ outcome: 'no_consensus', rationale: newEn, lang: 'en', rationaleTranslation: newFr });
    const fr = await shown('fr', c.callId);
    expect(fr).toContain(`<p class="prose">${newFr}</p>`);
    expect(fr).not.toContain(newEn);
    // The outcome it replaced keeps its own translation.
    expect(fr).toContain(`<p class="prose">${FR.rationale}</p>`);
    expect((await shown('en', c.callId))).toContain(`<p class="prose">${newEn}</p>`);
  });
});
