import { describe, expect, it } from 'vitest';
import { tableBlock } from './process-report.pdf.js';

describe('tableBlock', () => {
  it('takes the first row as the header and right-aligns the columns of numbers', () => {
    expect(
      tableBlock([
        ['Group', 'Members', 'Share'],
        ['Academia', '2', '67 %'],
        ['Government', '12', '8 %'],
      ]),
    ).toEqual({
      kind: 'table',
      header: ['Group', 'Members', 'Share'],
      rows: [
        ['Academia', '2', '67 %'],
        ['Government', '12', '8 %'],
      ],
      numeric: [false, true, true],
    });
  });

  it('counts a dash as a number, but not a column with words, nor the first column', () => {
    expect(tableBlock([['1', 'Long title', 'n'], ['2', 'B', '—']]).numeric).toEqual([false, false, true]);
  });
});
