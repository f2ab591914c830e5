import { describe, expect, it } from 'vitest';
import { zip } from '../../../test/helpers/zip.js';
import { storedEntryData, zipEntries } from './zip.js';
import { identifyDocument, safeFileName } from './file-types.js';
import { contentDisposition } from './download.js';
import { checkUpload, MAX_FILE_BYTES } from './files.service.js';

const DOCX: [string, string][] = [
  ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
  ['_rels/.rels', '<Relationships/>'],
  ['word/document.xml', '<w:document/>'],
];
const ODT: [string, string][] = [
  ['mimetype', 'application/vnd.oasis.opendocument.text'],
  ['content.xml', '<office:document-content/>'],
  ['META-INF/manifest.xml', '<manifest:manifest/>'],
];

describe('zip reader', () => {
  it('lists entry names from the central directory, past an archive comment', () => {
    expect(zipEntries(zip(DOCX))?.map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(zipEntries(zip(DOCX, { comment: 'made by hand PK\x05\x06 inside' }))?.length).toBe(3);
  });

  it('reads a stored entry through its local header', () => {
    const data = zip(ODT);
    const first = zipEntries(data)![0]!;
    expect(storedEntryData(data, first)?.toString()).toBe('application/vnd.oasis.opendocument.text');
  });

  it('gives up, rather than guessing, on truncated or inconsistent archives', () => {
    const data = zip(DOCX);
    expect(zipEntries(data.subarray(0, data.length - 5))).toBeUndefined();
    expect(zipEntries(Buffer.from('PK\x03\x04 not really a zip at all, no directory'))).toBeUndefined();
    const broken = Buffer.from(data);
    broken.writeUInt32LE(0xdeadbeef, broken.length - 22 + 16); // central directory offset out of range
    expect(zipEntries(broken)).toBeUndefined();
    expect(zipEntries(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('document types, by content only', () => {
  it('knows PDF, DOCX, ODT, Markdown and plain text', () => {
    expect(identifyDocument(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), 'whatever.docx')).toBe('pdf');
    expect(identifyDocument(zip(DOCX), 'report.pdf')).toBe('docx');
    expect(identifyDocument(zip(ODT), 'report')).toBe('odt');
    expect(identifyDocument(Buffer.from('# Rapport\n\nÉté 2018'), 'rapport.md')).toBe('markdown');
    expect(identifyDocument(Buffer.from('Plain words'), 'notes.txt')).toBe('text');
  });

  it('refuses other archives, other ODF kinds, binary and invalid UTF-8', () => {
    expect(identifyDocument(zip([['hello.txt', 'hi']]), 'report.pdf')).toBeUndefined();
    expect(
      identifyDocument(
        zip([
          ['[Content_Types].xml', '<Types/>'],
          ['xl/workbook.xml', '<w/>'],
        ]),
        'book.docx',
      ),
    ).toBeUndefined();
    expect(
      identifyDocument(
        zip([
          ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
          ['content.xml', '<x/>'],
        ]),
        'sheet.odt',
      ),
    ).toBeUndefined();
    expect(
      identifyDocument(
        zip([
          ['content.xml', '<x/>'],
          ['mimetype', 'application/vnd.oasis.opendocument.text'],
        ]),
        'late.odt',
      ),
    ).toBeUndefined();
    expect(identifyDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image.md')).toBeUndefined();
    expect(identifyDocument(Buffer.from('text with a NUL\0 byte'), 'a.md')).toBeUndefined();
    expect(identifyDocument(Buffer.from([0x48, 0x69, 0xc3, 0x28]), 'bad.txt')).toBeUndefined();
  });

  it('checks size before type, and keeps a name that says what the content is', () => {
    expect(() => checkUpload({ name: 'big.md', data: Buffer.alloc(MAX_FILE_BYTES + 1, 0x61) })).toThrow(expect.objectContaining({ status: 413 }));
    expect(() => checkUpload({ name: 'empty.md', data: Buffer.alloc(0) })).toThrow(expect.objectContaining({ status: 422 }));
    expect(() => checkUpload({ name: 'x.pdf', data: zip([['a', 'b']]) })).toThrow(
      expect.objectContaining({ status: 415, key: 'files.errors.unsupportedType' }),
    );
    expect(checkUpload({ name: 'x.exe', data: Buffer.from('%PDF-1.4\n') })).toEqual({ name: 'x.exe.pdf', mediaType: 'application/pdf' });
  });
});

describe('file names', () => {
  it('drops folders, control and bidi characters, and fits the extension to the content', () => {
    expect(safeFileName('C:\\docs\\Rapport final.PDF', 'pdf')).toBe('Rapport final.PDF');
    expect(safeFileName('../../etc/passwd', 'text')).toBe('passwd.txt');
    expect(safeFileName('report\u202egpj.md', 'markdown')).toBe('reportgpj.md');
    expect(safeFileName('.pdf', 'pdf')).toBe('document.pdf');
    expect(safeFileName(`${'a'.repeat(300)}.docx`, 'docx')).toBe(`${'a'.repeat(190)}.docx`);
  });

  it('offers downloads under their real name, encoded per RFC 6266 / 5987', () => {
    expect(contentDisposition('Rapport été (final).pdf')).toBe(
      `attachment; filename="Rapport _t_ (final).pdf"; filename*=UTF-8''Rapport%20%C3%A9t%C3%A9%20%28final%29.pdf`,
    );
    expect(contentDisposition('a"b.md')).toBe(`attachment; filename="a_b.md"; filename*=UTF-8''a%22b.md`);
  });
});
