import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEvent } from 'kysely';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import { createDocument } from '../../src/modules/documents/documents.service.js';
import { blocksOf } from '../../src/modules/documents/documents.service.js';
import type { Actor } from '../../src/platform/auth/roles.js';

/**
 * How many SQL statements one request runs, counted through Kysely's `log` hook between the
 * start and the end of one `app.inject()`. Transaction control (`begin`, `commit`) is listed
 * but not counted, as in the figures the budgets were set against (27 and 16 before). On the embedded database each statement is a round trip through
 * one engine, so this is what a busy page costs; the budgets below are the targets of
 * docs/performance.md and a change that adds reads to these paths fails here.
 */
const statements: string[] = [];
let counting = false;
const log = (e: LogEvent) => {
  if (counting) statements.push(e.query.sql);
};

/** Run one request and return what it answered and the statements it ran. */
async function counted<T>(fn: () => Promise<T>): Promise<{ res: T; sql: string[]; all: string[] }> {
  statements.length = 0;
  counting = true;
  try {
    const res = await fn();
    return { res, sql: statements.filter((s) => !/^(begin|commit|rollback)\b/i.test(s)), all: [...statements] };
  } finally {
    counting = false;
  }
}

/** The statements, numbered, for the failure message. */
const listing = (sql: string[]) => sql.map((s, i) => `${i + 1}. ${s.slice(0, 160)}`).join('\n');

let t: TestApp;
let member: Client;
const SLUG = 'iot-statements';
let periodId = '';
let callId = '';
let optionId = '';
let anchor = '';
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await testApp({}, { logger: false }, { log });
  const admin = await signedInClient(t, { admin: true });
  const p = await admin.client.json('POST', '/api/v1/processes', { slug: SLUG, titleEn: 'Enhancing IoT Security', titleFr: 'Améliorer la sécurité de l’IdO', phases: [] });
  expect(p.statusCode, p.body).toBe(201);
  const processId = p.json<{ id: string }>().id;
  const sg = p.json<{ stakeholderGroups: { id: string }[] }>().stakeholderGroups[0]!.id;
  const actor: Actor = { userId: admin.userId, name: 'Admin', email: admin.email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
  const doc = await createDocument(t.db, actor, processId, {
    groupId: null,
    slug: 'draft-report',
    kind: 'report',
    lang: 'en',
    title: 'Draft outcomes report',
    membersOnly: false,
    markdown: '# Definitions\n\nA connected device is any device that talks to a network.\n\nDefault passwords must be unique per device.\n',
    message: 'First draft',
  });
  anchor = (await blocksOf(t.db, doc.current_version_id!)).map((b) => b.anchor)[2]!;
  const period = await admin.client.json('POST', `/api/v1/processes/${SLUG}/comment-periods`, {
    document: 'draft-report',
    opensAt: new Date(Date.now() - HOUR).toISOString(),
    closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    timeZone: 'America/Toronto',
  });
  expect(period.statusCode, period.body).toBe(201);
  periodId = period.json<{ id: string }>().id;
  const call = await admin.client.json('POST', `/api/v1/processes/${SLUG}/consensus-calls`, {
    target: 'document',
    document: 'draft-report',
    questionEn: 'Can you accept the report as written?',
    questionFr: 'Pouvez-vous accepter le rapport tel quel ?',
    options: [{ labelEn: 'The text as written', labelFr: 'Le texte tel quel' }],
    deadline: new Date(Date.now() + 7 * 24 * HOUR).toISOString(),
    timeZone: 'America/Toronto',
    appealDays: 10,
  });
  expect(call.statusCode, call.body).toBe(201);
  callId = call.json<{ id: string }>().id;
  optionId = call.json<{ options: { id: string }[] }>().options[0]!.id;
  const m = await signedInClient(t);
  member = m.client;
  const join = await member.json('POST', `/api/v1/processes/${SLUG}/members`, { stakeholderGroupId: sg, newOrganisation: { name: 'Sensor Makers', sector: 'private_sector' }, preferredLang: 'en' });
  expect(join.statusCode, join.body).toBe(201);
}, 120_000);
afterAll(async () => t?.close());

describe('statements per request', () => {
  it('posting a comment through the page form', async () => {
    const form = await member.get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments/new?document=draft-report&anchor=${anchor}`);
    expect(form.statusCode, form.body.slice(0, 500)).toBe(200);
    const { res, sql, all } = await counted(() =>
      member.post(`/en/processes/${SLUG}/comment-periods/${periodId}/comments/new`, { document: 'draft-report', anchor, text: 'Unique passwords are a must.', lang: 'en', idempotencyKey: 'statements-1' }),
    );
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    console.log(`comment form post: ${sql.length} statements (${all.length} with begin and commit)\n${listing(all)}`);
    expect(sql.length, listing(sql)).toBeLessThanOrEqual(12);
  });

  it('recording a consensus position through the API', async () => {
    const { res, sql, all } = await counted(() => member.json('POST', `/api/v1/processes/${SLUG}/consensus-calls/${callId}/positions`, { optionId, stance: 'support' }));
    expect(res.statusCode, res.body).toBe(200);
    console.log(`position via API: ${sql.length} statements (${all.length} with begin and commit)\n${listing(all)}`);
    expect(sql.length, listing(sql)).toBeLessThanOrEqual(8);
  });

  it('a signed-in member’s document page', async () => {
    const { res, sql, all } = await counted(() => member.get(`/en/processes/${SLUG}/documents/draft-report`));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Default passwords must be unique per device.');
    console.log(`document page, signed in: ${sql.length} statements (${all.length} with begin and commit)\n${listing(all)}`);
    expect(sql.length, listing(sql)).toBeLessThanOrEqual(6);
  });

  it('a signed-in member’s comment list', async () => {
    const { res, sql, all } = await counted(() => member.get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments`));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Unique passwords are a must.');
    console.log(`comment list, signed in: ${sql.length} statements (${all.length} with begin and commit)\n${listing(all)}`);
    expect(sql.length, listing(sql)).toBeLessThanOrEqual(5);
  });

  it('a signed-in member’s process page', async () => {
    const { res, sql, all } = await counted(() => member.get(`/en/processes/${SLUG}`));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Enhancing IoT Security');
    console.log(`process page, signed in: ${sql.length} statements (${all.length} with begin and commit)\n${listing(all)}`);
    expect(sql.length, listing(sql)).toBeLessThanOrEqual(12);
  });

  it('a signed-in member’s comment form', async () => {
    const { res, sql, all } = await counted(() => member.get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments/new?document=draft-report&anchor=${anchor}`));
    expect(res.statusCode).toBe(200);
    console.log(`comment form, signed in: ${sql.length} statements (${all.length} with begin and commit)\n${listing(all)}`);
    expect(sql.length, listing(sql)).toBeLessThanOrEqual(5);
  });

  it('a signed-in member’s consensus call page', async () => {
    const { res, sql, all } = await counted(() => member.get(`/en/processes/${SLUG}/consensus/${callId}`));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Can you accept the report as written?');
    console.log(`consensus call page, signed in: ${sql.length} statements (${all.length} with begin and commit)\n${listing(all)}`);
    expect(sql.length, listing(sql)).toBeLessThanOrEqual(17);
  });
});
