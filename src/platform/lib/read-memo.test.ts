import { describe, expect, it } from 'vitest';
import { memoized, withReadMemo } from './read-memo.js';

describe('read memo', () => {
  it('reads once per key inside a memo, every time outside one', async () => {
    let reads = 0;
    const load = () => Promise.resolve(++reads);
    await withReadMemo(async () => {
      expect(await memoized('a', load)).toBe(1);
      expect(await memoized('a', load)).toBe(1);
      expect(await memoized('b', load)).toBe(2);
    });
    expect(await memoized('a', load)).toBe(3);
    expect(await memoized('a', load)).toBe(4);
    // A new memo starts empty.
    await withReadMemo(async () => expect(await memoized('a', load)).toBe(5));
  });

  it('does not keep a failed read', async () => {
    let calls = 0;
    await withReadMemo(async () => {
      await expect(memoized('x', () => (++calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve('ok')))).rejects.toThrow('boom');
      await new Promise((r) => setImmediate(r));
      expect(await memoized('x', () => (++calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve('ok')))).toBe('ok');
    });
  });
});
