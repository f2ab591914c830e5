import { describe, expect, it } from 'vitest';
import { contractValues, joinFrench } from './elision.js';
import { loadMessages, slowTFor, tFor } from './i18n.js';

describe('joinFrench', () => {
  it.each([
    ['Réunions de ', 'Améliorer la sécurité', 'Réunions d’Améliorer la sécurité'],
    ['Objection de ', 'Olivier', 'Objection d’Olivier'],
    ['De ', 'Yves', 'D’Yves'],
    ['Membres de ', 'Les Amis du Web', 'Membres des Amis du Web'],
    ['Appel de ', 'Le Conseil', 'Appel du Conseil'],
    ['Réponse à ', 'Les Consommateurs', 'Réponse aux Consommateurs'],
    ['Réponse à ', 'Le Bureau', 'Réponse au Bureau'],
    ['(de ', 'Industrie Canada)', '(d’Industrie Canada)'],
    ['avant que ', 'Ottawa', 'avant qu’Ottawa'],
  ])('%s+ %s → %s', (before, value, joined) => {
    expect(joinFrench(before, value).join('')).toBe(joined);
  });

  it.each([
    ['Réunions de ', 'Hydro-Québec'], // h: muet or aspiré cannot be told from spelling
    ['ferme le ', '11 mars'], // digits never elide
    ['Réunions de ', 'La Coalition'], // "de la" stays
    ['Grande ', 'Alliance'], // not a word that elides
    ['Code ', 'Ouvert'], // "de" inside a word
  ])('leaves %s+ %s alone', (before, value) => {
    expect(joinFrench(before, value).join('')).toBe(before + value);
  });

  it('applies to finished text only where a value follows the word', () => {
    expect(contractValues('Réunions de Améliorer, de Améliorer', { name: 'Améliorer' })).toBe('Réunions d’Améliorer, d’Améliorer');
    expect(contractValues('Le de Améliorer', { n: 3 })).toBe('Le de Améliorer');
  });
});

/** Every French message with a value right after "de", "que", "le", "la" or "à", by key. */
function composed(messages: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([k, v]): [string, string][] => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null) return composed(v as Record<string, unknown>, key);
    return typeof v === 'string' && /(^|[\s(«])(de|que|le|la|à) \{\{\s*\w+\s*\}\}/i.test(v) ? [[key, v]] : [];
  });
}

describe('every composed French message', () => {
  const fr = composed(loadMessages('fr'));

  it('finds the composed messages (the demo names meet them)', () => {
    expect(fr.length).toBeGreaterThan(40);
    const keys = fr.map(([k]) => k);
    expect(keys).toContain('meetings.listTitle');
    expect(keys.some((k) => k.endsWith('.objectionBy'))).toBe(true);
  });

  for (const [name, t] of [
    ['fast', tFor('fr')],
    ['i18next', slowTFor('fr')],
  ] as const) {
    it(`contracts with a name starting with a vowel or an article (${name} translator)`, () => {
      const wrong: string[] = [];
      for (const [key, message] of fr) {
        const values: Record<string, string> = {};
        for (const m of message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) values[m[1]!] = m[1] === 'count' ? '2' : 'Améliorer la sécurité';
        const text = String(t(key.replace(/_(one|many|other|zero)$/, ''), { ...values, ...(values.count ? { count: 2 } : {}) }));
        if (/\b(de|que|le|la) Améliorer/i.test(text) || /\bà Le /.test(text)) wrong.push(`${key}: ${text}`);
        const article = String(t(key.replace(/_(one|many|other|zero)$/, ''), Object.fromEntries(Object.keys(values).map((v) => [v, v === 'count' ? 2 : 'Les Amis']))));
        if (/\b(de|à) Les Amis/i.test(article)) wrong.push(`${key}: ${article}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
