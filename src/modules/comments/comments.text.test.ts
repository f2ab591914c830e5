import { describe, expect, it } from 'vitest';
import { bodyHash, groupKey, isReceipt, newReceipt, normaliseForDuplicates } from './comments.text.js';
import { timeLeft, timeLeftWords } from '../../platform/time/time-left.js';
import { csvCell } from './comments.export.js';
import { tFor } from '../../platform/i18n/i18n.js';

describe('duplicate normalisation', () => {
  it('ignores case, white space and punctuation, and compares Unicode in NFKC form', () => {
    const a = 'Ban default passwords, now!';
    expect(bodyHash(a)).toBe(bodyHash('  ban DEFAULT   passwords now. '));
    expect(bodyHash(a)).toBe(bodyHash('Ban—default “passwords” … now'));
    // Full-width letters and the "fi" ligature are the same text once NFKC-normalised.
    expect(normaliseForDuplicates('ＢＡＮ ﬁrmware')).toBe('banfirmware');
    expect(normaliseForDuplicates('Élévation des privilèges')).toBe('élévationdesprivilèges');
  });

  it('keeps different words apart, and texts of punctuation only apart from each other', () => {
    expect(bodyHash('Ban default passwords')).not.toBe(bodyHash('Ban default password'));
    expect(bodyHash('???')).not.toBe(bodyHash('!!!'));
    expect(bodyHash('a')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('duplicate groups', () => {
  it('are keyed by text, document and paragraph together', () => {
    const h = bodyHash('Ban default passwords');
    expect(groupKey(h, 'doc-1', 'p-4')).toBe(groupKey(bodyHash('ban default passwords!'), 'doc-1', 'p-4'));
    expect(groupKey(h, 'doc-1', 'p-4')).not.toBe(groupKey(h, 'doc-1', 'p-5'));
    expect(groupKey(h, 'doc-1', null)).not.toBe(groupKey(h, 'doc-1', 'p-4'));
    expect(groupKey(h, 'doc-1', 'p-4')).not.toBe(groupKey(h, 'doc-2', 'p-4'));
  });
});

describe('receipts', () => {
  it('are C- and two groups of four Crockford base-32 characters, and differ', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const r = newReceipt();
      expect(r).toMatch(/^C-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(isReceipt(r)).toBe(true);
      seen.add(r);
    }
    expect(seen.size).toBe(500);
    expect(isReceipt('C-IIII-0000')).toBe(false);
    expect(isReceipt('c-7kq2-m9xd')).toBe(true);
  });
});

describe('receipt entropy', () => {
  // 10,000 receipts: each of the 8 random places must use the whole 32-letter alphabet about
  // evenly (40 bits in all), and no two may repeat. A generator cut to fewer letters, fewer
  // places or a skewed source fails here.
  const N = 10_000;
  const receipts = Array.from({ length: N }, () => newReceipt());

  it('are 11 characters, C- then 4 + 4 places, all distinct over 10,000', () => {
    for (const r of receipts) expect(r).toHaveLength(11);
    expect(new Set(receipts).size).toBe(N);
  });

  it('use all 32 Crockford characters in every place, each about 1/32 of the time', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let place = 0; place < 8; place++) {
      const counts = new Map<string, number>();
      for (const r of receipts) {
        const c = r.replace(/-/g, '').slice(1)[place]!;
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      expect([...counts.keys()].sort().join(''), `place ${place}`).toBe(alphabet);
      // Expected 312.5 each, standard deviation ~17.4: 200–430 is beyond six deviations.
      for (const [c, n] of counts) expect(n, `place ${place}, ${c}`).toBeGreaterThan(200);
      for (const [c, n] of counts) expect(n, `place ${place}, ${c}`).toBeLessThan(430);
    }
  });
});

describe('time left', () => {
  const now = new Date('2019-03-01T12:00:00Z');
  const later = (s: number) => new Date(now.getTime() + s * 1000);

  it('names the two largest units in each language', () => {
    expect(timeLeftWords(tFor('en'), timeLeft(later(3 * 86_400 + 4 * 3600 + 5 * 60), now)!)).toBe('3 days, 4 hours');
    expect(timeLeftWords(tFor('fr'), timeLeft(later(3 * 86_400 + 4 * 3600), now)!)).toBe('3 jours, 4 heures');
    expect(timeLeftWords(tFor('en'), timeLeft(later(86_400 + 60), now)!)).toBe('1 day');
    expect(timeLeftWords(tFor('en'), timeLeft(later(61), now)!)).toBe('1 minute, 1 second');
    expect(timeLeftWords(tFor('fr'), timeLeft(later(1), now)!)).toBe('1 seconde');
  });

  it('is null once the instant has come', () => {
    expect(timeLeft(now, now)).toBeNull();
    expect(timeLeft(later(-5), now)).toBeNull();
  });
});

describe('CSV cells', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });
});
