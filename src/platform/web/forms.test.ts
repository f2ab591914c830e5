import { describe, expect, it } from 'vitest';
import { formRows, formTexts, nestForm } from './forms.js';
import { HttpProblem } from '../http/problem.js';
import { safeNext } from './safe-next.js';

describe('nestForm', () => {
  it('builds arrays and objects from bracketed names', () => {
    expect(nestForm({ 'phases[0][kind]': 'drafting', 'phases[1][kind]': 'action', 'phases[0][nameEn]': 'Drafting', title: 'T' })).toEqual({
      phases: [{ kind: 'drafting', nameEn: 'Drafting' }, { kind: 'action' }],
      title: 'T',
    });
  });
  it('ignores a non-numeric index into an array rather than polluting it', () => {
    expect(nestForm({ 'a[0]': 'x', 'a[__proto__]': 'y' })).toEqual({ a: ['x'] });
  });
  it('ignores row numbers beyond any real form, so a request cannot allocate billions of slots', () => {
    const started = Date.now();
    expect(nestForm({ 'phases[4294967294][kind]': 'x', 'phases[0][kind]': 'y' })).toEqual({ phases: [{ kind: 'y' }] });
    expect(Date.now() - started).toBeLessThan(1000);
  });
  it('never writes to a prototype', () => {
    nestForm({ '__proto__[polluted]': 'yes', 'constructor[prototype][polluted]': 'yes', 'x[__proto__][polluted]': 'yes' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile shapes of nested forms', () => {
  it('keeps the first value of a repeated field and drops names that clash with another shape', () => {
    expect(nestForm({ 'a[0][b]': ['x', 'y'] })).toEqual({ a: [{ b: 'x' }] });
    expect(nestForm({ a: 'text', 'a[0][b]': 'x' })).toEqual({ a: 'text' });
    expect(nestForm({ 'a[0]': 'text', 'a[0][b]': 'x' })).toEqual({ a: ['text'] });
  });

  it('refuses rows sent as text or named by words with a 400 naming the field', () => {
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return err instanceof HttpProblem ? `${err.status} ${Object.keys(err.fields).join()}` : String(err);
      }
      return 'accepted';
    };
    expect(refused(() => formRows(nestForm({ phases: 'abc' }), 'phases'))).toBe('400 phases');
    expect(refused(() => formRows(nestForm({ 'phases[abc][x]': '1' }), 'phases'))).toBe('400 phases');
    expect(refused(() => formRows(nestForm({ 'phases[0]': 'abc' }), 'phases'))).toBe('400 phases');
    expect(refused(() => formTexts(nestForm({ 'urls[0][x]': 'abc' }), 'urls'))).toBe('400 urls');
    expect(formRows(nestForm({ 'phases[1][kind]': 'x' }), 'phases')).toEqual([undefined, { kind: 'x' }]);
    expect(formRows({}, 'phases')).toEqual([]);
  });
});

describe('safeNext', () => {
  it('follows only paths on this site', () => {
    expect(safeNext('/en/account', '/x')).toBe('/en/account');
    expect(safeNext('//evil.example', '/x')).toBe('/x');
    expect(safeNext('https://evil.example', '/x')).toBe('/x');
    expect(safeNext('/\\evil.example', '/x')).toBe('/x');
    expect(safeNext('/\t/evil.example', '/x')).toBe('/x');
    expect(safeNext('/\n/evil.example', '/x')).toBe('/x');
    expect(safeNext('/fr/日本?a=1', '/x')).toBe('/fr/%E6%97%A5%E6%9C%AC?a=1');
  });
});
