import { pickOrOther } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import { formatNumber } from '../../../platform/i18n/i18n.js';
import { can } from '../../../platform/auth/policies.js';
import type { Process } from '../../processes/index.js';
import { processCrumb } from '../../processes/index.js';
import { periodPath, periodState, type Paragraph, type PeriodDetail } from '../periods.service.js';
import { CoveredList, DispositionProgress, WindowLine, periodTitle, type ParagraphMaps } from './parts.js';

/** Comments per paragraph of one covered document, from the maintained counts. */
export interface DocumentCounts {
  documentId: string;
  counts: Map<string, number>;
}

/**
 * A comment period: what it asks about, its instructions in the reader's language, its
 * window in the zone it was set in with the time left, who may comment, and its counts
 * (maintained as comments arrive, so the page costs the same at any size). Links lead to the
 * public responses (the disposition report) and, for those the policy lets respond
 * (`canRespond`: comment.dispose in the period's scope), to the editors' queue.
 */
export function PeriodView(props: { ctx: PageCtx; process: Process; d: PeriodDetail; counts: DocumentCounts[]; paragraphs: ParagraphMaps; now: Date; canRespond: boolean }) {
  const { ctx, process, d } = props;
  const { t, lang } = ctx;
  const p = d.period;
  const base = periodPath(process.slug, p.id);
  const title = periodTitle(ctx, d);
  // Instructions written in one language only are shown to the other language's readers too,
  // marked with their language, rather than not at all.
  const { text: instructions, lang: instructionsLang } = pickOrOther(lang, p, 'instructions');
  const open = periodState(p, props.now) === 'open';
  const scope = { processId: process.id };
  const first = d.documents.find((x) => x.document.lang === lang) ?? d.documents[0]!;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[processCrumb(lang, process), { href: localPath(lang, `/processes/${process.slug}/comment-periods`), label: t('comments.periodsTitle') }]} current={title} />
      <h1>{title}</h1>
      <WindowLine ctx={ctx} d={d} now={props.now} />
      <dl class="facts">
        <dt>{t('comments.window')}</dt>
        <dd>{t('comments.zoneNote', { zone: p.time_zone })}</dd>
        <dt>{t('comments.audienceLabel')}</dt>
        <dd>{t(`comments.audiences.${p.audience}`)}</dd>
        <dt>{t('comments.countLabel')}</dt>
        <dd>{t('comments.count', { count: p.comment_count, n: formatNumber(lang, p.comment_count) })}</dd>
      </dl>
      <DispositionProgress ctx={ctx} d={d} />
      <h2>{t('comments.coveredHeading')}</h2>
      <CoveredList ctx={ctx} slug={process.slug} d={d} />
      {instructions && (
        <>
          <h2>{t('comments.instructionsHeading')}</h2>
          {instructionsLang !== lang && <p class="hint">{t('comments.instructionsOtherLanguage')}</p>}
          <div lang={instructionsLang}>
            <Markdown source={instructions} />
          </div>
        </>
      )}
      <div class="actions">
        {open && (
          <a class="button" href={localPath(lang, `${base}/comments/new?document=${encodeURIComponent(first.document.slug)}`)}>
            {t('comments.commentGeneral')}
          </a>
        )}
        <a href={localPath(lang, `${base}/comments`)}>{t('comments.readComments')}</a>
        <a href={localPath(lang, `${base}/report`)}>{t('comments.responsesReportLink')}</a>
        {props.canRespond && <a href={localPath(lang, `${base}/responses`)}>{t('comments.respondQueueLink')}</a>}
        <a href={`${localPath(lang, base)}/comments.csv`}>{t('comments.exportCsv')}</a>
        <a href={`${localPath(lang, base)}/comments.json`}>{t('comments.exportJson')}</a>
        {can(ctx.actor, 'comment.moderate', scope) && <a href={localPath(lang, `${base}/moderation`)}>{t('comments.moderationLink')}</a>}
      </div>
      <h2>{t('comments.perParagraph')}</h2>
      {props.counts.every((c) => c.counts.size === 0) ? (
        <p>{t('comments.noneYet')}</p>
      ) : (
        props.counts.map((dc) => {
          const covered = d.documents.find((x) => x.document.id === dc.documentId);
          if (!covered || dc.counts.size === 0) return null;
          const paragraphs = props.paragraphs.get(dc.documentId) ?? new Map<string, Paragraph>();
          // Paragraphs in document order, then general comments.
          const rows = [...paragraphs.keys()].filter((a) => dc.counts.has(a)).map((a) => ({ anchor: a, label: paragraphs.get(a)!.label, n: dc.counts.get(a)! }));
          if (dc.counts.has('')) rows.push({ anchor: 'general', label: t('comments.general'), n: dc.counts.get('')! });
          return (
            <table class="table" key={dc.documentId}>
              <caption>{t('comments.perParagraphCaption', { title: covered.version.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('comments.paragraph')}</th>
                  <th scope="col" class="num">
                    {t('comments.comments')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.anchor}>
                    <th scope="row">
                      <a href={localPath(lang, `${base}/comments?document=${encodeURIComponent(covered.document.slug)}&anchor=${encodeURIComponent(r.anchor)}`)}>{r.label}</a>
                    </th>
                    <td class="num">{formatNumber(lang, r.n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })
      )}
    </Layout>
  );
}
