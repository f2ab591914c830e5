import { pooledRandomBytes } from './random-pool.js';

let lastMs = 0;
let seq = 0;

/**
 * A UUIDv7: time-ordered, so B-tree inserts stay at the right edge of the index even at tens
 * of millions of rows, and ordering by id is ordering by creation. Generated here because
 * PostgreSQL 15 has no uuidv7(). Monotonic within a process (a 12-bit counter in rand_a).
 * @example newId() // '0192f1c4-5b7e-7a3c-9d2e-4f6a8b0c1d2e'
 */
export function newId(now: number = Date.now()): string {
  if (now <= lastMs) {
    seq++;
    if (seq > 0xfff) {
      lastMs++;
      seq = 0;
    }
    now = lastMs;
  } else {
    lastMs = now;
    seq = pooledRandomBytes(2).readUInt16BE(0) & 0x3ff; // random start, room to count up
  }
  const b = pooledRandomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** True for a string shaped like any UUID; guards route params before they reach SQL. */
export function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}
