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
 * the Zod schemas expect. Plain names pass through.
 * @example nestForm({ 'a[0][b]': 'x', c: 'y' }) // { a: [{ b: 'x' }], c: 'y' }
 */
export function nestForm(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(flat)) {
    const parts = name.replace(/\]/g, '').split('[');
    // Never let a form field name reach an object's prototype.
    if (parts.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) continue;
    let node: Record<string, unknown> | unknown[] = out;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const key: string | number = Array.isArray(node) ? Number(part) : part;
      // Forms have a few dozen rows at most; a huge index would make an array of billions of holes.
      if (Array.isArray(node) && !(Number.isInteger(key) && (key as number) >= 0 && (key as number) < MAX_FORM_ROWS)) return;
      const bag = node as Record<string | number, unknown>;
      if (last) bag[key] = value;
      else {
        bag[key] ??= /^\d+$/.test(parts[i + 1] ?? '') ? [] : {};
        node = bag[key] as Record<string, unknown> | unknown[];
      }
    });
  }
  return out;
}
