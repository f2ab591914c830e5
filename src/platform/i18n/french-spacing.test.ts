import { describe, expect, it } from 'vitest';
import { loadMessages, slowTFor, tFor } from './i18n.js';
import { frenchSpacing, frenchSpacingFaults } from './french-spacing.js';

/** Every leaf of a message tree, with its key. */
function* leaves(tree: unknown, prefix = ''): Generator<[string, string]> {
  if (typeof tree === 'string') yield [prefix, tree];
  else if (tree && typeof tree === 'object') for (const [k, v] of Object.entries(tree)) yield* leaves(v, prefix ? `${prefix}.${k}` : k);
}

describe('French spacing', () => {
  it('puts a no-break space before : ; ? ! and inside « », and leaves times, URLs and queries alone', () => {
    expect(frenchSpacing('Échéance : demain ; «oui» ou « non » ? Oui !')).toBe('Échéance\u00a0: demain\u00a0; «\u00a0oui\u00a0» ou «\u00a0non\u00a0»\u00a0? Oui\u00a0!');
    expect(frenchSpacing('à 10:30, https://exemple.org/?page=2&x=1;y')).toBe('à 10:30, https://exemple.org/?page=2&x=1;y');
    expect(frenchSpacing('<a href="https://x.org/a?b=1">lien</a> : voir')).toBe('<a href="https://x.org/a?b=1">lien</a>\u00a0: voir');
    expect(frenchSpacingFaults('Note : « oui»')).toHaveLength(3);
    expect(frenchSpacing('Mot de passe oublié? Complète; donc')).toBe('Mot de passe oublié\u00a0? Complète\u00a0; donc');
    expect(frenchSpacingFaults('Oublié? Oui!')).toHaveLength(2);
  });

  it('holds in every French message as the translators read it', () => {
    const faults = [...leaves(loadMessages('fr'))].flatMap(([key, text]) => frenchSpacingFaults(text).map((f) => `${key}: ${f}`));
    expect(faults).toEqual([]);
  });

  it('reaches the page through both translators, and not the values put into a message', () => {
    for (const t of [tFor('fr'), slowTFor('fr')]) {
      const text = t('consensus.state.closed', { deadline: '29 mars : 23 h 59' });
      expect(frenchSpacingFaults(text.replace('29 mars : 23 h 59', ''))).toEqual([]);
      expect(text).toContain('29 mars : 23 h 59');
    }
  });
});
