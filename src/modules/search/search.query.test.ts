import { describe, expect, it } from 'vitest';
import { MAX_TERMS, boundQuery } from './search.query.js';

describe('boundQuery', () => {
  it('keeps each word once, in order, whatever its case', () => {
    expect(boundQuery('label Label LABEL device label')).toEqual({ ok: true, q: 'label device', words: 2, highlight: 'label or device' });
  });

  it('keeps phrases, exclusions and or between parts', () => {
    expect(boundQuery('label "device label" -spam or spam')).toEqual({ ok: true, q: 'label "device label" -spam or spam', words: 5, highlight: 'label or device or spam' });
  });

  it('drops a dangling or and repeated ors', () => {
    expect(boundQuery('or label or or device or')).toEqual({ ok: true, q: 'label or device', words: 2, highlight: 'label or device' });
  });

  it('lets the same word typed ninety times through as one', () => {
    expect(boundQuery(Array(90).fill('zz').join(' '))).toEqual({ ok: true, q: 'zz', words: 1, highlight: 'zz' });
  });

  it('counts the words inside a phrase, so a phrase of one word repeated is refused past the limit', () => {
    const phrase = `"${Array(MAX_TERMS + 1).fill('zz').join(' ')}"`;
    expect(boundQuery(phrase)).toEqual({ ok: false, words: 13 });
    expect(boundQuery(`"${Array(MAX_TERMS).fill('zz').join(' ')}"`).ok).toBe(true);
  });

  it('refuses a thirteenth distinct word', () => {
    const words = Array.from({ length: 13 }, (_, i) => `w${i}`);
    expect(boundQuery(words.join(' '))).toEqual({ ok: false, words: 13 });
    expect(boundQuery(words.slice(0, 12).join(' '))).toMatchObject({ ok: true, words: 12 });
  });

  it('highlights a phrase’s words once each, as alternatives', () => {
    expect(boundQuery(`"${Array(MAX_TERMS).fill('zz').join(' ')}"`)).toMatchObject({ ok: true, highlight: 'zz' });
  });

  it('reads an unclosed quote to the end, as PostgreSQL does', () => {
    expect(boundQuery('"device label')).toEqual({ ok: true, q: '"device label', words: 2, highlight: 'device or label' });
  });
});
