import type { z } from 'zod';
import { HttpProblem } from './problem.js';

/**
 * Keyset cursors: the last row's sort keys, as JSON in base64url, handed back in `?after=`.
 * A cursor comes back from the client, so it is read like any other input: decoded, checked
 * against its shape, and refused with a 400 in the reader's language when it is not one of
 * ours — never passed to SQL as given (a tampered id reached a uuid column and answered 500).
 * @example decodeCursor(MemberCursor, encodeCursor({ name: 'Ada', id })) // { name: 'Ada', id }
 */
export function encodeCursor(keys: Record<string, string>): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

/** The cursor's keys, or a 400 `errors.cursor` when it is not a cursor of this shape. */
export function decodeCursor<S extends z.ZodType>(schema: S, raw: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new HttpProblem(400, 'errors.cursor');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HttpProblem(400, 'errors.cursor');
  return parsed.data;
}
