/**
 * The most a request body may hold (JSON or a form), unless a route sets its own (uploads,
 * documents). Large enough that a form's per-field limits are what people meet: the longest
 * form (meeting minutes, 2 × 100,000 characters) takes about 1.2 MB URL-encoded when the
 * text is French (an accented letter is six bytes, %C3%A9). Past this the body is not read,
 * so the 413 page explains the limit instead of showing the form again.
 */
export const BODY_LIMIT = 2 * 1024 * 1024;

/** A byte count in whole mebibytes, rounded up, for messages ('2' for 2 MiB). */
export const mebibytes = (bytes: number): number => Math.ceil(bytes / (1024 * 1024));
