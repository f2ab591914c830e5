import { describe, expect, it } from 'vitest';
import { otherLang, pick, pickOrOther } from './pick.js';

const row = { slug: 'p', title_en: 'Labels', title_fr: 'Étiquettes', minutes_en: 'Notes', minutes_fr: null as string | null };
const camel = { nameEn: 'Government', nameFr: 'Gouvernement', count: 3 };

describe('pick', () => {
  it('reads the field in the reader’s language, from snake_case rows and camelCase results', () => {
    expect(pick('en', row, 'title')).toBe('Labels');
    expect(pick('fr', row, 'title')).toBe('Étiquettes');
    expect(pick('fr', camel, 'name')).toBe('Gouvernement');
    expect(pick('en', camel, 'name')).toBe('Government');
  });
  it('does not compile with a field the record does not hold in both languages', () => {
    // The expectations below are checked by `tsc`: remove a directive and the build fails.
    // @ts-expect-error: `slug` has no `_en`/`_fr` pair
    expect(pick('en', row, 'slug')).toBeUndefined();
    // @ts-expect-error: a misspelt field
    expect(pick('en', row, 'titel')).toBeUndefined();
    // @ts-expect-error: `count` is not bilingual
    expect(pick('en', camel, 'count')).toBeUndefined();
  });
  it('falls back to the other language, saying which one the text is in', () => {
    expect(pickOrOther('fr', row, 'minutes')).toEqual({ text: 'Notes', lang: 'en' });
    expect(pickOrOther('en', row, 'minutes')).toEqual({ text: 'Notes', lang: 'en' });
    expect(otherLang('fr')).toBe('en');
    expect(otherLang('en')).toBe('fr');
  });
});
