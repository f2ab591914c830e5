import { describe, expect, it } from 'vitest';
import { ImportFileError, MAX_ROW_CHARS, firstInvalidUtf8, formatOf, parseImport, type ImportFormat, type ParsedRow } from './comments.import-parse.js';

/** The file as chunks of bytes, split where the test says (to cross chunk boundaries). */
async function* bytes(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
}

async function rows(format: ImportFormat, ...parts: (string | Uint8Array)[]): Promise<ParsedRow[]> {
  const out: ParsedRow[] = [];
  for await (const r of parseImport(bytes(...parts), format)) out.push(r);
  return out;
}

/** The file-level refusal a file gets: its key and parameters. */
async function refusal(format: ImportFormat, ...parts: (string | Uint8Array)[]): Promise<{ key: string; params: Record<string, unknown> }> {
  try {
    await rows(format, ...parts);
  } catch (err) {
    if (err instanceof ImportFileError) return { key: err.key, params: err.params };
    throw err;
  }
  throw new Error('the file was read without a refusal');
}

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and numbers rows by the line they start on', async () => {
    const file = 'text,name,paragraph\r\n"Ban, please",Ana,p-1\r\n"She said ""no""\r\nthen left",Bo,\r\nplain,Cy,p-2\nlast,Di,';
    expect(await rows('csv', file)).toEqual([
      { line: 2, values: { text: 'Ban, please', name: 'Ana', paragraph: 'p-1' } },
      { line: 3, values: { text: 'She said "no"\r\nthen left', name: 'Bo', paragraph: '' } },
      { line: 5, values: { text: 'plain', name: 'Cy', paragraph: 'p-2' } },
      { line: 6, values: { text: 'last', name: 'Di', paragraph: '' } },
    ]);
  });

  it('reads the same rows whatever the chunk boundaries (inside "", after a quote, inside a multi-byte letter)', async () => {
    const file = 'text,name\n"a ""b"" é",X\n';
    const whole = await rows('csv', file);
    const buf = Buffer.from(file);
    for (let cut = 1; cut < buf.length; cut++) expect(await rows('csv', buf.subarray(0, cut), buf.subarray(cut))).toEqual(whole);
    expect(whole).toEqual([{ line: 2, values: { text: 'a "b" é', name: 'X' } }]);
  });

  it('drops a UTF-8 byte-order mark, and names columns case-insensitively, ignoring unknown ones', async () => {
    expect(await rows('csv', '\uFEFFText,NAME,colour\nhi,Ana,blue\n')).toEqual([{ line: 2, values: { text: 'hi', name: 'Ana' } }]);
  });

  it('refuses an unclosed quote, naming the line it opened on', async () => {
    expect(await refusal('csv', 'text,name\nfine,A\n"never closed,B\nmore\nand more\n')).toEqual({ key: 'unclosedQuote', params: { line: 3 } });
  });

  it('refuses a quote in the middle of a field with its line', async () => {
    expect(await refusal('csv', 'text,name\nfine,A\nbad "quote",B\n')).toEqual({ key: 'strayQuote', params: { line: 3 } });
    expect(await refusal('csv', 'text,name\n"closed"then,B\n')).toEqual({ key: 'strayQuote', params: { line: 2 } });
  });

  it('refuses a header without the required columns, naming them', async () => {
    expect(await refusal('csv', 'body,author\nx,y\n')).toEqual({ key: 'missingColumns', params: { columns: 'text, name', found: 'body, author' } });
  });

  it('refuses rows with the wrong number of fields, and rows over the size limit, and goes on', async () => {
    const long = 'x'.repeat(MAX_ROW_CHARS + 1);
    expect(await rows('csv', `text,name\na,b,c\n"${long}",Z\nok,Y\n`)).toEqual([
      { line: 2, refused: 'fieldCount', params: { found: 3, expected: 2 } },
      { line: 3, refused: 'rowTooLong', params: { max: MAX_ROW_CHARS } },
      { line: 4, values: { text: 'ok', name: 'Y' } },
    ]);
  });
});

describe('encodings and bytes', () => {
  it('refuses an empty file, and a header with no rows', async () => {
    expect(await refusal('csv', '')).toEqual({ key: 'empty', params: {} });
    expect(await refusal('jsonl', '')).toEqual({ key: 'empty', params: {} });
    expect(await refusal('csv', 'text,name\n')).toEqual({ key: 'noRows', params: {} });
  });

  it('refuses Latin-1 with the line of the first byte that is not UTF-8', async () => {
    // "café" in Latin-1: 0xE9 followed by a line break is not UTF-8.
    const latin1 = Buffer.from('text,name\nfine,A\ncaf\xe9,B\n', 'latin1');
    expect(await refusal('csv', latin1)).toEqual({ key: 'notUtf8', params: { line: 3, byte: '0xE9' } });
  });

  it('refuses UTF-16 by its byte-order mark, and a NUL byte (a binary file) with its line', async () => {
    expect(await refusal('csv', Buffer.from('\uFEFFtext,name\n', 'utf16le'))).toEqual({ key: 'utf16', params: {} });
    expect(await refusal('csv', 'text,name\nok,A\n', Buffer.from([0x50, 0x4b, 0x00, 0x03]))).toEqual({ key: 'binary', params: { line: 3 } });
  });

  it('finds where malformed UTF-8 starts, and lets a sequence cut at the end pass', () => {
    expect(firstInvalidUtf8(Buffer.from('abc'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3, 0xa9, 0xff]))).toBe(3);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
  });
});

describe('JSON Lines', () => {
  it('reads one object per line, skips blank lines, and refuses a bad line by number without stopping', async () => {
    const file = '{"text":"one","name":"A","paragraph":"p-1"}\r\n\n{"text": "two", "name":\n[1,2]\n{"name":"no text"}\n{"text":"three","name":"C","key":42}';
    expect(await rows('jsonl', file)).toEqual([
      { line: 1, values: { text: 'one', name: 'A', paragraph: 'p-1' } },
      { line: 3, refused: 'badJson' },
      { line: 4, refused: 'notObject' },
      { line: 5, refused: 'missingFields', params: { columns: 'text' } },
      { line: 6, values: { text: 'three', name: 'C', key: '42' } },
    ]);
  });
});

describe('formatOf', () => {
  it('reads the format from the file name', () => {
    expect(formatOf('Comments.CSV')).toBe('csv');
    expect(formatOf('a.jsonl')).toBe('jsonl');
    expect(formatOf('a.ndjson')).toBe('jsonl');
    expect(formatOf('a.txt')).toBeUndefined();
  });
});
