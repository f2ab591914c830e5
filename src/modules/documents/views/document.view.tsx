import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { FieldShell, Form, Submit } from '../../../platform/web/components/forms.js';
import type { DocumentPageModel, PeriodBoxModel } from '../documents.page-presenter.js';
import { NamedSentence } from '../../../platform/web/components/person-name.js';
import { Blocks } from './blocks.js';

/** The comment period's box at the top: its state, and links to comment on the whole or read the comments. */
function PeriodBox(props: { ctx: PageCtx; period: PeriodBoxModel }) {
  const { ctx, period: p } = props;
  const { t } = ctx;
  return (
    <aside class="period-box" aria-labelledby="period-box-title">
      <h2 id="period-box-title">{t('documents.margin.general')}</h2>
      <p>{p.state}</p>
      {p.here ? (
        <ul class="inline-list">
          {p.commentPath !== null && (
            <li>
              <a class="button" href={p.commentPath} data-comment-anchor="">
                {t('documents.margin.general')}
              </a>
            </li>
          )}
          {p.all && (
            <li>
              <a href={p.all.path}>{t('documents.margin.all', { count: p.all.count })}</a>
            </li>
          )}
        </ul>
      ) : (
        p.otherVersion && (
          <p>
            {t('documents.margin.otherVersion', { n: p.otherVersion.n })}{' '}
            <a href={p.otherVersion.path}>{t('documents.margin.otherVersionLink', { n: p.otherVersion.n })}</a>
          </p>
        )
      )}
    </aside>
  );
}

/** A version of a document: its blocks with anchors and labels, links to its history, comparisons, translations and downloads. */
export function DocumentView(props: { ctx: PageCtx; model: DocumentPageModel }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${m.title} · v${m.number}`}>
      <Breadcrumb ctx={ctx} trail={[m.processCrumb, { href: m.listPath, label: t('documents.listTitle') }]} current={m.title} currentLang={m.lang} />
      <h1 lang={m.lang}>{m.title}</h1>
      <p class="meta">
        <NamedSentence s={m.versionLine} />{' '}
        {t('documents.statusLine', { status: m.status })} {t('documents.belongsTo', { owner: m.owner })}{' '}
        {m.membersOnly && <span class="badge">{t('documents.membersOnly')}</span>}
      </p>
      {m.currentPath !== null && (
        <div class="notice notice--warning" role="note">
          <p>
            {t('documents.notCurrent', { n: m.number, current: m.count })} <a href={m.currentPath}>{t('documents.readCurrent')}</a>
          </p>
        </div>
      )}
      {m.period && <PeriodBox ctx={ctx} period={m.period} />}
      <nav class="doc-nav" aria-label={t('documents.history')}>
        <ul class="inline-list">
          <li>
            <a href={m.historyPath}>{t('documents.history')}</a>
          </li>
          {m.changeSincePath !== null && (
            <li>
              <a href={m.changeSincePath}>{t('documents.changeSince')}</a>
            </li>
          )}
          {m.translations.map((tr) => (
            <li key={tr.id}>
              <a href={tr.path} hrefLang={tr.lang}>
                {t('documents.translationLink', { lang: tr.langName })}
              </a>
            </li>
          ))}
          {m.sideBySide && (
            <li>
              <a href={m.sideBySide.path}>{t('documents.sideBySide', { lang: m.sideBySide.langName })}</a>
            </li>
          )}
          <li>
            <a href={m.markdownPath} download>
              {t('documents.downloadMarkdown', { n: m.number })}
            </a>
          </li>
          <li>
            <a href={m.printPath}>{t('documents.print', { n: m.number })}</a>
          </li>
          {m.editPath !== null && (
            <li>
              <a class="button" href={m.editPath}>
                {t('documents.edit')}
              </a>
            </li>
          )}
        </ul>
      </nav>
      <section aria-label={t('documents.textOf')}>
        <Blocks ctx={ctx} docLang={m.lang} blocks={m.blocks} withMargin={m.withMargin} />
      </section>
      {m.statusForm && (
        <section aria-labelledby="status-title" class="manage">
          <h2 id="status-title">{t('documents.statusHeading')}</h2>
          <p>{t('documents.statusLine', { status: m.statusForm.current })}</p>
          <Form ctx={ctx} action={m.statusForm.action} class="form">
            <FieldShell name="status" label={t('documents.statusLabel')} hint={t('documents.statusHint')}>
              {(w) => (
                <select id={w.id} name="status" aria-describedby={w.describedBy}>
                  {m.statusForm!.options.map((s) => (
                    <option key={s.value} value={s.value}>
                      {s.label}
                    </option>
                  ))}
                </select>
              )}
            </FieldShell>
            <Submit>{t('documents.statusSubmit')}</Submit>
          </Form>
        </section>
      )}
      {m.inlineComments && <script src="/static/comment-inline.js" defer />}
    </Layout>
  );
}
