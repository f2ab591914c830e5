/**
 * The most a request body may hold (JSON or a form), unless a route sets its own (uploads,
 * documents). Large enough that a form's per-field limits are what people meet: the longest
 * form (meeting minutes, 2 × 100,000 characters) takes about 1.2 MB URL-encoded when the
 * text is French (an accented letter is six bytes, %C3%A9). Past this the body is not read,
 * so the 413 page explains the limit instead of showing the form again.
 */
export const BODY_LIMIT = 2 * 1024 * 1024;

/**
 * The most bytes a text of `chars` UTF-16 code units (what a Zod `max` counts) can take in a
 * request body: URL-encoded, a character of the Basic Multilingual Plane from U+0800 up (CJK,
 * Devanagari, Thai…) is three UTF-8 bytes written as `%E4%B8%AD`, 9 bytes for one unit; every
 * other character takes fewer per unit (an emoji, 12 bytes for two; JSON's `\uXXXX`, 6). A
 * route whose fields may be that long sets its body limit from this, so that the fields' own
 * limits, with their clear answer, are what people meet.
 * @example worstCaseBodyBytes(400_000) // 3,600,000
 */
export const worstCaseBodyBytes = (chars: number): number => chars * 9;

/** Room in a body limit for a form's short fields and names (CSRF token, choices, short texts). */
export const FORM_ALLOWANCE = 64 * 1024;

/** A byte count in whole mebibytes, rounded up, for messages ('2' for 2 MiB). */
export const mebibytes = (bytes: number): number => Math.ceil(bytes / (1024 * 1024));
