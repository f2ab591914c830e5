import { z } from 'zod';

/** The longest web address a form or the API takes (browsers handle ~2,000 reliably). */
export const MAX_URL_LENGTH = 2000;

/** The message for an address that is not http(s); a field may name a more specific one. */
export const HTTP_URL_ERROR = 'errors.url.http';

/**
 * A web address people give us (an organisation's website, a meeting's link, evidence of
 * progress) that we later put in an `href`: http or https only, so `javascript:`, `data:`,
 * `vbscript:`, `file:` and the rest can never become a link on our pages. Every user-supplied
 * URL field uses this (or optionalHttpUrl), so the rule is kept in one place.
 * @example z.object({ website: httpUrl() })
 * @example httpUrl('accountability.errors.evidenceUrl') // a field-specific message key
 */
export function httpUrl(error: string = HTTP_URL_ERROR) {
  return z
    .string({ error })
    .trim()
    .max(MAX_URL_LENGTH, 'errors.text.tooLong')
    .pipe(z.url({ protocol: /^https?$/i, error }));
}

/**
 * An optional web address (http or https): an empty form field or a missing value reads as
 * `null`.
 * @example z.object({ joinUrl: optionalHttpUrl('meetings.errors.url') })
 */
export function optionalHttpUrl(error: string = HTTP_URL_ERROR) {
  return z
    .string({ error })
    .trim()
    .max(MAX_URL_LENGTH, 'errors.text.tooLong')
    .nullish()
    .transform((v) => v || null)
    .pipe(z.url({ protocol: /^https?$/i, error }).nullable());
}
