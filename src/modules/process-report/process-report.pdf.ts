import { formatDate, formatDateTime, formatNumber, type Lang, type T } from '../../platform/i18n/i18n.js';
import { localPath } from '../../platform/web/context.js';
import { formatShare } from '../../platform/web/components/balance-chart.js';
import { createPdf, pdfBuffer, renderPdfBlocks, type PdfBlock } from '../recommendations/index.js';
import type { Figure, ProcessReport } from './process-report.schema.js';

/** What the PDF needs besides the report: words, where links point, the process's zone. */
export interface PdfCtx {
  t: T;
  lang: Lang;
  baseUrl: string;
  timeZone: string;
  url: string;
}

const STANCES = ['support', 'live_with', 'stand_aside', 'object'] as const;

/**
 * Rows (the first is the header) as a PDF table; a column whose every cell is a number (or a
 * dash for none) is right-aligned, so figures line up on paper.
 * @example tableBlock([['Group', 'Members'], ['Academia', '2']]) // { kind: 'table', header: ['Group', 'Members'], rows: [['Academia', '2']], numeric: [false, true] }
 */
export function tableBlock(rows: string[][]): Extract<PdfBlock, { kind: 'table' }> {
  const [header = [], ...body] = rows;
  const isNumber = (s: string) => /^[\d\s\u202f\u00a0,.%—-]+$/.test(s);
  return { kind: 'table', header, rows: body, numeric: header.map((_, i) => i > 0 && body.length > 0 && body.every((r) => isNumber(r[i] ?? ''))) };
}

/** The report as PDF blocks: each section's figures as tables, then every link as a URL. */
export function reportPdfBlocks(r: ProcessReport, ctx: PdfCtx): PdfBlock[] {
  const { t, lang } = ctx;
  const n = (x: number) => formatNumber(lang, x);
  const colon = lang === 'fr' ? '\u00a0: ' : ': ';
  const url = (href: string) => `${ctx.baseUrl}${localPath(lang, href)}`;
  const d = (iso: string) => formatDate(lang, new Date(iso), ctx.timeZone);
  const out: PdfBlock[] = [
    { kind: 'heading', level: 1, text: t('processReport.heading', { process: r.process.title }) },
    { kind: 'paragraph', text: t('processReport.intro') },
    { kind: 'paragraph', text: t('processReport.generated', { date: formatDateTime(lang, new Date(r.generatedAt), ctx.timeZone) }), muted: true },
    { kind: 'paragraph', text: ctx.url, link: ctx.url, muted: true },
  ];
  /** A table, then its sources: one line per link, the label and its address. */
  const table = (rows: string[][], links: [string, string][]) => {
    out.push(tableBlock(rows));
    const seen = new Set<string>();
    for (const [label, href] of links) {
      const u = url(href);
      if (seen.has(`${label}|${u}`)) continue;
      seen.add(`${label}|${u}`);
      out.push({ kind: 'paragraph', text: `${label} — ${u}`, link: u, muted: true });
    }
  };
  const figRows = (rows: [string, Figure][]) =>
    table(
      rows.map(([l, f]) => [l, n(f.value)]),
      rows.map(([l, f]) => [l, f.href]),
    );
  const h = (level: number, text: string) => out.push({ kind: 'heading', level, text });
  const P = (k: string) => t(`processReport.${k}`);

  const p = r.participation;
  h(2, P('participation.title'));
  figRows([
    [P('participation.members'), p.members],
    [P('participation.organisations'), p.organisations],
  ]);
  table(
    [
      [P('participation.group'), P('participation.members'), P('participation.share'), P('participation.target'), P('participation.status')],
      ...p.groups.map((g) => [
        g.name,
        n(g.members.value),
        formatShare(lang, g.share),
        g.targetShare === null ? P('participation.noTarget') : formatShare(lang, g.targetShare),
        t(`processReport.participation.statuses.${g.status}`),
      ]),
    ],
    p.groups.map((g) => [g.name, g.members.href]),
  );

  const m = r.meetings;
  h(2, P('meetings.title'));
  figRows([
    [P('meetings.held'), m.held],
    [P('meetings.upcoming'), m.upcoming],
    [P('meetings.attendance'), m.attendance],
  ]);
  h(3, P('meetings.byGroupCaption'));
  table([[P('participation.group'), P('meetings.attendance')], ...m.attendanceByGroup.map((g) => [g.name, n(g.attendances)])], []);
  if (m.items.length) {
    h(3, P('meetings.listCaption'));
    table(
      [
        [P('meetings.date'), P('meetings.state'), P('meetings.attendees'), P('meetings.meeting')],
        ...m.items.map((x) => [d(x.startsAt), t(`processReport.meetings.states.${x.state}`), x.state === 'held' ? n(x.attendees.value) : '—', x.title]),
      ],
      m.items.map((x) => [x.title, x.attendees.href]),
    );
  }

  const i = r.input;
  h(2, P('input.title'));
  figRows([
    [P('input.calls'), i.calls],
    [P('input.accepted'), i.accepted],
  ]);
  for (const c of i.items) {
    h(3, c.title);
    out.push({
      kind: 'paragraph',
      text: `${t(`processReport.input.states.${c.state}`)} · ${P('input.accepted')}${colon}${n(c.accepted.value)} — ${url(c.href)}`,
      link: url(c.href),
      muted: true,
    });
    if (c.reports.length)
      out.push({
        kind: 'list',
        items: c.reports.map(
          (s) => `${s.title}${s.organisation ? ` ${t('processReport.input.from', { organisation: s.organisation })}` : ''} — ${url(s.href)}`,
        ),
      });
  }

  h(2, P('comments.title'));
  if (r.comments.periods.length === 0) out.push({ kind: 'paragraph', text: P('none') });
  for (const c of r.comments.periods) {
    h(3, t('processReport.comments.period', { documents: c.documents.join(', ') }));
    out.push({ kind: 'paragraph', text: t('processReport.comments.window', { opens: d(c.opensAt), closes: d(c.closesAt) }), muted: true });
    figRows([
      [P('comments.received'), c.comments],
      [P('comments.distinct'), c.distinct],
      [P('comments.hidden'), c.hidden],
      [P('comments.answered'), c.answered],
      [P('comments.awaiting'), { value: c.awaiting, href: c.reportHref }],
      ...c.byOutcome.map((o): [string, Figure] => [t('processReport.comments.outcome', { outcome: t(`dispositions.outcomes.${o.outcome}`) }), o.count]),
    ]);
  }

  h(2, P('consensus.title'));
  if (r.consensus.calls.length === 0) out.push({ kind: 'paragraph', text: P('none') });
  for (const c of r.consensus.calls) {
    h(3, c.question);
    const outcome = c.outcome ? t('processReport.consensus.outcome', { outcome: t(`consensus.outcomes.${c.outcome}`) }) : P('consensus.noOutcome');
    out.push({ kind: 'paragraph', text: `${outcome} — ${url(c.href)}`, link: url(c.href), muted: true });
    for (const o of c.options) {
      out.push({ kind: 'paragraph', text: t('processReport.consensus.option', { label: o.label }) });
      const row = (name: string, s: ProcessReport['consensus']['calls'][number]['options'][number]['totals']) => [
        name,
        ...STANCES.map((k) => n(s[k])),
        n(s.noResponse),
      ];
      table(
        [
          [P('consensus.group'), ...STANCES.map((k) => t(`consensus.stances.${k}`)), t('consensus.results.noResponse')],
          ...o.groups.map((g) => row(g.name, g)),
          row(P('consensus.total'), o.totals),
        ],
        [],
      );
    }
  }

  const k = r.recommendations;
  h(2, P('recommendations.title'));
  figRows([
    [P('recommendations.count'), k.count],
    [P('recommendations.withOwner'), k.withOwner],
    [P('recommendations.done'), k.done],
    [P('recommendations.late'), k.late],
  ]);
  for (const x of k.items) {
    h(3, `${x.number}  ${x.title}`);
    const consensus = x.consensusOutcome ? t(`consensus.outcomes.${x.consensusOutcome}`) : P('recommendations.noOutcome');
    out.push({
      kind: 'paragraph',
      text: `${P('recommendations.consensus')}${colon}${consensus} · ${P('recommendations.actions')}${colon}${n(x.actions.value)}`,
    });
    out.push({ kind: 'paragraph', text: `${x.title} — ${url(x.href)}`, link: url(x.href), muted: true });
    out.push({ kind: 'paragraph', text: `${P('recommendations.trackerLink')} — ${url(x.trackerHref)}`, link: url(x.trackerHref), muted: true });
  }
  return out;
}

/** The process report as a PDF (A4, DejaVu embedded, through the recommendations feature's PDF helpers). */
export async function processReportPdf(r: ProcessReport, ctx: PdfCtx): Promise<Buffer> {
  const doc = createPdf({ title: ctx.t('processReport.heading', { process: r.process.title }), lang: ctx.lang });
  renderPdfBlocks(doc, reportPdfBlocks(r, ctx));
  return pdfBuffer(doc);
}
