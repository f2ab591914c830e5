import { pick } from '../../../platform/i18n/pick.js';
import { LOCALES, type Lang, type T } from '../../../platform/i18n/i18n.js';
import { groupSize, supportBreadth, type OptionResults, type StanceCounts } from '../consensus.results.js';
import { STANCES } from '../consensus.schema.js';

/**
 * Results of one option by stakeholder group: a stacked bar per group (stances, then the
 * members who did not respond) drawn to one scale, and the same numbers as a table beside it
 * (the pattern of web/components/balance-chart.tsx: the SVG has a title and a description
 * that says everything; screen readers read the table). Colours keep 3:1 against white and
 * never carry meaning alone: every bar's line of text gives its numbers.
 */

/** The columns of the chart and table, in order. */
const PARTS = [...STANCES, 'noResponse'] as const satisfies readonly (keyof StanceCounts)[];
const COLOURS: Record<(typeof PARTS)[number], string> = {
  support: '#1a7f37', // 5.1:1
  live_with: '#0b5394', // 7.9:1
  stand_aside: '#8a5a00', // 5.6:1
  object: '#b3261e', // 6.5:1
  noResponse: '#6b7280', // 4.8:1
};
const INK = '#1b1f24';
const TRACK = '#f3f5f8';
const WIDTH = 640;
const PAD = 8;
const PLOT = WIDTH - 2 * PAD;
const ROW = 58;
const BAR_TOP = 26;
const BAR_HEIGHT = 18;
const LEGEND_LINE = 24;

/** The label of a stance or of "no response" in the reader's language. */
export const partLabel = (t: T, part: (typeof PARTS)[number]) => (part === 'noResponse' ? t('consensus.results.noResponse') : t(`consensus.stances.${part}`));

/** One line saying a group's numbers, e.g. "Government: 3 support, 1 object, 2 no response". */
function line(t: T, lang: Lang, label: string, c: StanceCounts): string {
  const n = new Intl.NumberFormat(LOCALES[lang]);
  const parts = PARTS.filter((p) => c[p] > 0).map((p) => `${n.format(c[p])} ${partLabel(t, p).toLocaleLowerCase(LOCALES[lang])}`);
  return t('consensus.results.line', { label, counts: parts.length ? parts.join(', ') : t('consensus.results.nobody') });
}

/** About the width of a character at the chart's 16-unit font (a generous average for text of mixed case). */
const CHAR_WIDTH = 8.2;

/**
 * A line of text that never runs past the plot: a long line ("Technical community: 5 support,
 * 5 can live with it, 2 stand aside, 12 no response") is narrowed to fit rather than cut off.
 */
function FittedText(props: { x: number; y: number; text: string }) {
  const tooLong = props.text.length * CHAR_WIDTH > PLOT;
  return (
    <text x={props.x} y={props.y} {...(tooLong ? { textLength: PLOT, lengthAdjust: 'spacingAndGlyphs' } : {})}>
      {props.text}
    </text>
  );
}

/** The chart and its table for one option. Give each chart on a page its own id. */
export function ResultsChart(props: { id: string; caption: string; lang: Lang; t: T; results: OptionResults }) {
  const { id, caption, lang, t, results } = props;
  const number = new Intl.NumberFormat(LOCALES[lang]);
  const name = (g: { nameEn: string; nameFr: string }) => (pick(lang, g, 'name'));
  const rows = results.groups;
  const max = Math.max(1, ...rows.map(groupSize));
  const scale = (n: number) => (n / max) * PLOT;
  const summary = [line(t, lang, t('consensus.results.total'), results.totals), ...rows.map((g) => line(t, lang, name(g), g))].join(' ');
  const plotHeight = rows.length * ROW;
  const legendTop = PAD + plotHeight + 24;
  const height = legendTop + PARTS.length * LEGEND_LINE;
  return (
    <div class="balance">
      <svg class="balance__chart" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} font-size="16" fill={INK}>
        <title id={`${id}-title`}>{caption}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {rows.map((g, i) => {
          const top = PAD + i * ROW;
          let x = PAD;
          return (
            <g key={g.stakeholderGroupId}>
              <FittedText x={PAD} y={top + 18} text={line(t, lang, name(g), g)} />
              <rect x={PAD} y={top + BAR_TOP} width={PLOT} height={BAR_HEIGHT} fill={TRACK} />
              {PARTS.filter((p) => g[p] > 0).map((p) => {
                const w = scale(g[p]);
                const rect = <rect key={p} x={x} y={top + BAR_TOP} width={Math.max(0, w - 1)} height={BAR_HEIGHT} fill={COLOURS[p]} />;
                x += w;
                return rect;
              })}
            </g>
          );
        })}
        {PARTS.map((p, i) => {
          const y = legendTop + i * LEGEND_LINE;
          return (
            <g key={p}>
              <rect x={PAD} y={y - 13} width="16" height="16" fill={COLOURS[p]} />
              <text x={PAD + 24} y={y}>
                {partLabel(t, p)}
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
            <th scope="col">{t('consensus.results.group')}</th>
            {PARTS.map((p) => (
              <th scope="col" key={p}>
                {partLabel(t, p)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.stakeholderGroupId} data-key={g.key}>
              <th scope="row">{name(g)}</th>
              {PARTS.map((p) => (
                <td class="num" key={p}>
                  {number.format(g[p])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('consensus.results.total')}</th>
            {PARTS.map((p) => (
              <td class="num" key={p}>
                {number.format(results.totals[p])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
      <Breadth lang={lang} t={t} results={results} />
    </div>
  );
}

/** "Accepted in 4 of 6 stakeholder groups; in none of: …", so one-group support shows for what it is. */
function Breadth(props: { lang: Lang; t: T; results: OptionResults }) {
  const { lang, t } = props;
  const b = supportBreadth(props.results);
  if (b.counted === 0) return null;
  const names = b.without.map((g) => (pick(lang, g, 'name'))).join(', ');
  return (
    <p class={b.without.length ? 'notice notice--warning' : 'meta'}>
      {t('consensus.results.breadth', { accepting: b.accepting, counted: b.counted })}
      {b.without.length > 0 && ` ${t('consensus.results.breadthWithout', { names })}`}
    </p>
  );
}
