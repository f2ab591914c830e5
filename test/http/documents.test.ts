import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { newId } from '../../src/platform/lib/ids.js';
import { groupsRepository } from '../../src/modules/groups/groups.repository.js';
import { documentsRepository } from '../../src/modules/documents/documents.repository.js';
import { openPeriod } from '../../src/modules/comments/periods.service.js';
import { commentMargin } from '../../src/modules/comments/comments.margin.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { verifyAudit } from '../../src/platform/audit/audit-verify.service.js';

/**
 * Documents through the API and the pages: versions, anchors that survive edits, who may
 * write what, members-only documents, comparisons, translations and downloads.
 */
type Person = Awaited<ReturnType<typeof signedInClient>>;
let t: TestApp;
let admin: Person;
let oversight: Person;
let processMember: Person;
let labelsMember: Person;
const SLUG = 'iot-docs';
const API = `/api/v1/processes/${SLUG}/documents`;
const PAGES = `/en/processes/${SLUG}/documents`;
const f = { processId: '', labelsGroup: '', otherGroup: '' };

const PARAS = [
  'Devices ship with a unique password per unit, never a shared default.',
  'Manufacturers publish a vulnerability disclosure policy with a contact address.',
  'Security updates are signed and delivered over an authenticated channel.',
  'Each device states how long it will receive security updates.',
  'Personal data stored on the device can be erased by the owner.',
  'Communications with cloud services use current encryption protocols.',
  'Unused network services are disabled by default on every device.',
  'Device logs record security events without recording personal data.',
  'A label on the box shows the support period and a link to the policy.',
  'The oversight committee reviews this baseline every two years.',
];
const text = (paras: string[]) => `# 1 Baseline\n\n${paras.join('\n\n')}\n`;

beforeAll(async () => {
  t = await testApp();
  admin = await signedInClient(t, { admin: true });
  const p = await admin.client.json('POST', '/api/v1/processes', {
    slug: SLUG,
    titleEn: 'Enhancing IoT Security',
    titleFr: 'Améliorer la sécurité de l’IdO',
    phases: [],
  });
  expect(p.statusCode, p.body).toBe(201);
  f.processId = p.json().id as string;
  for (const [slug, name] of [
    ['labels', 'Labels'],
    ['updates', 'Updates'],
  ] as const) {
    const g = await admin.client.json('POST', `/api/v1/processes/${SLUG}/groups`, {
      slug,
      nameEn: name,
      nameFr: name,
      charterEn: '',
      charterFr: '',
      status: 'active',
    });
    expect(g.statusCode, g.body).toBe(201);
  }
  f.labelsGroup = (await groupsRepository.bySlug(t.db, f.processId, 'labels'))!.id;
  f.otherGroup = (await groupsRepository.bySlug(t.db, f.processId, 'updates'))!.id;
  oversight = await signedInClient(t, { processRoles: [{ role: 'oversight', processId: f.processId }] });
  processMember = await signedInClient(t, { processRoles: [{ role: 'member', processId: f.processId }] });
  labelsMember = await signedInClient(t, { processRoles: [{ role: 'member', processId: f.processId }] });
  await groupsRepository.addMember(t.db, { id: newId(), group_id: f.labelsGroup, user_id: labelsMember.userId });
});
afterAll(async () => t?.close());

interface Block {
  anchor: string;
  label: string;
  text: string;
  change: string;
}

async function create(who: Person, body: Record<string, unknown>) {
  return who.client.json('POST', API, { kind: 'report', lang: 'en', title: 'Baseline', markdown: text(PARAS), message: 'First draft', ...body });
}

async function save(who: Person, slug: string, markdown: string, message = 'Edit') {
  return who.client.json('POST', `${API}/${slug}/versions`, { title: 'Baseline', markdown, message });
}

describe('creating documents and versions', () => {
  it('creates a process document with version 1, its blocks and anchors, listed for everyone', async () => {
    const res = await create(oversight, { slug: 'baseline' });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<{ version: { number: number; blocks: Block[] }; group: string | null; status: string; url: string }>();
    expect(doc).toMatchObject({ group: null, status: 'draft' });
    expect(doc.version.number).toBe(1);
    expect(doc.version.blocks).toHaveLength(11);
    expect(doc.version.blocks[0]).toMatchObject({ label: '1', text: '1 Baseline' });
    expect(doc.version.blocks[3]!.label).toBe('¶ 3');
    for (const b of doc.version.blocks) expect(b.anchor).toMatch(/^p[a-z0-9]{7}$/);
    const list = await new Client(t.app).json('GET', API);
    expect(list.json().items.map((d: { slug: string }) => d.slug)).toContain('baseline');
    const page = await new Client(t.app).get(PAGES);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Baseline');
    const processPage = await new Client(t.app).get(`/en/processes/${SLUG}`);
    expect(processPage.body).toContain(`href="${PAGES}"`);
  });

  it('keeps the anchors of untouched paragraphs across versions, and a v1 link still resolves on v3', async () => {
    const v1 = (await new Client(t.app).json('GET', `${API}/baseline`)).json<{ version: { blocks: Block[] } }>().version.blocks;
    const edited = [...PARAS];
    edited[2] = 'Security updates are signed, tested and delivered over an authenticated channel.';
    const r2 = await save(oversight, 'baseline', text(edited), 'Tested updates');
    expect(r2.statusCode, r2.body).toBe(201);
    const v2 = r2.json<{ number: number; blocks: Block[] }>();
    expect(v2.number).toBe(2);
    expect(v2.blocks.map((b) => b.anchor)).toEqual(v1.map((b) => b.anchor));
    expect(v2.blocks[3]!.change).toBe('edited');
    expect(v2.blocks.filter((b) => b.change === 'same')).toHaveLength(10);

    // v3: a paragraph at the top, two paragraphs merged, one removed outright.
    const v3paras = ['This baseline applies to consumer devices.', ...edited.slice(0, 3), `${edited[3]!} ${edited[4]!}`, ...edited.slice(5, 9)];
    const r3 = await save(oversight, 'baseline', text(v3paras), 'Merged and trimmed');
    expect(r3.statusCode, r3.body).toBe(201);
    const v3 = r3.json<{ blocks: Block[] }>().blocks;
    const anchorsV3 = new Set(v3.map((b) => b.anchor));
    for (const i of [0, 1, 2, 3, 6, 7, 8, 9]) expect(anchorsV3.has(v1[i]!.anchor), `block ${i}`).toBe(true);

    // A v1 link to ¶ 2 lands on the same paragraph in v3.
    const kept = await new Client(t.app).get(`${PAGES}/baseline/anchors/${v1[2]!.anchor}`);
    expect(kept.statusCode).toBe(303);
    expect(kept.headers.location).toBe(`${PAGES}/baseline#${v1[2]!.anchor}`);
    const current = await new Client(t.app).get(`${PAGES}/baseline`);
    expect(current.body).toContain(`id="${v1[2]!.anchor}"`);

    // The merged-away paragraph says where it went; the removed one says it was removed.
    const merged = [v1[4]!, v1[5]!].find((b) => !anchorsV3.has(b.anchor))!;
    const mergedInto = v3.find((b) => b.text.includes('erased by the owner'))!;
    const mergedPage = await new Client(t.app).get(`${PAGES}/baseline/anchors/${merged.anchor}`);
    expect(mergedPage.statusCode).toBe(200);
    expect(mergedPage.body).toContain('was removed in version 3');
    expect(mergedPage.body).toContain(`went into ${mergedInto.label}`);
    expect(mergedPage.body).toContain(`${PAGES}/baseline#${mergedInto.anchor}`);
    const removed = await new Client(t.app).get(`${PAGES}/baseline/anchors/${v1[10]!.anchor}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.body).toContain(`${v1[10]!.label} was removed in version 3`);
    expect(removed.body).not.toContain('went into');
    const fr = await new Client(t.app).get(`/fr/processes/${SLUG}/documents/baseline/anchors/${v1[10]!.anchor}`);
    expect(fr.body).toContain('a été supprimé dans la version 3');
    expect((await new Client(t.app).get(`${PAGES}/baseline/anchors/pnever000`)).statusCode).toBe(404);
  });

  it('follows a paragraph merged twice (A into B in v2, B into C in v3): a v1 link to A leads to C', async () => {
    // Each merge adds twice as many new words as the merged text holds, so neither B nor C is
    // similar enough to any one predecessor to keep its anchor: both get fresh ones, and A's
    // link has to hop A → B → C through the recorded fates.
    const a = 'Manufacturers publish how long each device model receives security updates.';
    const x1 = 'Retailers display that support period beside the price on shelves and websites.';
    const x2 = 'Consumers compare models knowing when fixes will stop arriving for their household.';
    const b = `${a} ${x1} ${x2}`;
    const y1 = 'Regulators audit published periods yearly, sampling firmware releases across vendors, checking dates against promises, naming laggards openly, fining repeat offenders proportionately, reporting findings to parliament before budget debates, and inviting public submissions.';
    const y2 = 'Insurers reward networks whose inventories list only supported hardware, lowering premiums where administrators retire unsupported cameras, routers, thermostats, locks, printers, televisions, speakers, doorbells and hubs ahead of announced deadlines every single quarter.';
    const c = `${b} ${y1} ${y2}`;
    const head = 'Scope: consumer connected devices sold nationally.';
    const tail = 'Definitions follow in annex one.';
    expect((await create(oversight, { slug: 'merged-twice', markdown: text([head, a, x1, x2, tail]) })).statusCode).toBe(201);
    const v1 = (await new Client(t.app).json('GET', `${API}/merged-twice`)).json<{ version: { blocks: Block[] } }>().version.blocks;
    const r2 = await save(oversight, 'merged-twice', text([head, b, tail]), 'Merge A, X1 and X2');
    expect(r2.statusCode, r2.body).toBe(201);
    const bBlock = r2.json<{ blocks: Block[] }>().blocks.find((bl) => bl.text.startsWith('Manufacturers'))!;
    const r3 = await save(oversight, 'merged-twice', text([head, c, tail]), 'Merge B, Y1 and Y2');
    expect(r3.statusCode, r3.body).toBe(201);
    const cBlock = r3.json<{ blocks: Block[] }>().blocks.find((bl) => bl.text.startsWith('Manufacturers'))!;
    const aAnchor = v1.find((bl) => bl.text.startsWith('Manufacturers'))!.anchor;
    // The premise: three different anchors, so the link really crosses two merges.
    expect(new Set([aAnchor, bBlock.anchor, cBlock.anchor]).size).toBe(3);

    for (const [from, removedIn] of [
      [aAnchor, 2],
      [bBlock.anchor, 3],
    ] as const) {
      const page = await new Client(t.app).get(`${PAGES}/merged-twice/anchors/${from}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`was removed in version ${removedIn}`);
      expect(page.body).toContain(`went into ${cBlock.label}`);
      expect(page.body).toContain(`${PAGES}/merged-twice#${cBlock.anchor}`);
      expect(page.body).not.toContain(`${PAGES}/merged-twice#${bBlock.anchor}`);
    }
  });

  it('says a paragraph rewritten past recognition was rewritten, and links to the one in its place', async () => {
    const paras = ['Devices ship without default passwords.', 'Vendors publish a disclosure policy.', 'Updates are signed.'];
    expect((await create(oversight, { slug: 'rewrites', markdown: text(paras) })).statusCode).toBe(201);
    const v1 = (await new Client(t.app).json('GET', `${API}/rewrites`)).json<{ version: { blocks: Block[] } }>().version.blocks;
    const r2 = await save(oversight, 'rewrites', text([paras[0]!, 'Anyone can report a flaw through a published channel.', paras[2]!]), 'Reworded');
    expect(r2.statusCode, r2.body).toBe(201);
    const replacement = r2.json<{ blocks: Block[] }>().blocks[2]!;
    expect(replacement.anchor).not.toBe(v1[2]!.anchor);
    const page = await new Client(t.app).get(`${PAGES}/rewrites/anchors/${v1[2]!.anchor}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`It was rewritten: ${replacement.label} of the current version stands in its place.`);
    expect(page.body).toContain(`${PAGES}/rewrites#${replacement.anchor}`);
    const fr = await new Client(t.app).get(`/fr/processes/${SLUG}/documents/rewrites/anchors/${v1[2]!.anchor}`);
    expect(fr.body).toContain('Il a été réécrit');
  });

  it('refuses a version identical to the current one, with a message, and saves nothing', async () => {
    const current = (await new Client(t.app).json('GET', `${API}/baseline`)).json<{ version: { markdown: string; number: number } }>().version;
    const res = await save(oversight, 'baseline', `${current.markdown}\n\n`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('nothing to save');
    const after = (await new Client(t.app).json('GET', `${API}/baseline/versions`)).json<{ items: unknown[] }>();
    expect(after.items).toHaveLength(current.number);
  });

  it('creates and edits through the forms, re-showing a form with its errors', async () => {
    const c = oversight.client;
    await c.get(`${PAGES}/new`);
    const bad = await c.post(`${PAGES}/new`, { title: 'Charter', slug: 'Not A Slug!', kind: 'charter', lang: 'en', markdown: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('error-summary');
    expect(bad.body).toContain('Write the text of the document.');
    const ok = await c.post(`${PAGES}/new`, {
      title: 'Charter',
      slug: 'charter',
      kind: 'charter',
      lang: 'en',
      markdown: '# Charter\n\nWe meet monthly.',
      message: 'Start',
    });
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toBe(`${PAGES}/charter`);
    const editPage = await c.get(`${PAGES}/charter/edit`);
    expect(editPage.body).toContain('We meet monthly.');
    const same = await c.post(`${PAGES}/charter/edit`, { title: 'Charter', markdown: '# Charter\n\nWe meet monthly.', message: '' });
    expect(same.statusCode).toBe(409);
    expect(same.body).toContain('nothing to save');
    await c.get(`${PAGES}/charter/edit`);
    const saved = await c.post(`${PAGES}/charter/edit`, { title: 'Charter', markdown: '# Charter\n\nWe meet every month.', message: 'Wording' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${PAGES}/charter/versions/2`);
  });

  it('answers bad input with a 4xx and a message in the caller’s language, and writes nothing', async () => {
    const before = (await new Client(t.app).json('GET', API)).json<{ items: unknown[] }>().items.length;
    const en = await create(oversight, { slug: 'empty', markdown: '   ' });
    expect(en.statusCode).toBe(400);
    expect(JSON.stringify(en.json())).toContain('Write the text of the document.');
    const frClient = await signedInClient(t, { processRoles: [{ role: 'oversight', processId: f.processId }], lang: 'fr' });
    const fr = await frClient.client.json('POST', API, { slug: 'vide', kind: 'nope', lang: 'en', title: 'X', markdown: 'x' }, { 'accept-language': 'fr' });
    expect(fr.statusCode).toBe(400);
    expect(JSON.stringify(fr.json())).toContain('Choisissez un type de document.');
    // A translation into a language the text already has is refused after other checks passed: nothing half-written.
    const dup = await create(oversight, { slug: 'baseline-copy', translationOf: 'baseline', lang: 'en' });
    expect(dup.statusCode).toBe(409);
    expect(await documentsRepository.bySlug(t.db, f.processId, 'baseline-copy')).toBeUndefined();
    const taken = await create(oversight, { slug: 'baseline' });
    expect(taken.statusCode).toBe(409);
    const after = (await new Client(t.app).json('GET', API)).json<{ items: unknown[] }>().items.length;
    expect(after).toBe(before);
    const badVersion = await new Client(t.app).get(`${PAGES}/baseline/compare?from=x&to=2`);
    expect(badVersion.statusCode).toBe(400);
  });
});

describe('who may write', () => {
  it('lets a working group’s member create and edit that group’s documents, but not the process’s nor another group’s', async () => {
    const own = await create(labelsMember, { slug: 'labels-notes', group: 'labels', title: 'Label notes' });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().group).toBe('labels');
    expect((await create(labelsMember, { slug: 'process-doc' })).statusCode).toBe(403);
    expect((await create(labelsMember, { slug: 'updates-doc', group: 'updates' })).statusCode).toBe(403);
    expect((await create(processMember, { slug: 'labels-2', group: 'labels' })).statusCode).toBe(403);
    const otherGroupDoc = await create(oversight, { slug: 'updates-notes', group: 'updates', title: 'Update notes' });
    expect(otherGroupDoc.statusCode).toBe(201);
    expect((await save(labelsMember, 'labels-notes', '# Labels\n\nNew text.')).statusCode).toBe(201);
    expect((await save(labelsMember, 'updates-notes', '# Updates\n\nNew text.')).statusCode).toBe(403);
    expect((await save(labelsMember, 'baseline', '# Baseline\n\nNew text.')).statusCode).toBe(403);
    // Through the pages: the group member sees a button for their group and the form accepts it.
    const list = await labelsMember.client.get(PAGES);
    expect(list.body).toContain(`${PAGES}/new?group=labels`);
    const form = await labelsMember.client.get(`${PAGES}/new?group=labels`);
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('The process itself');
    const posted = await labelsMember.client.post(`${PAGES}/new`, {
      group: 'labels',
      title: 'Minutes',
      slug: 'labels-minutes',
      kind: 'minutes',
      lang: 'en',
      markdown: 'We met.',
    });
    expect(posted.statusCode, posted.body).toBe(303);
    expect((await labelsMember.client.get(`${PAGES}/new`)).statusCode).toBe(403);
  });

  it('moves the status forward only, for editors', async () => {
    const c = oversight.client;
    await c.get(`${PAGES}/charter`);
    const res = await c.post(`${PAGES}/charter/status`, { status: 'public_comment' });
    expect(res.statusCode).toBe(303);
    expect((await new Client(t.app).json('GET', `${API}/charter`)).json().status).toBe('public_comment');
    const back = await oversight.client.json('PATCH', `${API}/charter`, { status: 'draft' });
    expect(back.statusCode).toBe(409);
    expect((await processMember.client.json('PATCH', `${API}/charter`, { status: 'final' })).statusCode).toBe(403);
  });
});

describe('the trail and the index', () => {
  it('audits every write in an unbroken chain and indexes the current text for search, members-only flagged', async () => {
    expect((await verifyAudit(t.db)).ok).toBe(true);
    const actions = await t.db.selectFrom('audit_events').select('action').where('action', 'like', 'document.%').execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(new Set(['document.create', 'document.saveVersion', 'document.update']));
    const entry = await t.db.selectFrom('search_entries').selectAll().where('kind', '=', 'document').where('path', '=', `/processes/${SLUG}/documents/baseline`).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ lang: 'en', subkind: 'report', title: 'Baseline', members_only: false });
    expect(entry.body).toContain('signed, tested and delivered');
    expect(entry.body).not.toContain('every two years');
  });
});

describe('members-only documents', () => {
  it('hides them from outsiders (404 and absent from lists) and shows them to the process’s members', async () => {
    const res = await create(oversight, { slug: 'internal', membersOnly: true, title: 'Internal notes' });
    expect(res.statusCode).toBe(201);
    const anon = new Client(t.app);
    expect((await anon.json('GET', `${API}/internal`)).statusCode).toBe(404);
    expect((await anon.get(`${PAGES}/internal`)).statusCode).toBe(404);
    expect((await anon.get(`${PAGES}/internal/versions/1/markdown`)).statusCode).toBe(404);
    expect((await anon.json('GET', API)).json().items.map((d: { slug: string }) => d.slug)).not.toContain('internal');
    const outsider = await signedInClient(t);
    expect((await outsider.client.get(`${PAGES}/internal`)).statusCode).toBe(404);
    const internal = await processMember.client.get(`${PAGES}/internal`);
    expect(internal.statusCode).toBe(200);
    expect(internal.body).toContain('Internal notes');
    expect((await processMember.client.json('GET', API)).json().items.map((d: { slug: string }) => d.slug)).toContain('internal');
    const entry = await t.db.selectFrom('search_entries').select('members_only').where('path', '=', `/processes/${SLUG}/documents/internal`).executeTakeFirstOrThrow();
    expect(entry.members_only).toBe(true);
  });
});

describe('reading', () => {
  it('shows each block with its anchor as id, a label and a permanent link; versions, history and the not-current notice', async () => {
    const doc = (await new Client(t.app).json('GET', `${API}/baseline`)).json<{ version: { blocks: Block[] } }>();
    const page = await new Client(t.app).get(`${PAGES}/baseline`);
    for (const b of doc.version.blocks) {
      expect(page.body).toContain(`id="${b.anchor}"`);
      expect(page.body).toContain(`${PAGES}/baseline/anchors/${b.anchor}`);
    }
    expect(page.body).toContain('Version 3 of 3');
    const v1 = await new Client(t.app).get(`${PAGES}/baseline/versions/1`);
    expect(v1.statusCode).toBe(200);
    expect(v1.body).toContain('This is version 1, not the current version (version 3).');
    expect((await new Client(t.app).get(`${PAGES}/baseline/versions/9`)).statusCode).toBe(404);
    const history = await new Client(t.app).get(`${PAGES}/baseline/versions`);
    expect(history.body).toContain('Merged and trimmed');
    expect(history.body).toContain(`${PAGES}/baseline/compare?from=2&amp;to=3`);
  });

  it('compares versions word by word with ins/del announced in words, a summary and a legend, on the page and in the API', async () => {
    const page = await new Client(t.app).get(`${PAGES}/baseline/compare?from=1&to=2`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('1 paragraph changed');
    expect(page.body).toContain('<ins><span class="visually-hidden">inserted: </span>signed, tested </ins>');
    expect(page.body).toContain('<del><span class="visually-hidden">deleted: </span>signed </del>');
    expect(page.body).toContain('How changes are shown');
    const v13 = await new Client(t.app).get(`${PAGES}/baseline/compare?from=1&to=3`);
    expect(v13.body).toMatch(/\d+ paragraphs? changed, 1 added, 2 removed/);
    const fr = await new Client(t.app).get(`/fr/processes/${SLUG}/documents/baseline/compare?from=1&to=2`);
    expect(fr.body).toContain('1 paragraphe modifié');
    expect(fr.body).toContain('inséré');
    const api = await new Client(t.app).json('GET', `${API}/baseline/compare?from=1&to=2`);
    expect(api.statusCode).toBe(200);
    expect(api.json().summary).toMatchObject({ changed: 1, added: 0, removed: 0 });
    const changed = api.json().blocks.find((b: { status: string }) => b.status === 'changed');
    expect(changed.ops).toEqual([
      { op: 'eq', text: 'Security updates are ' },
      { op: 'del', text: 'signed ' },
      { op: 'ins', text: 'signed, tested ' },
      { op: 'eq', text: 'and delivered over an authenticated channel.' },
    ]);
  });

  it('downloads a version as Markdown and as a printable page', async () => {
    const md = await new Client(t.app).get(`${PAGES}/baseline/versions/1/markdown`);
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.headers['content-disposition']).toBe('attachment; filename="baseline-v1.md"');
    expect(md.body).toBe(text(PARAS));
    const print = await new Client(t.app).get(`${PAGES}/baseline/versions/2/print`);
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain('class="print-page"');
    expect(print.body).toContain('signed, tested and delivered');
    expect(print.body).not.toContain('site-header');
  });

  it('links translations and reads them side by side with lang on each column, saying when counts differ', async () => {
    const fr = await create(oversight, {
      slug: 'referentiel',
      lang: 'fr',
      title: 'Référentiel',
      translationOf: 'baseline',
      markdown: '# 1 Référentiel\n\nChaque appareil a un mot de passe unique.\n\nLes fabricants publient une politique.',
    });
    expect(fr.statusCode, fr.body).toBe(201);
    expect(fr.json().translations).toEqual([{ slug: 'baseline', lang: 'en' }]);
    const page = await new Client(t.app).get(`${PAGES}/baseline`);
    expect(page.body).toContain(`${PAGES}/referentiel`);
    const side = await new Client(t.app).get(`${PAGES}/baseline/side-by-side`);
    expect(side.statusCode).toBe(200);
    expect(side.body).toContain('<td lang="fr">');
    expect(side.body).toContain('<td lang="en">');
    expect(side.body).toContain('do not have the same number of paragraphs');
    const none = await new Client(t.app).get(`${PAGES}/charter/side-by-side`);
    expect(none.body).toContain('has no translation yet');

    // Any version against any version of the translation, chosen with a plain GET form.
    expect(side.body).toContain('signed, tested and delivered');
    const v1 = await new Client(t.app).get(`${PAGES}/baseline/side-by-side?with=referentiel&left=1&right=1`);
    expect(v1.statusCode).toBe(200);
    expect(v1.body).toContain('Security updates are signed and delivered over an authenticated channel.');
    expect(v1.body).not.toContain('signed, tested and delivered');
    expect(v1.body).toContain('<select id="field-left" name="left"><option value="1" selected>1</option>');
    for (const bad of ['left=99', 'right=0', 'left=abc']) expect((await new Client(t.app).get(`${PAGES}/baseline/side-by-side?${bad}`)).statusCode, bad).toBe(404);
  });
});

describe('the comment margin', () => {
  it('shows per-paragraph comment links on the period’s version, and points there from the current version', async () => {
    const adminActor: Actor = {
      userId: admin.userId,
      name: 'Admin',
      email: admin.email,
      lang: 'en',
      emailConfirmed: true,
      isAdmin: true,
      processRoles: new Map(),
      groupRoles: new Map(),
      organisationRoles: new Map(),
      installationRoles: new Set(),
    };
    const period = await openPeriod(
      t.db,
      adminActor,
      f.processId,
      {
        document: 'baseline',
        version: 2,
        includeTranslations: false,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        timeZone: 'America/Toronto',
        instructionsEn: '',
        instructionsFr: '',
        audience: 'confirmed',
      },
      '',
    );
    const v2 = await new Client(t.app).get(`${PAGES}/baseline/versions/2`);
    const blocks = (await new Client(t.app).json('GET', `${API}/baseline/versions/2`)).json<{ blocks: Block[] }>().blocks;
    const anchor = blocks[3]!.anchor;
    expect(v2.body).toContain(`/en/processes/${SLUG}/comment-periods/${period.id}/comments/new?document=baseline&amp;anchor=${anchor}#comment-form`);
    expect(v2.body).toContain('Comment on this paragraph');
    expect(v2.body).toContain(`/en/processes/${SLUG}/comment-periods/${period.id}/comments/new?document=baseline#comment-form`);
    expect(v2.body).toContain('<script src="/static/comment-inline.js" defer></script>');
    const current = await new Client(t.app).get(`${PAGES}/baseline`);
    expect(current.body).toContain('Comments are on version 2 of this document.');
    expect(current.body).not.toContain('Comment on this paragraph');
    expect(current.body).not.toContain('comment-inline.js');

    // A later period on the same document is the one the margin shows, with its own counts.
    const doc = (await t.db.selectFrom('documents').select('id').where('process_id', '=', f.processId).where('slug', '=', 'baseline').executeTakeFirstOrThrow()).id;
    expect((await commentMargin(t.db, doc))?.periodId).toBe(period.id);
    const later = await openPeriod(
      t.db,
      adminActor,
      f.processId,
      {
        document: 'baseline',
        version: 2,
        includeTranslations: false,
        opensAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        timeZone: 'America/Toronto',
        instructionsEn: '',
        instructionsFr: '',
        audience: 'confirmed',
      },
      '',
    );
    expect(await commentMargin(t.db, doc)).toMatchObject({ periodId: later.id, state: 'upcoming', counts: {}, general: 0, total: 0 });
  });
});
