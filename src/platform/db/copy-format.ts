/**
 * Rows encoded as PostgreSQL COPY data (text or CSV format), the way `COPY … FROM` reads them:
 * one line per row, values turned into the text PostgreSQL's input functions take. Pure
 * functions, tested on strings beside this file and on both engines in test/db/copy.test.ts.
 */

/** COPY's text format (tab-separated, backslash escapes, `\N` for NULL) or CSV. */
export type CopyFormat = 'text' | 'csv';

/**
 * A column to copy into: its name, or `{ name, json: true }` for a json/jsonb column, whose
 * values are sent as JSON (so a JS array becomes a JSON array there, not a PostgreSQL array).
 */
export type CopyColumn = string | { name: string; json: true };

/** A row refused before it reached the database: wrong number of values, or a value with no PostgreSQL text. */
export class CopyRowError extends Error {
  /** @param row the row's position in the input, from 1 */
  constructor(
    readonly row: number,
    detail: string,
  ) {
    super(`COPY row ${row}: ${detail}`);
    this.name = 'CopyRowError';
  }
}

/** A column's name. */
export function columnName(column: CopyColumn): string {
  return typeof column === 'string' ? column : column.name;
}

/** An identifier in double quotes; `schema.table` is quoted part by part. */
export function quoteIdent(name: string): string {
  return name
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.');
}

/**
 * The COPY statement for these columns, reading from `source` (`STDIN`, or PGlite's `'/dev/blob'`).
 * @example copyStatement('comments', ['id', 'body'], 'text', 'STDIN') // COPY "comments" ("id", "body") FROM STDIN WITH (FORMAT text, ENCODING 'UTF8')
 */
export function copyStatement(table: string, columns: readonly CopyColumn[], format: CopyFormat, source: 'STDIN' | "'/dev/blob'"): string {
  return `COPY ${quoteIdent(table)} (${columns.map((c) => quoteIdent(columnName(c))).join(', ')}) FROM ${source} WITH (FORMAT ${format}, ENCODING 'UTF8')`;
}

// String.prototype.isWellFormed is in Node 20 but not in the ES2023 lib the project compiles against.
const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();

/** A string PostgreSQL can store as text, or a TypeError saying why not. */
function checkedString(s: string): string {
  // PostgreSQL's text types cannot hold U+0000 (the server would refuse the whole COPY with an
  // encoding error naming no row); a lone surrogate has no UTF-8 form and would be replaced
  // by U+FFFD on the way out, changing the text silently.
  if (s.includes('\u0000')) throw new TypeError('a string with a NUL character (U+0000), which PostgreSQL text cannot hold');
  if (!wellFormed(s)) throw new TypeError('a string with a lone surrogate (not valid Unicode)');
  return s;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A value's text as PostgreSQL's input functions read it (before COPY's own escaping):
 * strings as they are; numbers and bigints in decimal (NaN, ±Infinity spelled as PostgreSQL
 * does); booleans `t`/`f`; Dates as ISO 8601 in UTC; bytes (Uint8Array, Buffer) as bytea hex;
 * arrays as PostgreSQL array literals; plain objects as JSON.
 */
function scalarText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return checkedString(value);
    case 'number':
      if (Number.isFinite(value)) return String(value);
      return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 't' : 'f';
    case 'object':
      if (value === null) throw new TypeError('null inside a value');
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new TypeError('an invalid Date');
        return value.toISOString();
      }
      if (value instanceof Uint8Array) return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
      if (Array.isArray(value)) return arrayLiteral(value);
      if (isPlainObject(value)) return jsonText(value);
      throw new TypeError(`an object of class ${value.constructor?.name ?? 'unknown'}; pass its text`);
    case 'undefined':
    case 'function':
    case 'symbol':
      throw new TypeError(`a ${typeof value}, which has no PostgreSQL text`);
  }
}

/** A PostgreSQL array literal: every element double-quoted (backslash before `"` and `\`), NULL bare. */
function arrayLiteral(items: readonly unknown[]): string {
  const parts = items.map((item) => {
    if (item === null || item === undefined) return 'NULL';
    if (Array.isArray(item)) return arrayLiteral(item);
    return `"${scalarText(item).replace(/[\\"]/g, '\\$&')}"`;
  });
  return `{${parts.join(',')}}`;
}

function jsonText(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError(`a ${typeof value}, which has no JSON form`);
  return json;
}

/** A value's text for a column, or null for SQL NULL (null and undefined alike). */
export function valueText(value: unknown, json = false): string | null {
  if (value === null || value === undefined) return null;
  return json ? jsonText(value) : scalarText(value);
}

const TEXT_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value in COPY's text format: backslash, newline, carriage return and tab escaped. */
function textField(text: string | null): string {
  if (text === null) return '\\N';
  // Four includes() are two to three times faster than one regular expression test on a
  // comment-length string, and most values need no escape at all.
  const special = text.includes('\\') || text.includes('\n') || text.includes('\r') || text.includes('\t');
  return special ? text.replace(/[\\\n\r\t]/g, (c) => TEXT_ESCAPES[c]!) : text;
}

/**
 * A value in CSV: always quoted (quotes doubled), so an empty string stays distinct from NULL
 * (unquoted and empty) and no value can read as the end-of-data marker `\.`.
 */
function csvField(text: string | null): string {
  return text === null ? '' : `"${text.replaceAll('"', '""')}"`;
}

/**
 * One row as a line of COPY data, newline included.
 * @example encodeRow(['a\tb', null], ['x', 'y'], 'text') // 'a\\tb\t\\N\n'
 */
export function encodeRow(values: readonly unknown[], columns: readonly CopyColumn[], format: CopyFormat, rowNumber = 1): string {
  if (!Array.isArray(values)) throw new CopyRowError(rowNumber, 'is not an array of values');
  if (values.length !== columns.length) throw new CopyRowError(rowNumber, `has ${values.length} values for ${columns.length} columns`);
  const field = format === 'text' ? textField : csvField;
  const out: string[] = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const column = columns[i]!;
    try {
      out[i] = field(valueText(values[i], typeof column !== 'string' && column.json));
    } catch (err) {
      if (err instanceof CopyRowError) throw err;
      throw new CopyRowError(rowNumber, `column "${columnName(column)}": ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out.join(format === 'text' ? '\t' : ',') + '\n';
}

/** Rows to copy: arrays of values in the columns' order, from an iterable or an async iterable. */
export type CopyRows = Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>;

/** Encoded rows as chunks of COPY data, and how many rows have been encoded so far. */
export interface EncodedRows {
  chunks: AsyncGenerator<string, void, undefined>;
  /** Rows encoded so far; all of them once `chunks` is exhausted. */
  readonly rows: number;
}

/**
 * Encode rows lazily, in chunks of about `chunkChars` characters (many rows per chunk, so the
 * transport is not paid per row). Reads the input only as chunks are asked for, so memory stays
 * bounded whatever the number of rows.
 */
export function encodeRows(rows: CopyRows, columns: readonly CopyColumn[], format: CopyFormat, chunkChars = 64 * 1024): EncodedRows {
  if (!columns.length) throw new Error('COPY needs at least one column');
  const state = { rows: 0 };
  async function* chunks(): AsyncGenerator<string, void, undefined> {
    let lines: string[] = [];
    let size = 0;
    /** Encode a row; true when the chunk is full. */
    const add = (row: readonly unknown[]) => {
      const line = encodeRow(row, columns, format, state.rows + 1);
      state.rows++;
      lines.push(line);
      size += line.length;
      return size >= chunkChars;
    };
    const take = () => {
      const chunk = lines.join('');
      lines = [];
      size = 0;
      return chunk;
    };
    // A synchronous source is read with for…of: for await would cost a promise per row.
    if (Symbol.asyncIterator in rows) {
      for await (const row of rows) if (add(row)) yield take();
    } else {
      for (const row of rows) if (add(row)) yield take();
    }
    if (lines.length) yield take();
  }
  return {
    chunks: chunks(),
    get rows() {
      return state.rows;
    },
  };
}
