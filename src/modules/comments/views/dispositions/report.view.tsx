import { Fragment } from 'preact';
import type { PageCtx } from '../../../../platform/web/context.js';
import { Layout } from '../../../../platform/web/layout.js';
import { Breadcrumb } from '../../../../platform/web/components/breadcrumb.js';
import type { DuplicatesModel, ReportPageModel, ReportParagraphModel } from '../../dispositions.page-presenter.js';
import { NamedSentence, PersonName } from '../../../../platform/web/components/person-name.js';
import { DispositionProgress } from './progress.js';
import { CommentBody, ResponseBlock } from './parts.js';

/** "Sent 3 times, by A, B and 1 other", each name with its staff badge. */
function Duplicates({ d }: { d: DuplicatesModel }) {
  return (
    <>
      {d.before}
      {d.people.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && ', '}
          <PersonName p={p} />
        </Fragment>
      ))}
      {d.others && ` ${d.others}`}
      {d.after}
    </>
  );
}

/** One paragraph: its label and excerpt, counts by outcome, its first comments with their responses. */
function Paragraph({ ctx, p }: { ctx: PageCtx; p: ReportParagraphModel }) {
  const { t } = ctx;
  return (
    <section aria-labelledby={p.id} class="report-paragraph">
      <h3 id={p.id}>{p.heading}</h3>
      {p.excerpt && (
        <blockquote lang={p.excerpt.lang} class="excerpt">
          <p>{p.excerpt.text}</p>
        </blockquote>
      )}
      <p>
        <strong>{p.total}</strong>
      </p>
      <ul class="inline-list" aria-label={t('dispositions.report.counts')}>
        {p.counts.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <ol class="report-entries">
        {p.entries.map((e) => (
          <li key={e.id}>
            <article aria-labelledby={`e-${e.id}`}>
              <h4 id={`e-${e.id}`}>
                <NamedSentence s={e.heading} />
              </h4>
              {e.duplicates && (
                <p class="meta">
                  <Duplicates d={e.duplicates} />
                </p>
              )}
              {e.campaign && (
                <p class="meta">
                  <a href={e.campaign.path}>{e.campaign.label}</a>
                </p>
              )}
              <CommentBody body={e.body} />
              <ResponseBlock ctx={ctx} response={e.response} />
            </article>
          </li>
        ))}
      </ol>
      <p>
        <a href={p.seeAll.path}>{p.seeAll.label}</a>
      </p>
    </section>
  );
}

/**
 * The table of contents: in-page links to each document's section and each paragraph's, so a
 * long report can be read from where one's interest lies (plain links: no script needed).
 */
function Contents({ ctx, contents }: { ctx: PageCtx; contents: ReportPageModel['contents'] }) {
  if (contents.every((d) => d.paragraphs.length === 0)) return null;
  return (
    <nav class="toc" aria-labelledby="report-contents">
      <h2 id="report-contents">{ctx.t('dispositions.report.contents')}</h2>
      <ol>
        {contents.map((d) => (
          <li key={d.href}>
            <a href={d.href}>{d.label}</a>
            {d.paragraphs.length > 0 && (
              <ol>
                {d.paragraphs.map((p) => (
                  <li key={p.href}>
                    <a href={p.href}>{p.label}</a>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The public disposition-of-comments report: a table of contents, then per document the
 * commented paragraphs in document order, then the general comments; each with counts by
 * outcome and its first comments and responses (the listing and the downloads have every one).
 */
export function ReportView({ ctx, model: m }: { ctx: PageCtx; model: ReportPageModel }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      <p>{t('dispositions.report.intro')}</p>
      <DispositionProgress disposed={m.progress.disposed} total={m.progress.total} lang={lang} />
      <p>
        {t('dispositions.report.downloads')}{' '}
        <a href={m.csvPath} download>
          {t('dispositions.report.csv')}
        </a>
        {' · '}
        <a href={m.jsonPath}>{t('dispositions.report.json')}</a>
      </p>
      {m.queuePath && (
        <p>
          <a href={m.queuePath}>{t('dispositions.report.queue')}</a>
        </p>
      )}
      <Contents ctx={ctx} contents={m.contents} />
      {m.documents.map((doc) => (
        <section key={doc.id} aria-labelledby={doc.id}>
          <h2 id={doc.id}>{doc.heading}</h2>
          {doc.paragraphs.length === 0 ? <p>{t('dispositions.report.none')}</p> : doc.paragraphs.map((p) => <Paragraph key={p.id} ctx={ctx} p={p} />)}
        </section>
      ))}
    </Layout>
  );
}
