import { describe, expect, it } from 'vitest';
import { textTable } from './process-report.pdf.js';

describe('textTable', () => {
  it('pads text columns on the right and numbers on the left', () => {
    expect(
      textTable([
        ['Group', 'Members', 'Share'],
        ['Academia', '2', '67 %'],
        ['Government', '12', '8 %'],
      ]),
    ).toBe(['Group       Members  Share', 'Academia          2   67 %', 'Government       12    8 %'].join('\n'));
  });

  it('keeps a dash as a number column and trims trailing spaces', () => {
    expect(
      textTable([
        ['A', 'Long title'],
        ['B', '—'],
      ]),
    ).toBe('A  Long title\nB           —');
  });
});
