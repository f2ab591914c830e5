import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadMessages, slowTFor, tFor } from './i18n.js';
import { frenchSourceFaults, frenchSpacing, frenchSpacingFaults } from './french-spacing.js';

/** Every French message file as written: fr.json and each feature's fr/<name>.json. */
function frenchFiles(): string[] {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');
  const features = fs.readdirSync(path.join(dir, 'fr')).filter((f) => f.endsWith('.json'));
  return [path.join(dir, 'fr.json'), ...features.map((f) => path.join(dir, 'fr', f))];
}

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

  it('is written in every French message file, not only patched on load (a space before : ; ? ! and inside « »)', () => {
    const files = frenchFiles();
    expect(files.length).toBeGreaterThan(15);
    const faults = files.flatMap((file) =>
      [...leaves(JSON.parse(fs.readFileSync(file, 'utf8')))].flatMap(([key, text]) => frenchSourceFaults(text).map((f) => `${path.basename(file)} ${key}: ${f}`)),
    );
    expect(faults).toEqual([]);
  });

  it('finds in a text as written what the patch on load would hide or miss', () => {
    expect(frenchSourceFaults('Mot de passe oublié?')).toHaveLength(1);
    expect(frenchSourceFaults('Les lignes vides sont ignorées; enregistrez')).toHaveLength(1);
    expect(frenchSourceFaults('en français: sinon')).toHaveLength(1);
    expect(frenchSourceFaults('«oui»')).toHaveLength(2);
    expect(frenchSourceFaults('Oublié ? Voir : à 10:30, https://x.org/?a=1;b « oui » ; javascript: non')).toEqual([]);
  });

  it('reaches the page through both translators, and not the values put into a message', () => {
    for (const t of [tFor('fr'), slowTFor('fr')]) {
      const text = t('consensus.state.closed', { deadline: '29 mars : 23 h 59' });
      expect(frenchSpacingFaults(text.replace('29 mars : 23 h 59', ''))).toEqual([]);
      expect(text).toContain('29 mars : 23 h 59');
    }
  });
});
