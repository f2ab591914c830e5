import { describe, expect, it } from 'vitest';
import { cleanDisplayText, displayText } from './display-text.js';

describe('names and titles', () => {
  it('drop bidirectional controls and invisible characters, and compose accents', () => {
    expect(cleanDisplayText('Ad\u200Bmin')).toBe('Admin');
    expect(cleanDisplayText('\u202Enimda\u202C')).toBe('nimda');
    for (const c of ['\u202A', '\u202B', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F', '\u3164']) {
      expect(cleanDisplayText(`A${c}B`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('AB');
    }
    expect(cleanDisplayText('Cle\u0301ment  Roy')).toBe('Clément Roy');
  });

  it('checks the cleaned text: a name of invisible characters is empty', () => {
    const Name = displayText(200, { required: 'errors.name.required' });
    expect(Name.safeParse('\u200B\u200D\uFEFF').error?.issues[0]?.message).toBe('errors.name.required');
    expect(Name.parse('  Site\u2066 Administrator\u2069 ')).toBe('Site Administrator');
  });

  it('keep French no-break spaces before : ; ? ! » and after «, and no other', () => {
    expect(cleanDisplayText('Séance\u00a0: «\u202frédaction\u00a0» ?')).toBe('Séance\u00a0: «\u00a0rédaction\u00a0» ?');
    expect(cleanDisplayText('Site\u00a0Administrator')).toBe('Site Administrator');
  });
});
