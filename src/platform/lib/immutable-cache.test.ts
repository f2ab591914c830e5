import { describe, expect, it } from 'vitest';
import { ImmutableCache } from './immutable-cache.js';

describe('immutable cache', () => {
  it('loads a key once per database', async () => {
    const cache = new ImmutableCache<string>(100, (v) => v.length);
    const a = {};
    const b = {};
    let loads = 0;
    const load = (v: string) => async () => (loads++, v);
    expect(await cache.get(a, 'k', load('one'))).toBe('one');
    expect(await cache.get(a, 'k', load('two'))).toBe('one');
    // Another database has its own entries.
    expect(await cache.get(b, 'k', load('three'))).toBe('three');
    expect(loads).toBe(2);
  });

  it('does not keep what `keep` refuses, nor a failed load', async () => {
    const cache = new ImmutableCache<string[]>(100, (v) => v.length);
    const db = {};
    expect(await cache.get(db, 'k', async () => [], (v) => v.length > 0)).toEqual([]);
    expect(await cache.get(db, 'k', async () => ['x'], (v) => v.length > 0)).toEqual(['x']);
    await expect(cache.get(db, 'e', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get(db, 'e', async () => ['y'])).toEqual(['y']);
    expect(cache.size(db)).toBe(2);
  });

  it('drops the least recently used entries beyond its weight', async () => {
    const cache = new ImmutableCache<string>(10, (v) => v.length);
    const db = {};
    await cache.get(db, 'a', async () => 'aaaa');
    await cache.get(db, 'b', async () => 'bbbb');
    await cache.get(db, 'a', async () => 'reloaded'); // a is now the most recent
    await cache.get(db, 'c', async () => 'cccc'); // 12 > 10: b goes
    expect(await cache.get(db, 'a', async () => 'reloaded')).toBe('aaaa');
    expect(await cache.get(db, 'b', async () => 'BBBB')).toBe('BBBB');
    // A value heavier than the whole cache is returned, not kept.
    expect(await cache.get(db, 'big', async () => 'x'.repeat(11))).toHaveLength(11);
    expect(await cache.get(db, 'big', async () => 'small')).toBe('small');
  });
});
