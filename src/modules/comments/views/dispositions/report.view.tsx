import type { PageCtx } from '../../../../platform/web/context.js';
import { localPath } from '../../../../platform/web/context.js';
import { Layout } from '../../../../platform/web/layout.js';
import { Breadcrumb } from '../../../../platform/web/components/breadcrumb.js';
import { formatNumber } from '../../../../platform/i18n/i18n.js';
import type { Process } from '../../../processes/index.js';
import type { DocumentReport, ParagraphReport, Report } from '../../dispositions.report.js';
import { periodBase } from '../../dispositions.presenter.js';
import { OUTCOMES } from '../../dispositions.schema.js';
import { DispositionProgress, toAnswer } from './progress.js';
import { CommentBody, ResponseBlock } from './parts.js';

/** Who sent a group's copies: the first names, then how many others. */
function names(ctx: PageCtx, list: string[], size: number): string {
  const shown = list.join(', ');
  const others = size - list.length;
  return others > 0 ? `${shown} ${ctx.t('dispositions.report.andOthers', { count: others })}` : shown;
}

/** One paragraph: its label and excerpt, counts by outcome, its first comments with their responses. */
function Paragraph(props: { ctx: PageCtx; process: Process; report: Report; doc: DocumentReport; p: ParagraphReport }) {
  const { ctx, process, report, doc, p } = props;
  const { t, lang } = ctx;
  const id = `p-${doc.document.id}-${p.anchor || 'general'}`;
  const listing = `${localPath(lang, `${periodBase(process.slug, report.period.id)}/comments`)}?${new URLSearchParams({ document: doc.document.slug, anchor: p.anchor || 'general' }).toString()}`;
  const counted = OUTCOMES.filter((o) => (p.counts[o] ?? 0) > 0);
  return (
    <section aria-labelledby={id} class="report-paragraph">
      <h3 id={id}>{p.anchor ? t('dispositions.report.paragraph', { label: p.label }) : t('dispositions.report.general')}</h3>
      {p.excerpt && (
        <blockquote lang={doc.document.lang} class="excerpt">
          <p>{p.excerpt}</p>
        </blockquote>
      )}
      <p>
        <strong>{t('dispositions.report.total', { count: p.total })}</strong>
      </p>
      <ul class="inline-list" aria-label={t('dispositions.report.counts')}>
        {counted.map((o) => (
          <li key={o}>
            {t(`dispositions.outcomes.${o}`)}: {formatNumber(lang, p.counts[o] ?? 0)}
          </li>
        ))}
        {p.awaiting > 0 && (
          <li>
            {t('dispositions.report.awaiting')}: {formatNumber(lang, p.awaiting)}
          </li>
        )}
      </ul>
      <ol class="report-entries">
        {p.entries.map((e) => (
          <li key={e.id}>
            <article aria-labelledby={`e-${e.id}`}>
              <h4 id={`e-${e.id}`}>
                {e.status === 'hidden' ? t('dispositions.report.commentHidden', { receipt: e.receipt }) : t('dispositions.report.comment', { receipt: e.receipt, name: e.display_name })}
              </h4>
              {e.group_size > 1 && (
                <p class="meta">{t('dispositions.report.duplicates', { count: e.group_size, names: names(ctx, report.names.get(e.group_id) ?? [], e.group_size) })}</p>
              )}
              <CommentBody ctx={ctx} e={e} timeZone={report.period.time_zone} />
              <ResponseBlock ctx={ctx} e={e} processSlug={process.slug} versions={report.versions} labels={report.labels} />
            </article>
          </li>
        ))}
      </ol>
      <p>
        <a href={listing}>{t('dispositions.report.seeAll', { count: p.total })}</a>
      </p>
    </section>
  );
}

/**
 * The public disposition-of-comments report: per document, the commented paragraphs in
 * document order, then the general comments; each with counts by outcome and its first
 * comments and responses (the listing and the downloads have every one).
 */
export function ReportView(props: { ctx: PageCtx; process: Process; report: Report; canRespond: boolean }) {
  const { ctx, process, report } = props;
  const { t, lang } = ctx;
  const base = periodBase(process.slug, report.period.id);
  const title = t('dispositions.report.title');
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, base), label: report.documents[0]?.document.title ?? '' }]} current={title} />
      <h1>{title}</h1>
      <p>{t('dispositions.report.intro')}</p>
      <DispositionProgress disposed={report.period.disposed_count} total={toAnswer(report.period)} lang={lang} />
      <p>
        {t('dispositions.report.downloads')}{' '}
        <a href={localPath(lang, `${base}/report.csv`)} download>
          {t('dispositions.report.csv')}
        </a>
        {' · '}
        <a href={localPath(lang, `${base}/report.json`)}>{t('dispositions.report.json')}</a>
      </p>
      {props.canRespond && (
        <p>
          <a href={localPath(lang, `${base}/responses`)}>{t('dispositions.report.queue')}</a>
        </p>
      )}
      {report.documents.map((doc) => (
        <section key={doc.document.id} aria-labelledby={`d-${doc.document.id}`}>
          <h2 id={`d-${doc.document.id}`}>
            {t('dispositions.report.documentHeading', { title: doc.document.title, version: doc.version.number })}
          </h2>
          {doc.paragraphs.length === 0 ? (
            <p>{t('dispositions.report.none')}</p>
          ) : (
            doc.paragraphs.map((p) => <Paragraph key={p.anchor} ctx={ctx} process={process} report={report} doc={doc} p={p} />)
          )}
        </section>
      ))}
    </Layout>
  );
}
