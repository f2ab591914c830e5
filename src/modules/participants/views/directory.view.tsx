import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import type { Process, StakeholderGroup } from '../../processes/index.js';
import { processCrumb } from '../../processes/index.js';
import type { MemberRow, Organisation } from '../participants.repository.js';

/** Participants of a process with filters (a GET form, so filtered lists can be linked). */
export function DirectoryView(props: {
  ctx: PageCtx;
  process: Process;
  stakeholderGroups: StakeholderGroup[];
  workingGroups: { slug: string; name: string }[];
  organisations: Organisation[];
  filters: { stakeholderGroup?: string | undefined; group?: string | undefined; organisation?: string | undefined };
  members: MemberRow[];
  groupsByUser: Map<string, string[]>;
  nextHref: string | undefined;
}) {
  const { ctx, process, filters } = props;
  const { t, lang } = ctx;
  const title = pick(lang, process, 'title');
  const base = `/processes/${process.slug}`;
  return (
    <Layout ctx={ctx} title={t('participants.directoryTitle', { title })}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, base), label: title }]} current={t('participants.directoryTitle', { title })} />
      <h1>{t('participants.directoryTitle', { title })}</h1>
      <form method="get" action={localPath(lang, `${base}/participants`)} class="filters">
        <fieldset>
          <legend>{t('participants.filter')}</legend>
          <div class="field">
            <label for="f-sg">{t('participants.columns.stakeholderGroup')}</label>
            <select id="f-sg" name="stakeholderGroup">
              <option value="">{t('participants.anyStakeholderGroup')}</option>
              {props.stakeholderGroups.map((g) => (
                <option value={g.key} selected={filters.stakeholderGroup === g.key}>
                  {pick(lang, g, 'name')}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-wg">{t('participants.workingGroup')}</label>
            <select id="f-wg" name="group">
              <option value="">{t('participants.anyWorkingGroup')}</option>
              {props.workingGroups.map((g) => (
                <option value={g.slug} selected={filters.group === g.slug}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-org">{t('participants.columns.organisation')}</label>
            <select id="f-org" name="organisation">
              <option value="">{t('participants.anyOrganisation')}</option>
              {props.organisations.map((o) => (
                <option value={o.id} selected={filters.organisation === o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button">
            {t('participants.filterSubmit')}
          </button>
        </fieldset>
      </form>
      <p>
        {t('participants.download')}: <a href={`/api/v1/processes/${process.slug}/participants.csv`}>{t('participants.csv')}</a> ·{' '}
        <a href={`/api/v1/processes/${process.slug}/popolo.json`}>{t('participants.popolo')}</a>
      </p>
      {props.members.length === 0 ? (
        <p>{t('participants.noMembers')}</p>
      ) : (
        <table>
          <caption>{t('participants.directoryTitle', { title })}</caption>
          <thead>
            <tr>
              {/* Column names, not the join form's labels ("Your organisation"): this is a list of others. */}
              <th scope="col">{t('participants.columns.name')}</th>
              <th scope="col">{t('participants.columns.organisation')}</th>
              <th scope="col">{t('participants.columns.stakeholderGroup')}</th>
              <th scope="col">{t('participants.columns.workingGroups')}</th>
              <th scope="col">{t('participants.columns.joined')}</th>
            </tr>
          </thead>
          <tbody>
            {props.members.map((m) => (
              <tr key={m.user_id}>
                <td>{m.name}</td>
                <td>{m.organisation_name ?? ''}</td>
                <td>{pick(lang, m, 'stakeholder_name')}</td>
                <td>{(props.groupsByUser.get(m.user_id) ?? []).join(', ')}</td>
                <td>{formatDate(lang, m.joined_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.nextHref && (
        <p>
          <a href={props.nextHref} rel="next">
            {t('participants.next')}
          </a>
        </p>
      )}
    </Layout>
  );
}

/** Organisations with members in a process. */
export function OrganisationsView({ ctx, process, organisations }: { ctx: PageCtx; process: Process; organisations: (Organisation & { members: number })[] }) {
  const { t, lang } = ctx;
  const title = pick(lang, process, 'title');
  return (
    <Layout ctx={ctx} title={t('participants.organisationsTitle', { title })}>
      <Breadcrumb ctx={ctx} trail={[processCrumb(lang, process)]} current={t('participants.organisationsTitle', { title })} />
      <h1>{t('participants.organisationsTitle', { title })}</h1>
      <table>
        <caption>{t('participants.organisationsTitle', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('participants.orgName')}</th>
            <th scope="col">{t('participants.orgSector')}</th>
            <th scope="col">{t('participants.region')}</th>
            <th scope="col" class="num">
              {t('participants.members')}
            </th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.id}>
              <td>
                <a href={localPath(lang, `/organisations/${o.id}`)}>{o.name}</a>
                {o.website && (
                  <>
                    {' '}
                    (<a href={o.website}>{t('participants.website')}</a>)
                  </>
                )}
              </td>
              <td>{t(`processes.stakeholders.${o.sector}`)}</td>
              <td>{[o.province, o.country].filter(Boolean).join(', ')}</td>
              <td class="num">
                <a href={localPath(lang, `/processes/${process.slug}/participants?organisation=${o.id}`)} aria-label={t('participants.membersOf', { count: o.members, name: o.name })}>
                  {o.members}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
