import { formatDate, type Lang, type T } from '../../platform/i18n/i18n.js';
import type { BlockRow } from '../documents/index.js';
import { createPdf, pdfBuffer, type PdfBlock } from './report.pdf.js';
import { markdownToPdfBlocks } from './report.pdf-markdown.js';
import { renderPdfBlocks } from './report.pdf-render.js';
import type { FinalReport } from './final-report.service.js';
import type { ConsensusResult, RecommendationDetail } from './recommendations.service.js';
import { recommendationUrl } from './recommendations.presenter.js';

/**
 * A document version's blocks as PDF blocks, from each block's Markdown source so that emphasis
 * and tables survive; consecutive list items (stored one block each) make one list.
 */
export function documentPdfBlocks(blocks: readonly BlockRow[]): PdfBlock[] {
  const out: PdfBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'rule') continue;
    for (const p of markdownToPdfBlocks(b.source)) {
      const last = out.at(-1);
      if (p.kind === 'list' && last?.kind === 'list' && !!last.ordered === !!p.ordered) last.items.push(...p.items);
      else out.push(p);
    }
  }
  return out;
}

/** One recommendation as PDF blocks: number and title, what and who, the text, and its permanent address. */
export function recommendationPdfBlocks(
  d: RecommendationDetail,
  ctx: { t: T; lang: Lang; processSlug: string; baseUrl: string; consensus?: ConsensusResult | undefined },
): PdfBlock[] {
  const { t, lang } = ctx;
  const r = d.row;
  const name = (x: { nameEn: string; nameFr: string }) => (lang === 'fr' ? x.nameFr : x.nameEn);
  const facts = [t('recommendations.priorityLine', { priority: t(`recommendations.priorities.${r.priority}`) })];
  if (d.group) facts.push(t('recommendations.fromGroup', { group: name(d.group) }));
  if (ctx.consensus?.outcome) facts.push(t('recommendations.consensusLine', { outcome: t(`consensus.outcomes.${ctx.consensus.outcome}`) }));
  if (d.addressees.length) facts.push(t('recommendations.addresseesLine', { names: d.addressees.map(name).join(', ') }));
  const url = recommendationUrl(ctx.baseUrl, lang, ctx.processSlug, r.number);
  return [
    { kind: 'heading', level: 2, text: `${r.number}  ${lang === 'fr' ? r.title_fr : r.title_en}` },
    { kind: 'paragraph', text: facts.join(' · '), muted: true },
    ...markdownToPdfBlocks(lang === 'fr' ? r.text_fr : r.text_en),
    { kind: 'paragraph', text: t('recommendations.permanentAddress', { url }), link: url, muted: true },
  ];
}

/**
 * The final report as a PDF: the report's title and publication line, the document's current
 * version, then every recommendation with its permanent address.
 */
export async function finalReportPdf(
  f: FinalReport,
  ctx: { t: T; lang: Lang; processSlug: string; processTitle: string; timeZone: string; baseUrl: string; url: string },
): Promise<Buffer> {
  const { t, lang } = ctx;
  const doc = createPdf({ title: f.version.title, lang });
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: f.version.title },
    {
      kind: 'paragraph',
      text: t('recommendations.report.publishedLine', {
        process: ctx.processTitle,
        date: formatDate(lang, f.report.published_at, ctx.timeZone),
        n: f.version.number,
      }),
      muted: true,
    },
    { kind: 'paragraph', text: ctx.url, link: ctx.url, muted: true },
    ...documentPdfBlocks(f.blocks),
  ];
  if (f.recommendations.length) {
    blocks.push({ kind: 'heading', level: 1, text: t('recommendations.listTitle') });
    for (const d of f.recommendations)
      blocks.push(...recommendationPdfBlocks(d, { ...ctx, consensus: d.row.consensus_call_id ? f.consensus.get(d.row.consensus_call_id) : undefined }));
  }
  renderPdfBlocks(doc, blocks);
  return pdfBuffer(doc);
}
