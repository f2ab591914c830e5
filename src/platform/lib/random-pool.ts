import { randomBytes } from 'node:crypto';

/**
 * Random bytes drawn from the CSPRNG in blocks and handed out in small pieces. Each call of
 * `randomBytes` costs a trip into OpenSSL (measured at ~10 µs here, so three per imported
 * comment were a tenth of a bulk import's time); ids and receipts need a few bytes each and
 * millions of them. Every byte is handed out once and never reused. Not for secrets that
 * must never sit in memory longer than needed (keys use `randomBytes` directly).
 */
const BLOCK = 16 * 1024;
let block = Buffer.alloc(0);
let at = 0;

/**
 * `n` fresh random bytes (a copy: the caller may change them).
 * @example pooledRandomBytes(16).length // 16
 */
export function pooledRandomBytes(n: number): Buffer {
  if (n > BLOCK) return randomBytes(n);
  if (at + n > block.length) {
    block = randomBytes(BLOCK);
    at = 0;
  }
  const out = Buffer.from(block.subarray(at, at + n));
  // Spent bytes are wiped, so a later read of the block cannot return them again.
  block.fill(0, at, at + n);
  at += n;
  return out;
}
