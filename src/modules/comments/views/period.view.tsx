import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import type { PeriodPageModel } from '../periods.page-presenter.js';
import { WindowLine } from './parts.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/**
 * How many comments have a response: a native progress bar with the numbers in text beside it.
 * Hidden comments await no response, so they are left out of the total (and said so).
 */
function Progress({ p }: { p: PeriodPageModel['progress'] }) {
  return (
    <>
      <p>
        <label for="disposition-progress">{p.label}</label>{' '}
        <progress id="disposition-progress" max={p.max} value={p.value}>
          {p.words}
        </progress>{' '}
        <span>{p.words}</span>
      </p>
      {p.hidden && <p class="hint">{p.hidden}</p>}
    </>
  );
}

/**
 * Comments per paragraph of one covered document, from the maintained counts: each paragraph's
 * label (linked to its comments), the start of its text, so readers see what was commented
 * on without opening the document, and the count.
 */
function PerParagraph({ ctx, doc }: { ctx: PageCtx; doc: PeriodPageModel['perParagraph'][number] }) {
  const { t } = ctx;
  return (
    <ScrollTable class="table" label={doc.caption}>
      <caption>{doc.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('comments.paragraph')}</th>
          <th scope="col">{t('comments.paragraphText')}</th>
          <th scope="col" class="num">
            {t('comments.comments')}
          </th>
        </tr>
      </thead>
      <tbody>
        {doc.rows.map((r) => (
          <tr key={r.anchor}>
            <th scope="row">
              <a href={r.path}>{r.label}</a>
            </th>
            <td class="paragraph-text" lang={r.text ? doc.lang : undefined}>
              {r.text ?? ''}
            </td>
            <td class="num">{r.count}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/**
 * A comment period: what it asks about, its instructions in the reader's language, its
 * window in the zone it was set in with the time left, who may comment, and its counts
 * (maintained as comments arrive, so the page costs the same at any size). Links lead to the
 * public responses (the disposition report) and, for those the policy lets respond, to the
 * editors' queue.
 */
export function PeriodView({ ctx, model: m }: { ctx: PageCtx; model: PeriodPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      <WindowLine window={m.window} />
      <dl class="facts">
        <dt>{t('comments.window')}</dt>
        <dd>{m.zoneNote}</dd>
        <dt>{t('comments.audienceLabel')}</dt>
        <dd>{m.audience}</dd>
        <dt>{t('comments.countLabel')}</dt>
        <dd>{m.count}</dd>
      </dl>
      <Progress p={m.progress} />
      <h2>{t('comments.coveredHeading')}</h2>
      <ul>
        {m.covered.map((c) => (
          <li key={c.id}>
            <a href={c.path} lang={c.lang}>
              {c.title}
            </a>{' '}
            — {c.note}
          </li>
        ))}
      </ul>
      {m.instructions && (
        <>
          <h2>{t('comments.instructionsHeading')}</h2>
          {m.instructions.otherLanguage && <p class="hint">{t('comments.instructionsOtherLanguage')}</p>}
          <div lang={m.instructions.lang}>
            <Markdown source={m.instructions.text} />
          </div>
        </>
      )}
      <div class="actions">
        {m.commentPath && (
          <a class="button" href={m.commentPath}>
            {t('comments.commentGeneral')}
          </a>
        )}
        <a href={m.commentsPath}>{t('comments.readComments')}</a>
        <a href={m.reportPath}>{t('comments.responsesReportLink')}</a>
        {m.respondPath && <a href={m.respondPath}>{t('comments.respondQueueLink')}</a>}
        <a href={m.csvPath}>{t('comments.exportCsv')}</a>
        <a href={m.jsonPath}>{t('comments.exportJson')}</a>
        {m.moderationPath && <a href={m.moderationPath}>{t('comments.moderationLink')}</a>}
        {m.campaignsPath && <a href={m.campaignsPath}>{t('comments.campaignsLink')}</a>}
      </div>
      <h2>{t('comments.perParagraph')}</h2>
      {m.perParagraph.length === 0 ? <p>{t('comments.noneYet')}</p> : m.perParagraph.map((doc) => <PerParagraph key={doc.documentId} ctx={ctx} doc={doc} />)}
    </Layout>
  );
}
