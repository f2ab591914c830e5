import type { z } from 'zod';
import type { Lang } from '../../platform/i18n/i18n.js';
import { localPath } from '../../platform/web/context.js';
import { documentPath } from '../documents/index.js';
import { callPath } from '../consensus/index.js';
import type { FinalReportOut, RecommendationOut } from './recommendations.schema.js';
import { recommendationPath, type ConsensusResult, type RecommendationDetail } from './recommendations.service.js';
import { finalReportPath, type FinalReport } from './final-report.service.js';

/** The page of a consensus call (the consensus feature's address). */
export function consensusCallPath(processSlug: string, callId: string): string {
  return callPath(processSlug, callId);
}

/** The address of the section a recommendation came from: the anchor's permanent page, or the document. */
export function sectionPath(processSlug: string, section: NonNullable<RecommendationDetail['section']>): string {
  const doc = documentPath(processSlug, section.documentSlug);
  return section.anchor ? `${doc}/anchors/${section.anchor}` : doc;
}

/** A recommendation's permanent address in a language, absolute. */
export function recommendationUrl(baseUrl: string, lang: Lang, processSlug: string, number: string): string {
  return `${baseUrl}${localPath(lang, recommendationPath(processSlug, number))}`;
}

/** The API's view of a recommendation; `consensus` adds the outcome of its call when known. */
export function presentRecommendation(
  d: RecommendationDetail,
  processSlug: string,
  baseUrl: string,
  consensus?: Map<string, ConsensusResult>,
): z.infer<typeof RecommendationOut> {
  const r = d.row;
  return {
    id: r.id,
    number: r.number,
    position: r.position,
    titleEn: r.title_en,
    titleFr: r.title_fr,
    textEn: r.text_en,
    textFr: r.text_fr,
    priority: r.priority,
    group: d.group,
    section: d.section
      ? {
          documentSlug: d.section.documentSlug,
          documentTitle: d.section.documentTitle,
          anchor: d.section.anchor,
          label: d.section.label,
          url: `${baseUrl}${localPath('en', sectionPath(processSlug, d.section))}`,
        }
      : null,
    consensusCall: r.consensus_call_id
      ? {
          id: r.consensus_call_id,
          url: `${baseUrl}${localPath('en', consensusCallPath(processSlug, r.consensus_call_id))}`,
          outcome: consensus?.get(r.consensus_call_id)?.outcome ?? null,
        }
      : null,
    addressees: d.addressees,
    url: recommendationUrl(baseUrl, 'en', processSlug, r.number),
    urlFr: recommendationUrl(baseUrl, 'fr', processSlug, r.number),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The API's view of a published final report. */
export function presentFinalReport(f: FinalReport, processSlug: string, baseUrl: string, lang: Lang): z.infer<typeof FinalReportOut> {
  const url = (suffix: Parameters<typeof finalReportPath>[1]) => `${baseUrl}${localPath(lang, finalReportPath(processSlug, suffix))}`;
  return {
    publishedAt: f.report.published_at.toISOString(),
    document: { id: f.document.id, slug: f.document.slug, lang: f.document.lang, title: f.version.title, versionNumber: f.version.number },
    url: url(''),
    printUrl: url('/print'),
    pdfUrl: url('.pdf'),
    recommendations: f.recommendations.map((d) => presentRecommendation(d, processSlug, baseUrl, f.consensus)),
  };
}
