import type { ProcessSectionInput } from '../processes/index.js';
import { localPath } from '../../platform/web/context.js';
import { listGroups } from './groups.service.js';

/** The process page's list of working groups, with member counts and any status but active. */
export async function processGroupsSection({ db, ctx, process }: ProcessSectionInput) {
  const { t, lang } = ctx;
  const groups = await listGroups(db, process.id);
  const base = `/processes/${process.slug}`;
  return (
    <>
      <h2>{t('processes.workingGroups')}</h2>
      {groups.length === 0 ? (
        <p>{t('processes.noWorkingGroups')}</p>
      ) : (
        <ul>
          {groups.map(({ group: g, memberCount }) => (
            <li key={g.slug}>
              <a href={localPath(lang, `${base}/groups/${g.slug}`)}>{lang === 'fr' ? g.name_fr : g.name_en}</a> — {t('groups.memberCount', { count: memberCount })}
              {g.status !== 'active' && ` (${t(`groups.statuses.${g.status}`)})`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
