import { describe, expect, it } from 'vitest';
import { copyStatement, CopyRowError, encodeRow, encodeRows, type CopyColumn } from './copy-format.js';

// Expected lines are written out by hand (String.raw keeps backslashes as typed), never built
// by the encoder under test. In COPY text format a backslash is `\\`, a tab `\t`, NULL `\N`.

const cols = (n: number): string[] => Array.from({ length: n }, (_, i) => `c${i}`);

describe('COPY text format', () => {
  it('escapes backslash, newline, carriage return and tab, and writes NULL as \\N', () => {
    const line = encodeRow(['tab\there', 'new\nline', 'cr\rret', 'back\\slash', null, undefined, ''], cols(7), 'text');
    expect(line).toBe(String.raw`tab\there	new\nline	cr\rret	back\\slash	\N	\N	` + '\n');
  });

  it('keeps the two-character string \\N apart from NULL', () => {
    expect(encodeRow(['\\N', null], cols(2), 'text')).toBe(String.raw`\\N	\N` + '\n');
  });

  it('passes other characters through untouched: quotes, commas, accents, emoji, other control characters', () => {
    expect(encodeRow(['« Éé » "q", \'s\' 😀 \u0007 \u2028'], cols(1), 'text')).toBe('« Éé » "q", \'s\' 😀 \u0007 \u2028\n');
  });

  it('writes numbers, bigints, booleans and dates as PostgreSQL reads them', () => {
    const line = encodeRow(
      [1.5, -0, 42, NaN, Infinity, -Infinity, 123456789012345678901234567890n, true, false, new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999))],
      cols(10),
      'text',
    );
    expect(line).toBe('1.5\t0\t42\tNaN\tInfinity\t-Infinity\t123456789012345678901234567890\tt\tf\t2024-02-29T23:59:59.999Z\n');
  });

  it('writes bytes as bytea hex, its backslash escaped', () => {
    expect(encodeRow([Buffer.from([0x00, 0x0a, 0xff]), new Uint8Array([0x5c])], cols(2), 'text')).toBe(String.raw`\\x000aff	\\x5c` + '\n');
  });

  it('writes a subarray of a larger buffer as its own bytes only', () => {
    const big = Buffer.from([1, 2, 3, 4, 5]);
    expect(encodeRow([big.subarray(1, 3)], cols(1), 'text')).toBe(String.raw`\\x0203` + '\n');
  });

  it('writes arrays as PostgreSQL array literals, every element quoted, then escapes the literal', () => {
    // The literal is {"a,b","c\"d",NULL,"e\\f",""}; COPY text doubles each of its backslashes.
    expect(encodeRow([['a,b', 'c"d', null, 'e\\f', '']], cols(1), 'text')).toBe(String.raw`{"a,b","c\\"d",NULL,"e\\\\f",""}` + '\n');
    expect(
      encodeRow(
        [
          [
            [1, 2],
            [3, null],
          ],
          [],
        ],
        cols(2),
        'text',
      ),
    ).toBe('{{"1","2"},{"3",NULL}}\t{}\n');
  });

  it('writes a json column as JSON (arrays as JSON arrays) and a plain object as JSON in any column', () => {
    const columns: CopyColumn[] = [{ name: 'meta', json: true }, 'other', { name: 'n', json: true }];
    expect(encodeRow([[1, { a: 'b\nc' }], { k: 'v' }, null], columns, 'text')).toBe(String.raw`[1,{"a":"b\\nc"}]	{"k":"v"}	\N` + '\n');
    expect(encodeRow(['plain string'], [{ name: 'j', json: true }], 'text')).toBe('"plain string"\n');
  });
});

describe('COPY CSV format', () => {
  it('quotes every value, doubles quotes, and leaves NULL unquoted and empty', () => {
    const line = encodeRow(['say "hi", then\nleave', '', null, 'back\\slash', '\\.', 7], cols(6), 'csv');
    expect(line).toBe('"say ""hi"", then\nleave","",,"back\\slash","\\.","7"\n');
  });

  it('writes bytes and arrays without COPY text escaping', () => {
    expect(encodeRow([Buffer.from([0xab]), ['x"y', null]], cols(2), 'csv')).toBe(String.raw`"\xab","{""x\""y"",NULL}"` + '\n');
  });
});

describe('refused rows', () => {
  it('refuses a row with the wrong number of values, naming the row', () => {
    expect(() => encodeRow(['a'], cols(2), 'text', 7)).toThrow(new CopyRowError(7, 'has 1 values for 2 columns'));
    expect(() => encodeRow(['a', 'b', 'c'], cols(2), 'csv', 3)).toThrow('COPY row 3: has 3 values for 2 columns');
  });

  it('refuses a row that is not an array', () => {
    expect(() => encodeRow({ 0: 'a', length: 1 } as unknown as unknown[], cols(1), 'text')).toThrow('COPY row 1: is not an array of values');
  });

  it('refuses values PostgreSQL text cannot hold, naming the column', () => {
    expect(() => encodeRow(['a\u0000b'], ['body'], 'text')).toThrow('COPY row 1: column "body": a string with a NUL character');
    expect(() => encodeRow(['\ud800x'], ['body'], 'text')).toThrow('lone surrogate');
    expect(() => encodeRow([['ok', '\udc00']], ['tags'], 'text')).toThrow('lone surrogate');
    expect(() => encodeRow([new Date('nonsense')], ['at'], 'text')).toThrow('an invalid Date');
    expect(() => encodeRow([() => 1], ['f'], 'text')).toThrow('a function');
    expect(() => encodeRow([new Map()], ['m'], 'text')).toThrow('an object of class Map');
    expect(() => encodeRow([() => 1], [{ name: 'j', json: true }], 'text')).toThrow('no JSON form');
  });
});

describe('encodeRows', () => {
  const rows = Array.from({ length: 1000 }, (_, i) => [i, `row ${i}\twith a tab`]);

  it('gathers many rows per chunk and loses none between chunks', async () => {
    const encoded = encodeRows(rows, cols(2), 'text', 1024);
    const chunks: string[] = [];
    for await (const c of encoded.chunks) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.every((c) => c.endsWith('\n'))).toBe(true);
    const lines = chunks.join('').split('\n');
    expect(lines.length).toBe(1001);
    expect(lines[0]).toBe(String.raw`0	row 0\twith a tab`);
    expect(lines[999]).toBe(String.raw`999	row 999\twith a tab`);
    expect(encoded.rows).toBe(1000);
  });

  it('reads an async source too, and stops at a bad row with its number', async () => {
    async function* source() {
      yield ['a', 1];
      yield ['b', 2];
      yield ['c'];
    }
    const encoded = encodeRows(source(), cols(2), 'csv');
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const c of encoded.chunks) seen.push(c);
      })(),
    ).rejects.toThrow('COPY row 3: has 1 values for 2 columns');
    expect(encoded.rows).toBe(2);
  });
});

describe('copyStatement', () => {
  it('quotes the table and the columns', () => {
    expect(copyStatement('my schema.com"ments', ['id', { name: 'meta', json: true }], 'csv', 'STDIN')).toBe(
      `COPY "my schema"."com""ments" ("id", "meta") FROM STDIN WITH (FORMAT csv, ENCODING 'UTF8')`,
    );
    expect(copyStatement('t', ['a'], 'text', "'/dev/blob'")).toBe(`COPY "t" ("a") FROM '/dev/blob' WITH (FORMAT text, ENCODING 'UTF8')`);
  });
});
