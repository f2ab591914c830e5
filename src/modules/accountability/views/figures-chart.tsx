import { LOCALES, type Lang, type T } from '../../../platform/i18n/i18n.js';
import { formatShare } from '../../../platform/web/components/balance-chart.js';

/** One row of the figures: a stakeholder group (or "all"), and counts of recommendations. */
export interface FigureRow {
  key: string;
  label: string;
  withOwner: number;
  done: number;
  late: number;
}

const MEASURES = ['withOwner', 'done', 'late'] as const;
// Each measure has its own colour (at least 3:1 against white, WCAG 1.4.11) and its own
// words on every bar, so colour never carries the meaning alone.
const COLOURS: Record<(typeof MEASURES)[number], string> = { withOwner: '#0b5394', done: '#2e6b30', late: '#a23b00' };
const INK = '#1b1f24';
const TRACK = '#f3f5f8';
const WIDTH = 640;
const PAD = 8;
const PLOT = WIDTH - 2 * PAD;
const BAR = 16;
const LINE = 22;
const GROUP_GAP = 30;

/**
 * Shares of the recommendations that have an owner, are done and are late, per stakeholder
 * group, as bars with their words, and again as a table (screen readers read the table; the
 * chart's title and description summarise it). Style: public/charts.css (balance classes).
 */
export function FiguresChart(props: { id: string; caption: string; lang: Lang; t: T; total: number; rows: FigureRow[] }) {
  const { id, caption, lang, t, total, rows } = props;
  const number = new Intl.NumberFormat(LOCALES[lang]);
  const share = (n: number) => formatShare(lang, total ? n / total : 0);
  const words = (m: (typeof MEASURES)[number], n: number) => t(`accountability.figures.bar.${m}`, { count: n, n: number.format(n), share: share(n) });
  const rowHeight = GROUP_GAP + MEASURES.length * (LINE + BAR);
  const height = PAD * 2 + rows.length * rowHeight;
  const summary = [
    t('accountability.figures.summary', { count: total, n: number.format(total) }),
    ...rows.map((r) => t('accountability.figures.descRow', { label: r.label, values: MEASURES.map((m) => words(m, r[m])).join(', ') })),
  ].join(' ');
  return (
    <div class="balance">
      <svg class="balance__chart" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} font-size="16" fill={INK}>
        <title id={`${id}-title`}>{caption}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {rows.map((r, i) => {
          const top = PAD + i * rowHeight;
          return (
            <g key={r.key}>
              <text x={PAD} y={top + 20} font-weight="bold">
                {r.label}
              </text>
              {MEASURES.map((m, j) => {
                const y = top + GROUP_GAP + j * (LINE + BAR);
                const w = total ? (r[m] / total) * PLOT : 0;
                return (
                  <g key={m}>
                    <text x={PAD} y={y + 14}>
                      {words(m, r[m])}
                    </text>
                    <rect x={PAD} y={y + LINE - 2} width={PLOT} height={BAR} fill={TRACK} />
                    <rect x={PAD} y={y + LINE - 2} width={w} height={BAR} fill={COLOURS[m]} />
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      {/* Focusable: on a small screen the table scrolls inside itself, and a keyboard must reach it. */}
      <table class="balance-table" tabindex={0}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accountability.figures.columns.group')}</th>
            {MEASURES.map((m) => (
              <th scope="col" key={m}>
                {t(`accountability.figures.columns.${m}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row">{r.label}</th>
              {MEASURES.map((m) => (
                <td class="num" key={m}>
                  {t('accountability.figures.cell', { n: number.format(r[m]), share: share(r[m]) })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
