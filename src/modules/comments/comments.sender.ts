import { createHmac } from 'node:crypto';
import { senderDigestKey } from '../../platform/signing/index.js';

/** What a comment keeps of its sender's email (issue 11): its domain and a keyed hash, never the address. */
export interface SenderSignals {
  sender_domain: string | null;
  sender_hash: string | null;
}

/** The longest email address (RFC 5321's path limit). */
export const MAX_EMAIL_CHARS = 254;

/** How a sender hash starts (the key's version, so a later key can be told apart). */
export const SENDER_HASH_PREFIX = 'hmac1:';

/**
 * An email address normalised so that one mailbox gives one value: trimmed, Unicode NFKC,
 * lower case, and sub-addressing dropped (`name+anything@` is `name@`), which a sender of
 * many comments would otherwise use to look like many people. Null when it is not an address,
 * or is longer than an address can be (254 characters), so a hostile file cannot make a
 * sender index entry too large to write.
 * @example normaliseEmail(' Ana+Flood@Example.ORG ') // 'ana@example.org'
 */
export function normaliseEmail(email: string | null | undefined): string | null {
  const e = (email ?? '').normalize('NFKC').trim().toLowerCase();
  const at = e.lastIndexOf('@');
  if (at < 1 || at === e.length - 1 || e.length > MAX_EMAIL_CHARS || /\s/.test(e)) return null;
  const local = e.slice(0, at).replace(/\+.*$/, '');
  const domain = e.slice(at + 1).replace(/\.$/, '');
  if (!local || !domain.includes('.')) return null;
  return `${local}@${domain}`;
}

/**
 * The sender signals of an email: its domain, and an HMAC-SHA-256 of the normalised address
 * under the installation's sender key (see senderDigestKey), so the same person is recognised
 * across names without the address being kept. Both null when there is no usable address.
 * @example senderSignals('a@x.org').sender_domain // 'x.org'
 */
export function senderSignals(email: string | null | undefined, key: Buffer = senderDigestKey()): SenderSignals {
  const n = normaliseEmail(email);
  if (!n) return { sender_domain: null, sender_hash: null };
  return { sender_domain: n.slice(n.lastIndexOf('@') + 1), sender_hash: SENDER_HASH_PREFIX + createHmac('sha256', key).update(n).digest('hex') };
}
