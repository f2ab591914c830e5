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

/** Only same-site paths are followed after sign-in, so `next` cannot send someone elsewhere. */
export function safeNext(next: unknown, fallback: string): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
