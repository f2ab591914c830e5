import { describe, expect, it } from 'vitest';
import { formatDateTime, slowTFor, tFor } from './i18n.js';
import { afterValue, dropDoubledStops } from './full-stop.js';

describe('a value ending with a full stop at the end of a sentence', () => {
  // 23:59 in Toronto: en-CA writes "11:59 p.m.", which ends with a stop.
  const deadline = formatDateTime('en', new Date('2027-03-30T03:59:00Z'), 'America/Toronto');

  it('gives one stop, not "p.m..", through both translators', () => {
    expect(deadline.endsWith('p.m.')).toBe(true);
    for (const t of [tFor('en'), slowTFor('en')]) {
      const text = t('consensus.state.closed', { deadline });
      expect(text).toBe(`Closed. The deadline was ${deadline}`);
      expect(text).not.toContain('..');
    }
  });

  it('keeps the stop after a value that has none, and an ellipsis', () => {
    expect(tFor('fr')('consensus.state.closed', { deadline: '29 mars 2027 à 23 h 59' })).toBe('Terminé. L’échéance était le 29 mars 2027 à 23 h 59.');
    expect(afterValue('p.m.', '.')).toBe('');
    expect(afterValue('p.m.', '...')).toBe('...');
    expect(afterValue('11:59', '.')).toBe('.');
    expect(dropDoubledStops('Until 11:59 p.m.. Then 9 a.m..', { a: '11:59 p.m.', b: '9 a.m.' })).toBe('Until 11:59 p.m. Then 9 a.m.');
  });
});
