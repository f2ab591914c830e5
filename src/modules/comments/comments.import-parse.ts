/**
 * Reading a comment import file, streamed: bytes → UTF-8 text → rows of named values, with a
 * line number on every row and every refusal. CSV as RFC 4180 (quoted fields, "" inside
 * quotes, line breaks inside quotes, CRLF or LF) with a header row naming the columns, or JSON
 * Lines (one object per line). What makes the whole file unreadable (empty, binary, not UTF-8,
 * an unclosed quote, missing columns) throws an ImportFileError; what is wrong with one row
 * (too long, a wrong number of fields, bad JSON) comes out as a refused row, and reading goes on.
 */

/** The columns an import file may name; `text` and `name` are required. */
export const IMPORT_COLUMNS = ['text', 'name', 'email', 'organisation', 'stakeholder_group', 'paragraph', 'document', 'lang', 'submitted_at', 'key'] as const;
/** One of IMPORT_COLUMNS. */
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['text', 'name'];

/** The most characters one row may hold, all fields together (a comment is at most 5,000). */
export const MAX_ROW_CHARS = 20_000;

/** A file format the import reads. */
export type ImportFormat = 'csv' | 'jsonl';

/** A problem with the whole file: an i18n key under commentImport.errors, and its parameters. */
export class ImportFileError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'ImportFileError';
  }
}

/** A row read: its first line in the file and its values by column; or why it was refused. */
export type ParsedRow = { line: number; values: Partial<Record<ImportColumn, string>> } | { line: number; refused: string; params?: Record<string, unknown> };

/** The format a file name says (.csv, .jsonl, .ndjson), if any. */
export function formatOf(fileName: string): ImportFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  return undefined;
}

/** Where the first malformed UTF-8 sequence starts in `bytes` (an incomplete one at the very end is not malformed), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return -1;
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      // Overlong three- and four-byte forms, surrogates, and code points past U+10FFFF.
      if (k === 1 && ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f) || (b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f))) return i;
    }
    i += need + 1;
  }
  return -1;
}

const countNewlines = (bytes: Uint8Array, end: number): number => {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
};

/**
 * The file's text, chunk by chunk: the UTF-8 byte-order mark dropped; a UTF-16 mark, a NUL
 * byte or a byte that is not UTF-8 refused with the line it is on.
 */
export async function* decodeUtf8(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let lines = 0;
  let first = true;
  let any = false;
  for await (const raw of source) {
    const bytes = raw instanceof Uint8Array ? raw : new Uint8Array(raw);
    if (!bytes.length) continue;
    if (first) {
      first = false;
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new ImportFileError('utf16');
    }
    any = true;
    const nul = bytes.indexOf(0);
    if (nul >= 0) throw new ImportFileError('binary', { line: lines + countNewlines(bytes, nul) + 1 });
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      const at = Math.max(0, firstInvalidUtf8(bytes));
      throw new ImportFileError('notUtf8', { line: lines + countNewlines(bytes, at) + 1, byte: `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}` });
    }
    lines += countNewlines(bytes, bytes.length);
    if (text) yield text;
  }
  if (!any) throw new ImportFileError('empty');
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new ImportFileError('notUtf8', { line: lines + 1, byte: 'end of file' });
  }
}

/** Check a header row: known names (others are ignored), the required ones present, none twice. */
function headerOf(fields: string[]): (ImportColumn | undefined)[] {
  const names = fields.map((f) => f.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) throw new ImportFileError('missingColumns', { columns: missing.join(', '), found: names.filter(Boolean).join(', ') || '—' });
  const twice = names.find((n, i) => n && names.indexOf(n) !== i);
  if (twice) throw new ImportFileError('columnTwice', { column: twice });
  return names.map((n) => ((IMPORT_COLUMNS as readonly string[]).includes(n) ? (n as ImportColumn) : undefined));
}

/**
 * CSV records from text chunks: each with the line it starts on and its fields. A record
 * longer than MAX_ROW_CHARS is read to its end but kept empty, marked `tooLong`, so memory
 * stays bounded whatever the file holds.
 */
async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<{ line: number; fields: string[]; tooLong: boolean }> {
  let fields: string[] = [];
  let field = '';
  let size = 0;
  let tooLong = false;
  let inQuotes = false;
  let afterQuote = false; // just closed a quoted field: only a comma or a line break may follow
  let pendingCR = false;
  let line = 1;
  let start = 1;
  let quoteLine = 1;
  let started = false;
  const endField = () => {
    fields.push(tooLong ? '' : field);
    field = '';
    afterQuote = false;
  };
  for await (const chunk of heldBackQuote(chunks)) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (ch === '\n') continue;
      }
      if (inQuotes) {
        if (ch === '"') {
          if (chunk[i + 1] === '"') {
            i++;
            if (!tooLong) field += '"';
          } else {
            inQuotes = false;
            afterQuote = true;
          }
          continue;
        }
        if (ch === '\n') line++;
        if (++size > MAX_ROW_CHARS) tooLong = true;
        else field += ch;
        continue;
      }
      if (ch === ',') {
        endField();
        started = true;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        if (ch === '\r') pendingCR = true;
        if (started || field !== '' || fields.length) {
          endField();
          yield { line: start, fields, tooLong };
        }
        fields = [];
        size = 0;
        tooLong = false;
        started = false;
        line++;
        start = line;
        continue;
      }
      if (afterQuote) throw new ImportFileError('strayQuote', { line });
      if (ch === '"') {
        if (field !== '') throw new ImportFileError('strayQuote', { line });
        inQuotes = true;
        quoteLine = line;
        started = true;
        continue;
      }
      started = true;
      if (++size > MAX_ROW_CHARS) tooLong = true;
      else field += ch;
    }
  }
  if (inQuotes) throw new ImportFileError('unclosedQuote', { line: quoteLine });
  if (started || field !== '' || fields.length) {
    endField();
    yield { line: start, fields, tooLong };
  }
}

/**
 * The chunks, with the quotes that end one moved to the start of the next: whether a quote
 * closes a field or starts a doubled "" depends on the character after it.
 */
async function* heldBackQuote(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const c of chunks) {
    let chunk = carry + c;
    carry = '';
    const quotes = /"+$/.exec(chunk);
    if (quotes) {
      carry = quotes[0];
      chunk = chunk.slice(0, quotes.index);
    }
    if (chunk) yield chunk;
  }
  if (carry) yield carry;
}

/** Lines of text from chunks, each with its number (a CRLF's CR dropped). */
async function* textLines(chunks: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string; tooLong: boolean }> {
  let buf = '';
  let line = 0;
  let tooLong = false;
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      const text = tooLong ? '' : (buf + chunk.slice(from, nl)).replace(/\r$/, '');
      yield { line: ++line, text, tooLong: tooLong || text.length > MAX_ROW_CHARS };
      buf = '';
      tooLong = false;
      from = nl + 1;
    }
    if (!tooLong) buf += chunk.slice(from);
    if (buf.length > MAX_ROW_CHARS) {
      tooLong = true;
      buf = '';
    }
  }
  if (buf !== '' || tooLong) yield { line: ++line, text: buf.replace(/\r$/, ''), tooLong };
}

/**
 * The rows of an import file, read as they stream in.
 * @example for await (const row of parseImport(fs.createReadStream(file), 'csv')) …
 */
export async function* parseImport(source: AsyncIterable<Uint8Array>, format: ImportFormat): AsyncGenerator<ParsedRow> {
  const text = decodeUtf8(source);
  let rows = 0;
  if (format === 'csv') {
    let header: (ImportColumn | undefined)[] | undefined;
    for await (const r of csvRecords(text)) {
      if (!header) {
        header = headerOf(r.fields);
        continue;
      }
      rows++;
      if (r.tooLong) yield { line: r.line, refused: 'rowTooLong', params: { max: MAX_ROW_CHARS } };
      else if (r.fields.length !== header.length) yield { line: r.line, refused: 'fieldCount', params: { found: r.fields.length, expected: header.length } };
      else {
        const values: Partial<Record<ImportColumn, string>> = {};
        header.forEach((col, i) => {
          if (col) values[col] = r.fields[i]!;
        });
        yield { line: r.line, values };
      }
    }
    if (!header) throw new ImportFileError('empty');
  } else {
    for await (const l of textLines(text)) {
      if (!l.tooLong && l.text.trim() === '') continue;
      rows++;
      if (l.tooLong) {
        yield { line: l.line, refused: 'rowTooLong', params: { max: MAX_ROW_CHARS } };
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(l.text);
      } catch {
        yield { line: l.line, refused: 'badJson' };
        continue;
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        yield { line: l.line, refused: 'notObject' };
        continue;
      }
      const values: Partial<Record<ImportColumn, string>> = {};
      for (const [k, v] of Object.entries(parsed)) {
        const col = k.toLowerCase();
        if (!(IMPORT_COLUMNS as readonly string[]).includes(col) || v === null || v === undefined) continue;
        values[col as ImportColumn] = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
      }
      const missing = REQUIRED_COLUMNS.filter((c) => values[c] === undefined);
      if (missing.length) yield { line: l.line, refused: 'missingFields', params: { columns: missing.join(', ') } };
      else yield { line: l.line, values };
    }
  }
  if (rows === 0) throw new ImportFileError('noRows');
}
