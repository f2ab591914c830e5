import { formatDate, type Lang, type T } from '../../platform/i18n/i18n.js';
import type { BlockRow } from '../documents/index.js';
import { createPdf, markdownToPdfBlocks, pdfBuffer, renderPdfBlocks, type PdfBlock } from './report.pdf.js';
import type { FinalReport } from './final-report.service.js';
import type { ConsensusResult, RecommendationDetail } from './recommendations.service.js';
import { recommendationUrl } from './recommendations.presenter.js';

/** A document version's blocks as PDF blocks; consecutive list items make one list. */
export function documentPdfBlocks(blocks: readonly BlockRow[]): PdfBlock[] {
  const out: PdfBlock[] = [];
  for (const b of blocks) {
    const last = out.at(-1);
    if (b.kind === 'list_item') {
      if (last?.kind === 'list') last.items.push(b.plain);
      else out.push({ kind: 'list', items: [b.plain] });
    } else if (b.kind === 'heading') out.push({ kind: 'heading', level: b.level ?? 2, text: b.plain });
    else if (b.kind === 'code' || b.kind === 'table') out.push({ kind: 'code', text: b.plain });
    else if (b.kind !== 'rule') out.push({ kind: 'paragraph', text: b.plain });
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
