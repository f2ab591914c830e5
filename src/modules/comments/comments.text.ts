import { createHash } from 'node:crypto';
import { pooledRandomBytes } from '../../platform/lib/random-pool.js';

/** The longest comment, in characters after trimming (the form's hint says so). */
export const MAX_COMMENT_CHARS = 5000;

/**
 * A comment's text reduced to what makes two comments "the same": Unicode NFKC (so full-width
 * letters and ligatures match their plain forms), lower case, and every run of punctuation,
 * symbols and white space removed. Only letters, marks and digits are compared.
 * @example normaliseForDuplicates('Ban  DEFAULT passwords!') === normaliseForDuplicates('ban default-passwords') // true
 */
export function normaliseForDuplicates(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('und').replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

/**
 * The hash exact duplicates share: SHA-256 (hex) of the normalised text. A text of only
 * punctuation keeps its own raw form so that "???" and "!!!" do not count as the same.
 * @example bodyHash('Ban default passwords.') === bodyHash('ban default passwords') // true
 */
export function bodyHash(text: string): string {
  const normal = normaliseForDuplicates(text);
  return createHash('sha256')
    .update(normal === '' ? `raw:${text.trim()}` : normal)
    .digest('hex');
}

/**
 * The key of a duplicate group: the same text (by `bodyHash`) on the same paragraph of the
 * same document. Duplicates are grouped per paragraph so that a paragraph's margin count, its
 * filtered listing and the report by paragraph agree: a text sent to two paragraphs is listed
 * under each. The comment keeps its plain `bodyHash`, so a campaign can still be traced across
 * paragraphs.
 * @example groupKey(bodyHash('Ban them'), docId, 'p-4') !== groupKey(bodyHash('Ban them'), docId, 'p-5') // true
 */
export function groupKey(hash: string, documentId: string, anchor: string | null): string {
  return createHash('sha256').update(`${documentId}\n${anchor ?? ''}\n${hash}`).digest('hex');
}

/** Crockford's base-32 alphabet: no I, L, O or U, so a receipt read aloud or copied by hand survives. */
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A receipt number: 'C-' and two groups of four base-32 characters (40 random bits, about
 * a trillion values), short enough to read over the phone and hard to guess. The caller
 * retries on the rare collision (the column is unique).
 * @example newReceipt() // 'C-7KQ2-M9XD'
 */
export function newReceipt(): string {
  const bytes = pooledRandomBytes(8);
  let out = '';
  for (let i = 0; i < 8; i++) out += RECEIPT_ALPHABET[(bytes[i] ?? 0) & 31];
  return `C-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** True for a string shaped like a receipt (case-insensitive; what people type is upper-cased). */
export function isReceipt(s: string): boolean {
  return /^C-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/i.test(s);
}
