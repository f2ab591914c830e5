import { parse as parseQuery } from 'node:querystring';
import type { z } from 'zod';
import type { T } from '../i18n/i18n.js';
import { HttpProblem } from '../http/problem.js';
import { fieldErrors } from '../http/validation.js';

/** A form parsed against its Zod schema: the data, or one translated message per field. */
export type Parsed<D> = { ok: true; data: D } | { ok: false; errors: Record<string, string> };

/**
 * Validate a submitted form with the same schema the API uses.
 * @example const r = parseForm(SignInBody, req.body, req.t); if (!r.ok) return rerender(r.errors)
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, t: T): Parsed<z.infer<S>> {
  const r = schema.safeParse(body ?? {});
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: fieldErrors(r.error.issues, t) };
}

/**
 * A submitted text with its line breaks as the form counted them: browsers count a line break
 * as one character toward `maxlength` but send it as CRLF (two), so a text the browser let
 * through at the stated limit would be refused by the schema's `max` (issue 10). Every form
 * text is read this way, before any schema counts it; a lone CR (old Mac) becomes LF too.
 * @example normaliseLineBreaks('a\r\nb\rc') // 'a\nb\nc'
 */
export function normaliseLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * The parser of URL-encoded form bodies (given to @fastify/formbody): the query-string parse
 * (an object without prototype; a repeated name gives a list), with every text's line breaks
 * normalised, so each form's fields reach their schema already counted as the browser did.
 * @example formBodyParser('text=a%0D%0Ab') // { text: 'a\nb' }
 */
export function formBodyParser(body: string): Record<string, string | string[]> {
  // No cap on names (Node's default of 1,000 would cut an agenda of 200 rows short): the body limit bounds them.
  const parsed = parseQuery(body, '&', '=', { maxKeys: 0 });
  const out = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of Object.entries(parsed)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.map(normaliseLineBreaks) : normaliseLineBreaks(v);
  }
  return out;
}

/** A form or query string as pages read it: one text per field. */
export type FormFields = Record<string, string | undefined>;

/**
 * A submitted form (or query string) with one text per field. Browsers send each of our
 * fields once, but a hand-made request can repeat one (`a=1&a=2`, which the parsers turn
 * into an array) or the body may be missing: take the first value, so that code expecting
 * text never meets an array and answers with a 500.
 * @example const flat = formFields(req.body) // { title: 'first' } for title=first&title=second
 */
export function formFields(body: unknown): FormFields {
  const out: FormFields = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const one: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
    if (typeof one === 'string') out[k] = one;
  }
  return out;
}

/**
 * Turn a refusal from a service into form errors, so the form is shown again with the
 * message beside the field (or at the top, for a problem with no field). Other errors rethrow.
 */
export function problemToFormErrors(err: unknown, t: T): { status: number; errors: Record<string, string> } {
  if (!(err instanceof HttpProblem) || err.status >= 500) throw err;
  const fields = Object.entries(err.fields);
  if (fields.length === 0) return { status: err.status, errors: { _: t(err.key, err.params) } };
  const errors: Record<string, string> = {};
  for (const [field, key] of fields) errors[field] = key === err.key ? t(key, err.params) : t(key);
  return { status: err.status, errors };
}

/** The most rows a repeated form section may have. */
export const MAX_FORM_ROWS = 200;

/**
 * Turn flat form names such as `phases[0][kind]` into nested arrays and objects, the shape
 * the Zod schemas expect. Plain names pass through. A repeated field (`a[0][b]=x&a[0][b]=y`,
 * which the body parser gives as an array) keeps its first value, as `formFields` does, and a
 * name that clashes with another's shape (`a=x` beside `a[0][b]=y`) is dropped: code reading
 * the result never meets a list where it expects text. Whether a row list is a list is for
 * `formRows` to say.
 * @example nestForm({ 'a[0][b]': 'x', c: 'y' }) // { a: [{ b: 'x' }], c: 'y' }
 */
export function nestForm(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(flat)) {
    const value: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
    const parts = name.replace(/\]/g, '').split('[');
    // Never let a form field name reach an object's prototype.
    if (parts.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) continue;
    let node: Record<string, unknown> | unknown[] = out;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const key: string | number = Array.isArray(node) ? Number(part) : part;
      // Forms have a few dozen rows at most; a huge index would make an array of billions of holes.
      if (Array.isArray(node) && !(Number.isInteger(key) && (key as number) >= 0 && (key as number) < MAX_FORM_ROWS)) break;
      const bag = node as Record<string | number, unknown>;
      if (i === parts.length - 1) {
        if (bag[key] === undefined) bag[key] = value;
        break;
      }
      bag[key] ??= /^\d+$/.test(parts[i + 1] ?? '') ? [] : {};
      const next = bag[key];
      if (typeof next !== 'object' || next === null) break;
      node = next as Record<string, unknown> | unknown[];
    }
  }
  return out;
}

/** One row of a repeated form section: its fields as text. */
export type FormRow = Record<string, string | undefined>;

/** A refusal for a form sent in a shape our pages never send (rows as text, rows named by words). */
function badShape(field: string): HttpProblem {
  return new HttpProblem(400, 'errors.formShape', {}, { [field]: 'errors.formShape' });
}

/**
 * The rows of a repeated section of a nested form (`phases[0][kind]`…): a list with one
 * object per row (a missing row stays undefined, as the browser skipped it). Anything else —
 * `phases=abc`, `phases[abc][kind]=x`, `phases[0]=abc` — is a request no page of ours sends,
 * refused with a 400 naming the field, in the reader's language.
 * @example formRows(nestForm(flat), 'phases') // [{ kind: 'draft', nameEn: '…' }, undefined, …]
 */
export function formRows(nested: Record<string, unknown>, field: string): (FormRow | undefined)[] {
  const v = nested[field];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw badShape(field);
  return v.map((row: unknown) => {
    if (row === undefined) return undefined;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw badShape(field);
    for (const cell of Object.values(row)) if (typeof cell !== 'string') throw badShape(field);
    return row as FormRow;
  });
}

/** A repeated text field (`urls[0]`, `urls[1]`…): its texts, refused with a 400 when not a list of texts. */
export function formTexts(nested: Record<string, unknown>, field: string): (string | undefined)[] {
  const v = nested[field];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw badShape(field);
  return (v as unknown[]).map((x) => {
    if (x === undefined || typeof x === 'string') return x;
    throw badShape(field);
  });
}
