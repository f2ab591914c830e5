import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from './random-pool.js';

describe('pooledRandomBytes', () => {
  it('hands out the asked number of bytes, never the same piece twice, across block refills', () => {
    const seen = new Set<string>();
    // 40,000 × 16 bytes spans about 40 blocks of 16 KiB.
    for (let i = 0; i < 40_000; i++) {
      const b = pooledRandomBytes(16);
      expect(b.length).toBe(16);
      seen.add(b.toString('hex'));
    }
    expect(seen.size).toBe(40_000);
  });

  it('gives bytes that look random: every byte value appears, none dominates', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4_096; i++) for (const x of pooledRandomBytes(64)) counts[x]!++;
    // 262,144 bytes: 1,024 expected per value; a zeroed or repeated pool would fail both bounds.
    expect(Math.min(...counts)).toBeGreaterThan(850);
    expect(Math.max(...counts)).toBeLessThan(1_200);
  });

  it('returns a copy the caller may change', () => {
    const a = pooledRandomBytes(8);
    a.fill(0);
    expect(pooledRandomBytes(8).equals(Buffer.alloc(8))).toBe(false);
  });

  it('serves a large request straight from the CSPRNG', () => {
    expect(pooledRandomBytes(100_000).length).toBe(100_000);
  });
});
