import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { FieldShell, Form, Submit } from '../../../platform/web/components/forms.js';
import { can } from '../../../platform/auth/policies.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { formatInstant } from '../../../platform/time/zoned.js';
import { timeLeftWords } from '../../../platform/time/time-left.js';
import type { Process } from '../../processes/index.js';
import { processCrumb } from '../../processes/index.js';
import type { DocumentPage } from '../documents.reading.js';
import { STATUS_ORDER, documentPath } from '../documents.service.js';
import { Blocks, commentLinks } from './blocks.js';
import { langName, ownerName } from './common.js';

/** The comment period's box at the top: its state, and links to comment on the whole or read the comments. */
function PeriodBox(props: { ctx: PageCtx; process: Process; page: DocumentPage; here: boolean }) {
  const { ctx, process, page } = props;
  const { t, lang } = ctx;
  const m = page.margin!;
  // In the period's own zone, named in the text ("… 5:00:00 p.m. EDT"), as the period page
  // shows it: the process's zone can differ from the one the period was announced in.
  const when = (d: Date) => formatInstant(lang, d, m.timeZone);
  const left = m.left ? timeLeftWords(t, m.left) : '';
  const links = commentLinks(lang, process.slug, page.doc.slug, m.periodId, null);
  const state =
    m.state === 'open'
      ? t('documents.margin.open', { closes: when(m.closesAt), left })
      : m.state === 'upcoming'
        ? t('documents.margin.upcoming', { opens: when(m.opensAt), left })
        : t('documents.margin.closed', { closes: when(m.closesAt) });
  return (
    <aside class="period-box" aria-labelledby="period-box-title">
      <h2 id="period-box-title">{t('documents.margin.general')}</h2>
      <p>{state}</p>
      {props.here ? (
        <ul class="inline-list">
          {m.state === 'open' && (
            <li>
              <a class="button" href={links.create} data-comment-anchor="">
                {t('documents.margin.general')}
              </a>
            </li>
          )}
          {m.total > 0 && (
            <li>
              <a href={localPath(lang, `/processes/${process.slug}/comment-periods/${m.periodId}/comments?document=${encodeURIComponent(page.doc.slug)}`)}>
                {t('documents.margin.all', { count: m.total })}
              </a>
            </li>
          )}
        </ul>
      ) : (
        page.marginVersion !== null && (
          <p>
            {t('documents.margin.otherVersion', { n: page.marginVersion })}{' '}
            <a href={localPath(lang, `${documentPath(process.slug, page.doc.slug)}/versions/${page.marginVersion}`)}>
              {t('documents.margin.otherVersionLink', { n: page.marginVersion })}
            </a>
          </p>
        )
      )}
    </aside>
  );
}

/** A version of a document: its blocks with anchors and labels, links to its history, comparisons, translations and downloads. */
export function DocumentView(props: { ctx: PageCtx; process: Process; page: DocumentPage }) {
  const { ctx, process, page } = props;
  const { t, lang } = ctx;
  const { doc, version } = page;
  const base = documentPath(process.slug, doc.slug);
  const isCurrent = version.number === doc.version_count;
  const scope = { processId: doc.process_id, groupId: doc.group_id ?? undefined };
  const mayEdit = can(ctx.actor, 'document.edit', scope);
  const marginHere = page.margin !== null && page.margin.versionId === version.id;
  const nextStatuses = STATUS_ORDER.slice(STATUS_ORDER.indexOf(doc.status) + 1);
  return (
    <Layout ctx={ctx} title={`${version.title} · v${version.number}`}>
      <Breadcrumb ctx={ctx} trail={[processCrumb(lang, process), { href: localPath(lang, `/processes/${process.slug}/documents`), label: t('documents.listTitle') }]} current={version.title} currentLang={doc.lang} />
      <h1 lang={doc.lang}>{version.title}</h1>
      <p class="meta">
        {t('documents.versionLine', {
          n: version.number,
          count: doc.version_count,
          date: formatDateTime(lang, version.created_at, process.timezone),
          author: version.author_name ?? t('documents.unknownAuthor'),
        })}{' '}
        {t('documents.statusLine', { status: t(`documents.statuses.${doc.status}`) })} {t('documents.belongsTo', { owner: ownerName(ctx, doc, page.groups) })}{' '}
        {doc.members_only && <span class="badge">{t('documents.membersOnly')}</span>}
      </p>
      {!isCurrent && (
        <div class="notice notice--warning" role="note">
          <p>
            {t('documents.notCurrent', { n: version.number, current: doc.version_count })} <a href={localPath(lang, base)}>{t('documents.readCurrent')}</a>
          </p>
        </div>
      )}
      {page.margin && (isCurrent || marginHere) && <PeriodBox ctx={ctx} process={process} page={page} here={marginHere} />}
      <nav class="doc-nav" aria-label={t('documents.history')}>
        <ul class="inline-list">
          <li>
            <a href={localPath(lang, `${base}/versions`)}>{t('documents.history')}</a>
          </li>
          {version.number > 1 && (
            <li>
              <a href={localPath(lang, `${base}/compare?from=${version.number - 1}&to=${version.number}`)}>{t('documents.changeSince')}</a>
            </li>
          )}
          {page.translations.map((tr) => (
            <li key={tr.id}>
              <a href={localPath(lang, documentPath(process.slug, tr.slug))} hrefLang={tr.lang}>
                {t('documents.translationLink', { lang: langName(ctx, tr.lang) })}
              </a>
            </li>
          ))}
          {page.translations.length > 0 && (
            <li>
              <a href={localPath(lang, `${base}/side-by-side`)}>{t('documents.sideBySide', { lang: langName(ctx, page.translations[0]!.lang) })}</a>
            </li>
          )}
          <li>
            <a href={localPath(lang, `${base}/versions/${version.number}/markdown`)} download>
              {t('documents.downloadMarkdown', { n: version.number })}
            </a>
          </li>
          <li>
            <a href={localPath(lang, `${base}/versions/${version.number}/print`)}>{t('documents.print', { n: version.number })}</a>
          </li>
          {mayEdit && isCurrent && doc.status !== 'superseded' && (
            <li>
              <a class="button" href={localPath(lang, `${base}/edit`)}>
                {t('documents.edit')}
              </a>
            </li>
          )}
        </ul>
      </nav>
      <section aria-label={t('documents.textOf')}>
        <Blocks ctx={ctx} processSlug={process.slug} docSlug={doc.slug} docLang={doc.lang} blocks={page.blocks} margin={marginHere ? page.margin : null} />
      </section>
      {mayEdit && isCurrent && nextStatuses.length > 0 && (
        <section aria-labelledby="status-title" class="manage">
          <h2 id="status-title">{t('documents.statusHeading')}</h2>
          <p>{t('documents.statusLine', { status: t(`documents.statuses.${doc.status}`) })}</p>
          <Form ctx={ctx} action={localPath(lang, `${base}/status`)} class="form">
            <FieldShell name="status" label={t('documents.statusLabel')} hint={t('documents.statusHint')}>
              {(w) => (
                <select id={w.id} name="status" aria-describedby={w.describedBy}>
                  {nextStatuses.map((s) => (
                    <option key={s} value={s}>
                      {t(`documents.statuses.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </FieldShell>
            <Submit>{t('documents.statusSubmit')}</Submit>
          </Form>
        </section>
      )}
      {marginHere && page.margin!.state === 'open' && <script src="/static/comment-inline.js" defer />}
    </Layout>
  );
}
