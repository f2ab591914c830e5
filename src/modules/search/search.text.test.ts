import { describe, expect, it } from 'vitest';
import { plainText } from './search.text.js';
import { highlightParts } from './search.presenter.js';
import { cleanText, searchConfig } from './search.index.js';

describe('plainText', () => {
  it('keeps the words of Markdown and drops its syntax', () => {
    expect(plainText('Draft **label** [criteria](https://x.example) and `code`')).toBe('Draft label criteria and code');
    expect(plainText('# Title\n\n- one\n- two\n\n```\nfenced\n```')).toBe('Title\none\ntwo\nfenced');
    // Raw HTML is off in our Markdown, so it stays text (and the page escapes it).
    expect(plainText('a <script>x</script>')).toBe('a <script>x</script>');
  });
});

describe('highlightParts', () => {
  it('cuts marked text into stretches, matches flagged', () => {
    expect(highlightParts('a \u0002b\u0003 c \u0002d\u0003')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c ', match: false },
      { text: 'd', match: true },
    ]);
  });

  it('drops stray markers and never returns empty stretches', () => {
    expect(highlightParts('\u0003x \u0002y')).toEqual([{ text: 'x y', match: false }]);
    expect(highlightParts('')).toEqual([]);
    expect(highlightParts('\u0002\u0003z')).toEqual([{ text: 'z', match: false }]);
  });
});

describe('the index', () => {
  it('strips control characters (the highlight markers among them) from indexed text', () => {
    expect(cleanText('a\u0002b\u0003c\u0000d\te\nf')).toBe('abcd\te\nf');
  });

  it('stems each language with its own configuration and names with none', () => {
    expect([searchConfig('en'), searchConfig('fr'), searchConfig(null)]).toEqual(['concord_english', 'concord_french', 'concord_simple']);
  });
});
