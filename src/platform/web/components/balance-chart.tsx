import { LOCALES, type Lang, type T } from '../../i18n/i18n.js';

/**
 * "Balance is visible": how many members each stakeholder group has against its target share,
 * drawn as bars and given again as a table, so the numbers reach everyone (screen readers read
 * the table; the chart's own title and description summarise it). Style: public/charts.css.
 */

/** One stakeholder group. `targetShare` is a fraction (0.2 for 20 %), null when none is set. */
export interface BalanceRow {
  key: string;
  label: string;
  count: number;
  targetShare: number | null;
}

/** How a group stands: no members, under its target, at or over it, or with no target. */
export type BalanceStatus = 'missing' | 'below' | 'on' | 'none';

/** Float noise (1/3 against 0.3333…) must not turn "on target" into "below". */
const EPSILON = 1e-9;

/** Total members over all groups. */
function totalOf(rows: readonly BalanceRow[]): number {
  return rows.reduce((sum, r) => sum + Math.max(0, r.count), 0);
}

/**
 * A group's share of all members; 0 when there are no members at all (never NaN).
 * @example shareOf({ key: 'gov', label: 'Government', count: 3, targetShare: null }, 12) // 0.25
 */
export function shareOf(row: BalanceRow, total: number): number {
  return total > 0 ? Math.max(0, row.count) / total : 0;
}

/**
 * The status of one group given the process's total; "missing" wins over everything else.
 * @example balanceStatus({ key: 'acad', label: 'Academia', count: 1, targetShare: 0.2 }, 10) // 'below'
 */
export function balanceStatus(row: BalanceRow, total: number): BalanceStatus {
  if (row.count <= 0) return 'missing';
  if (row.targetShare === null) return 'none';
  return shareOf(row, total) + EPSILON < row.targetShare ? 'below' : 'on';
}

/**
 * The groups that need a convener's attention: no members, or a share under their target.
 * @example balanceWarnings([{ key: 'cs', label: 'Civil society', count: 0, targetShare: 0.2 }]) // [{ key: 'cs', kind: 'missing' }]
 */
export function balanceWarnings(rows: readonly BalanceRow[]): { key: string; kind: 'missing' | 'below' }[] {
  const total = totalOf(rows);
  const out: { key: string; kind: 'missing' | 'below' }[] = [];
  for (const row of rows) {
    const status = balanceStatus(row, total);
    if (status === 'missing' || status === 'below') out.push({ key: row.key, kind: status });
  }
  return out;
}

/**
 * A share as a percentage in the language's conventions ("23%" in English, "23 %" in French),
 * with a decimal only when rounding would show a group that has members as 0.
 * @example formatShare('fr', 0.234) // '23 %'
 */
export function formatShare(lang: Lang, share: number): string {
  const digits = share > 0 && share < 0.005 ? 1 : 0;
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: digits }).format(share);
}

// Colours keep at least 3:1 against white (WCAG 1.4.11), and never carry meaning alone:
// "below target" is also written out, and the target is a dashed line, not a hue.
const INK = '#1b1f24'; // text and target marker, 16:1
const BAR = '#0b5394'; // 7.9:1
const BAR_BELOW = '#8a5a00'; // 5.6:1
const TRACK = '#f3f5f8'; // background of each bar's full length; decoration only
const GRID = '#c5ccd6'; // decoration only

const WIDTH = 640;
const PAD = 8;
const PLOT = WIDTH - 2 * PAD;
const ROW = 58; // one group: a line of text, then its bar
const BAR_TOP = 26;
const BAR_HEIGHT = 18;
const AXIS = 30;
const LEGEND_LINE = 24; // legend entries are stacked: long French labels would overlap side by side

/** The chart's full scale: the largest share or target, up to the next 10 %, at least 10 %. */
function scaleMax(rows: readonly BalanceRow[], total: number): number {
  const largest = Math.max(0, ...rows.map((r) => Math.max(shareOf(r, total), r.targetShare ?? 0)));
  return Math.min(1, Math.max(0.1, Math.ceil(largest * 10 - EPSILON) / 10));
}

/**
 * The balance chart and its table. Give each chart on a page its own `id` (the SVG's title
 * and description are found by it).
 */
export function BalanceChart(props: { caption: string; lang: Lang; t: T; rows: BalanceRow[]; id?: string }) {
  const { caption, lang, t, rows } = props;
  const id = props.id ?? 'balance';
  const total = totalOf(rows);
  const number = new Intl.NumberFormat(LOCALES[lang]);
  const members = (count: number) => t('balance.members', { count, n: number.format(count) });
  const max = scaleMax(rows, total);
  const x = (share: number) => PAD + (Math.min(share, max) / max) * PLOT;
  const hasTargets = rows.some((r) => r.targetShare !== null);
  const hasBelow = rows.some((r) => balanceStatus(r, total) === 'below');

  const summary = [
    rows.length === 0 ? t('balance.empty') : t('balance.summary', { count: total, n: number.format(total) }),
    ...rows.map((r) => {
      const status = balanceStatus(r, total);
      const share = formatShare(lang, shareOf(r, total));
      return r.targetShare === null
        ? t('balance.descRow', { label: r.label, members: members(r.count), share })
        : t('balance.descRowTarget', {
            label: r.label,
            members: members(r.count),
            share,
            target: formatShare(lang, r.targetShare),
            status: t(`balance.descStatus.${status}`),
          });
    }),
  ].join(' ');

  const ticks = [0, max / 2, max];
  const legend: { swatch: 'bar' | 'below' | 'target'; text: string }[] = [
    { swatch: 'bar', text: t('balance.legend.share') },
    ...(hasBelow ? [{ swatch: 'below' as const, text: t('balance.legend.below') }] : []),
    ...(hasTargets ? [{ swatch: 'target' as const, text: t('balance.legend.target') }] : []),
  ];
  const plotHeight = rows.length * ROW;
  const legendTop = PAD + plotHeight + AXIS + 16;
  const height = legendTop + legend.length * LEGEND_LINE;

  return (
    <div class="balance">
      <svg
        class="balance__chart"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        font-size="16"
        fill={INK}
      >
        <title id={`${id}-title`}>{caption}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((tick) => (
          <line key={tick} x1={x(tick)} x2={x(tick)} y1={PAD} y2={PAD + plotHeight + 4} stroke={GRID} stroke-width="1" />
        ))}
        {rows.map((r, i) => {
          const top = PAD + i * ROW;
          const share = shareOf(r, total);
          const below = balanceStatus(r, total) === 'below';
          const values = { label: r.label, members: members(r.count), share: formatShare(lang, share) };
          return (
            <g key={r.key}>
              <text x={PAD} y={top + 18}>
                {below ? t('balance.barBelow', { ...values, target: formatShare(lang, r.targetShare ?? 0) }) : t('balance.bar', values)}
              </text>
              <rect x={PAD} y={top + BAR_TOP} width={PLOT} height={BAR_HEIGHT} fill={TRACK} />
              <rect x={PAD} y={top + BAR_TOP} width={x(share) - PAD} height={BAR_HEIGHT} fill={below ? BAR_BELOW : BAR} />
              {r.targetShare !== null && (
                <line
                  x1={x(r.targetShare)}
                  x2={x(r.targetShare)}
                  y1={top + BAR_TOP - 5}
                  y2={top + BAR_TOP + BAR_HEIGHT + 5}
                  stroke={INK}
                  stroke-width="2"
                  stroke-dasharray="4 3"
                />
              )}
            </g>
          );
        })}
        {ticks.map((tick, i) => (
          <text key={tick} x={x(tick)} y={PAD + plotHeight + 22} text-anchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}>
            {formatShare(lang, tick)}
          </text>
        ))}
        {legend.map((item, i) => {
          const y = legendTop + i * LEGEND_LINE;
          return (
            <g key={item.swatch}>
              {item.swatch === 'target' ? (
                <line x1={PAD + 8} x2={PAD + 8} y1={y - 15} y2={y + 4} stroke={INK} stroke-width="2" stroke-dasharray="4 3" />
              ) : (
                <rect x={PAD} y={y - 13} width="16" height="16" fill={item.swatch === 'below' ? BAR_BELOW : BAR} />
              )}
              <text x={PAD + 24} y={y}>
                {item.text}
              </text>
            </g>
          );
        })}
      </svg>
      {/* Focusable: on a small screen the table scrolls inside itself, and a keyboard must reach it. */}
      <table class="balance-table" tabindex={0}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('balance.columns.group')}</th>
            <th scope="col">{t('balance.columns.members')}</th>
            <th scope="col">{t('balance.columns.share')}</th>
            <th scope="col">{t('balance.columns.target')}</th>
            <th scope="col">{t('balance.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const status = balanceStatus(r, total);
            return (
              <tr key={r.key} data-key={r.key}>
                <th scope="row">{r.label}</th>
                <td class="num">{number.format(r.count)}</td>
                <td class="num">{formatShare(lang, shareOf(r, total))}</td>
                <td class="num">{r.targetShare === null ? t('balance.noTarget') : formatShare(lang, r.targetShare)}</td>
                <td class={`balance-status balance-status--${status}`}>{t(`balance.status.${status}`)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('balance.total')}</th>
            <td class="num">{number.format(total)}</td>
            <td />
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
