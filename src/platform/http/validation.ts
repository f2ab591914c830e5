import type { T } from '../i18n/i18n.js';

/** A validation issue as Zod and fastify-type-provider-zod report it. */
export interface IssueLike {
  path: readonly PropertyKey[] | string;
  message: string;
  /** The limit of a too_big issue (Zod's `maximum`), said in the message when there is one. */
  maximum?: unknown;
}

/**
 * Turn Zod issues into one translated message per field. Schemas put i18n keys in their
 * messages (`z.string().min(12, 'errors.password.tooShort')`); anything else gets a
 * generic message so no English-only Zod prose reaches a French reader.
 * @example fieldErrors(result.error.issues, t) // { email: 'Enter a valid email address.' }
 */
export function fieldErrors(issues: readonly IssueLike[], t: T): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrorKeys(issues)).map(([field, m]) => [field, t(m.key, m.params)]));
}

/**
 * fieldErrors before translation: one i18n key and its parameters per field, for a message
 * kept to be shown later in whichever language its reader reads (an import's refused rows).
 * @example fieldErrorKeys(result.error.issues) // { email: { key: 'errors.email.invalid' } }
 */
export function fieldErrorKeys(issues: readonly IssueLike[]): Record<string, { key: string; params?: Record<string, unknown> }> {
  const out: Record<string, { key: string; params?: Record<string, unknown> }> = {};
  for (const issue of issues) {
    const field =
      typeof issue.path === 'string'
        ? issue.path.replace(/^\/+/, '').replace(/\//g, '.') || '_'
        : issue.path.map(String).join('.') || '_';
    if (out[field]) continue;
    // Shared keys live under `errors.`, a feature's under `<feature>.errors.`.
    // A limit is said from the schema's own number ({{max}} in a feature's message), never written twice.
    const max = typeof issue.maximum === 'number' ? { max: issue.maximum } : undefined;
    if (issue.message === 'errors.text.tooLong' && max) out[field] = { key: 'errors.text.tooLongMax', params: max };
    else out[field] = /^(?:[a-z]+\.)?errors\./.test(issue.message) ? { key: issue.message, ...(max ? { params: max } : {}) } : { key: 'errors.field.invalid' };
  }
  return out;
}
