import { zip } from '../helpers/zip.js';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { MAX_FILE_BYTES } from '../../src/modules/files/files.service.js';

/**
 * Files sent with reports: typed by their content (never by name or the browser's claim),
 * size-limited, CSRF-protected on the multipart form, and served as attachments.
 */
type Person = Awaited<ReturnType<typeof signedInClient>>;
let t: TestApp;
let oversight: Person;
let submitter: Person;
let callId = '';
const SLUG = 'iot-files';
const API = `/api/v1/processes/${SLUG}/calls`;

beforeAll(async () => {
  t = await testApp();
  const admin = await signedInClient(t, { admin: true });
  const p = await admin.client.json('POST', '/api/v1/processes', { slug: SLUG, titleEn: 'Files', titleFr: 'Fichiers', phases: [] });
  oversight = await signedInClient(t, { processRoles: [{ role: 'oversight', processId: p.json().id }] });
  submitter = await signedInClient(t);
  const call = await oversight.client.json('POST', API, {
    titleEn: 'Indigenous connectivity summit',
    titleFr: 'Sommet sur la connectivité autochtone',
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  callId = call.json().id;
});
afterAll(async () => t?.close());

/** A real, minimal one-page PDF with a correct cross-reference table. */
function minimalPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>'];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const DOCX = zip([
  [
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ],
  ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'],
  [
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>',
  ],
]);
const ODT = zip([
  ['mimetype', 'application/vnd.oasis.opendocument.text'],
  ['content.xml', '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'],
  ['META-INF/manifest.xml', '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'],
]);

const sendFileViaApi = (name: string, data: Buffer, headers: Record<string, string> = {}) =>
  submitter.client.json(
    'POST',
    `${API}/${callId}/submissions`,
    { title: `Report ${name}`, lang: 'en', file: { name, contentBase64: data.toString('base64') } },
    headers,
  );

/** Post the page's multipart form, as a browser does, with the cookies of `client`. */
async function postForm(client: Client, fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }, lang = 'en') {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.append('file', new Blob([new Uint8Array(file.data)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const body = new Response(fd);
  return t.app.inject({
    method: 'POST',
    url: `/${lang}/processes/${SLUG}/calls/${callId}/submit`,
    payload: Buffer.from(await body.arrayBuffer()),
    headers: { cookie: client.cookieHeader(), 'content-type': body.headers.get('content-type')! },
  });
}

async function stored(): Promise<{ files: number; submissions: number }> {
  const count = async (table: 'files' | 'call_submissions') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { files: await count('files'), submissions: await count('call_submissions') };
}

describe('types are checked by content', () => {
  it('accepts a minimal PDF, DOCX, ODT and Markdown, whatever they are called, typed as their bytes say', async () => {
    const cases: [string, Buffer, string, string][] = [
      ['youth-report.pdf', minimalPdf(), 'application/pdf', 'youth-report.pdf'],
      ['consultation.docx', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'consultation.docx'],
      ['summit.odt', ODT, 'application/vnd.oasis.opendocument.text', 'summit.odt'],
      ['notes.md', Buffer.from('# Notes du sommet\n\nConnectivité pour tous.\n'), 'text/markdown', 'notes.md'],
      ['really-a-pdf.docx', minimalPdf(), 'application/pdf', 'really-a-pdf.docx.pdf'],
    ];
    for (const [name, data, mediaType, keptName] of cases) {
      const res = await sendFileViaApi(name, data);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      const file = res.json().file;
      expect(file).toMatchObject({ name: keptName, mediaType, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    }
  });

  it('refuses ZIP bytes called .pdf, and other formats, with a clear message in the reader’s language; nothing is stored', async () => {
    const before = await stored();
    const zipAsPdf = await sendFileViaApi('report.pdf', zip([['report.txt', 'not a document']]));
    expect(zipAsPdf.statusCode).toBe(415);
    expect(zipAsPdf.json().detail).toBe(
      'This file is not a PDF, Word (DOCX), OpenDocument text (ODT) or Markdown/plain-text document. Its content was checked, not its name: save it in one of these formats and try again.',
    );
    const fr = await sendFileViaApi('rapport.pdf', zip([['a.txt', 'b']]), { 'accept-language': 'fr' });
    expect(fr.json().detail).toMatch(/^Ce fichier n’est pas un document PDF, Word \(DOCX\)/);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await sendFileViaApi('image.md', png)).statusCode).toBe(415);
    const spreadsheet = zip([
      ['[Content_Types].xml', '<Types/>'],
      ['xl/workbook.xml', '<workbook/>'],
    ]);
    expect((await sendFileViaApi('book.docx', spreadsheet)).statusCode).toBe(415);
    expect(await stored()).toEqual(before);
  });

  it('refuses the same through the page’s form, showing the message beside the file field', async () => {
    await submitter.client.get(`/en/processes/${SLUG}/calls/${callId}/submit`);
    const before = await stored();
    const res = await postForm(
      submitter.client,
      { _csrf: submitter.client.csrf(), title: 'Zip', lang: 'en' },
      { name: 'report.pdf', data: zip([['x', 'y']]), type: 'application/pdf' },
    );
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain('id="field-file-error"');
    expect(res.body).toContain('Its content was checked, not its name');
    expect(await stored()).toEqual(before);
  });
});

describe('the size limit', () => {
  it('refuses a file one byte over the limit, by the API and by the form, and stores nothing', async () => {
    const before = await stored();
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 0x61);
    const api = await sendFileViaApi('big.md', big);
    expect(api.statusCode).toBe(413);
    expect(api.json().detail).toMatch(/^The file is larger than 10 MiB\./);
    await submitter.client.get(`/fr/processes/${SLUG}/calls/${callId}/submit`);
    const form = await postForm(submitter.client, { _csrf: submitter.client.csrf(), title: 'Gros', lang: 'fr' }, { name: 'gros.md', data: big }, 'fr');
    expect(form.statusCode).toBe(413);
    expect(form.body).toContain('Le fichier dépasse 10 Mio.');
    expect(await stored()).toEqual(before);
  });

  it('cuts off a body far over the limit while reading it, with the same message', async () => {
    await submitter.client.get(`/en/processes/${SLUG}/calls/${callId}/submit`);
    const huge = await postForm(
      submitter.client,
      { _csrf: submitter.client.csrf(), title: 'Huge', lang: 'en' },
      { name: 'huge.md', data: Buffer.alloc(MAX_FILE_BYTES + 2 * 1024 * 1024, 0x61) },
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('The file is larger than 10 MiB.');
  });
});

describe('CSRF on the multipart form', () => {
  it('refuses a multipart post without a valid token with 403, and stores nothing', async () => {
    await submitter.client.get(`/en/processes/${SLUG}/calls/${callId}/submit`);
    const before = await stored();
    const file = { name: 'notes.md', data: Buffer.from('# Notes\n') };
    const noToken = await postForm(submitter.client, { title: 'No token', lang: 'en' }, file);
    expect(noToken.statusCode).toBe(403);
    expect(noToken.body).toContain('This form has expired or did not come from this site');
    const stranger = new Client(t.app);
    await stranger.get(`/en/processes/${SLUG}/calls/${callId}`);
    await stranger.get('/en/register');
    const borrowed = await postForm(submitter.client, { _csrf: stranger.csrf(), title: 'Borrowed token', lang: 'en' }, file);
    expect(borrowed.statusCode).toBe(403);
    expect(await stored()).toEqual(before);

    const ok = await postForm(submitter.client, { _csrf: submitter.client.csrf(), title: 'With token', lang: 'en' }, file);
    expect(ok.statusCode, ok.body).toBe(303);
    expect(await stored()).toEqual({ files: before.files + 1, submissions: before.submissions + 1 });
  });

  it('refuses a signed-out multipart post before reading it', async () => {
    const anonymous = new Client(t.app);
    await anonymous.get('/en/register');
    const res = await postForm(anonymous, { _csrf: anonymous.csrf(), title: 'Anonymous', lang: 'en' }, { name: 'a.md', data: Buffer.from('a') });
    expect(res.statusCode).toBe(401);
  });
});

describe('downloads', () => {
  it('serve the file as an attachment with its checked type, its real name and nosniff; private until accepted', async () => {
    const name = 'Rapport été 2019.pdf';
    const pdf = minimalPdf();
    const s = (await sendFileViaApi(name, pdf)).json();
    const apiUrl = `${API}/${callId}/submissions/${s.id}/file`;
    const pageUrl = `/fr/processes/${SLUG}/calls/${callId}/submissions/${s.id}/file`;
    expect(s.file.url).toBe(`http://localhost:3000${apiUrl}`);

    expect((await new Client(t.app).get(pageUrl)).statusCode).toBe(404);
    const own = await submitter.client.get(pageUrl);
    expect(own.statusCode).toBe(200);
    expect(own.headers['cache-control']).toBe('private, no-store');

    const accepted = await oversight.client.json('POST', `${API}/${callId}/submissions/${s.id}/moderation`, { decision: 'accept' });
    expect(accepted.statusCode).toBe(200);
    for (const url of [apiUrl, pageUrl]) {
      const res = await new Client(t.app).get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="Rapport _t_ 2019.pdf"; filename*=UTF-8''Rapport%20%C3%A9t%C3%A9%202019.pdf`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.rawPayload.equals(pdf)).toBe(true);
    }
    const md = (await sendFileViaApi('notes.md', Buffer.from('# Notes\n'))).json();
    const text = await submitter.client.get(`/en/processes/${SLUG}/calls/${callId}/submissions/${md.id}/file`);
    expect(text.headers['content-type']).toBe('text/markdown; charset=utf-8');
  });
});
