import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { can } from '../../../platform/auth/policies.js';
import type { Process } from '../../processes/index.js';
import { processCrumb } from '../../processes/index.js';
import type { WorkingGroup } from '../../groups/index.js';
import type { DocumentRow } from '../documents.repository.js';
import { documentPath } from '../documents.service.js';
import { langName, ownerName } from './common.js';

/** The documents of a process and its groups, with kind, status, language and translations. */
export function DocumentListView(props: { ctx: PageCtx; process: Process; docs: DocumentRow[]; groups: WorkingGroup[] }) {
  const { ctx, process, docs, groups } = props;
  const { t, lang } = ctx;
  const title = pick(lang, process, 'title');
  const newPath = `/processes/${process.slug}/documents/new`;
  const forProcess = can(ctx.actor, 'document.create', { processId: process.id });
  const forGroups = forProcess ? [] : groups.filter((g) => can(ctx.actor, 'document.create', { processId: process.id, groupId: g.id }));
  return (
    <Layout ctx={ctx} title={`${t('documents.listTitle')} · ${title}`}>
      <Breadcrumb ctx={ctx} trail={[processCrumb(lang, process)]} current={t('documents.listHeading', { process: title })} />
      <h1>{t('documents.listHeading', { process: title })}</h1>
      <p>{t('documents.listIntro')}</p>
      {(forProcess || forGroups.length > 0) && (
        <ul class="inline-list actions">
          {forProcess && (
            <li>
              <a class="button" href={localPath(lang, newPath)}>
                {t('documents.new')}
              </a>
            </li>
          )}
          {forGroups.map((g) => (
            <li key={g.id}>
              <a class="button" href={localPath(lang, `${newPath}?group=${encodeURIComponent(g.slug)}`)}>
                {t('documents.newFor', { group: pick(lang, g, 'name') })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {docs.length === 0 ? (
        <p>{t('documents.none')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t('documents.listHeading', { process: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('documents.columns.title')}</th>
              <th scope="col">{t('documents.columns.owner')}</th>
              <th scope="col">{t('documents.columns.kind')}</th>
              <th scope="col">{t('documents.columns.status')}</th>
              <th scope="col">{t('documents.columns.lang')}</th>
              <th scope="col" class="num">
                {t('documents.columns.version')}
              </th>
              <th scope="col">{t('documents.columns.translations')}</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => {
              const translations = docs.filter((x) => x.translation_key === d.translation_key && x.id !== d.id);
              return (
                <tr key={d.id}>
                  <td>
                    <a href={localPath(lang, documentPath(process.slug, d.slug))} lang={d.lang}>
                      {d.title}
                    </a>{' '}
                    {d.members_only && <span class="badge">{t('documents.membersOnly')}</span>}
                  </td>
                  <td>{ownerName(ctx, d, groups)}</td>
                  <td>{t(`documents.kinds.${d.kind}`)}</td>
                  <td>{t(`documents.statuses.${d.status}`)}</td>
                  <td>{langName(ctx, d.lang)}</td>
                  <td class="num">{d.version_count}</td>
                  <td>
                    {translations.map((x) => (
                      <a key={x.id} href={localPath(lang, documentPath(process.slug, x.slug))} hrefLang={x.lang}>
                        {t('documents.translationLink', { lang: langName(ctx, x.lang) })}
                      </a>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
