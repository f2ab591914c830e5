import type { PageCtx } from '../../../platform/web/context.js';
import { PersonName } from '../../../platform/web/components/person-name.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { DirectoryPageModel, OptionModel, OrganisationsPageModel } from '../participants.page-presenter.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** The options of a filter, after its "any" choice. */
function Options({ options }: { options: OptionModel[] }) {
  return (
    <>
      {options.map((o) => (
        <option value={o.value} selected={o.selected}>
          {o.label}
        </option>
      ))}
    </>
  );
}

/** Participants of a process with filters (a GET form, so filtered lists can be linked). */
export function DirectoryView(props: { ctx: PageCtx; model: DirectoryPageModel }) {
  const { ctx, model } = props;
  const { t } = ctx;
  const title = model.title;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[model.processCrumb]} current={title} />
      <h1>{title}</h1>
      <form method="get" action={model.filterAction} class="filters">
        <fieldset>
          <legend>{t('participants.filter')}</legend>
          <div class="field">
            <label for="f-sg">{t('participants.columns.stakeholderGroup')}</label>
            <select id="f-sg" name="stakeholderGroup">
              <option value="">{t('participants.anyStakeholderGroup')}</option>
              <Options options={model.stakeholderGroupOptions} />
            </select>
          </div>
          <div class="field">
            <label for="f-wg">{t('participants.workingGroup')}</label>
            <select id="f-wg" name="group">
              <option value="">{t('participants.anyWorkingGroup')}</option>
              <Options options={model.workingGroupOptions} />
            </select>
          </div>
          <div class="field">
            <label for="f-org">{t('participants.columns.organisation')}</label>
            <select id="f-org" name="organisation">
              <option value="">{t('participants.anyOrganisation')}</option>
              <Options options={model.organisationOptions} />
            </select>
          </div>
          <button type="submit" class="button">
            {t('participants.filterSubmit')}
          </button>
        </fieldset>
      </form>
      <p>
        {t('participants.download')}: <a href={model.csvPath}>{t('participants.csv')}</a> ·{' '}
        <a href={model.popoloPath}>{t('participants.popolo')}</a>
      </p>
      {model.members.length === 0 ? (
        <p>{t(model.filtered ? 'participants.noMembers' : 'participants.noMembersYet')}</p>
      ) : (
        <ScrollTable label={title}>
          <caption>{title}</caption>
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
            {model.members.map((m) => (
              <tr key={m.id}>
                <td>
                  <PersonName p={m.person} />
                </td>
                <td>{m.organisation}</td>
                <td>{m.stakeholderGroup}</td>
                <td>{m.workingGroups}</td>
                <td>{m.joinedOn}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {model.nextHref && (
        <p>
          <a href={model.nextHref} rel="next">
            {t('participants.next')}
          </a>
        </p>
      )}
    </Layout>
  );
}

/** Organisations with members in a process. */
export function OrganisationsView({ ctx, model }: { ctx: PageCtx; model: OrganisationsPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={model.title}>
      <Breadcrumb ctx={ctx} trail={[model.processCrumb]} current={model.title} />
      <h1>{model.title}</h1>
      {model.organisations.length === 0 ? (
        <p>{t('participants.noOrganisations')}</p>
      ) : (
        <ScrollTable label={model.title}>
          <caption>{model.title}</caption>
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
            {model.organisations.map((o) => (
              <tr key={o.id}>
                <td>
                  <a href={o.path}>{o.name}</a>
                  {o.website && (
                    <>
                      {' '}
                      (<a href={o.website}>{t('participants.website')}</a>)
                    </>
                  )}
                </td>
                <td>{o.sector}</td>
                <td>{o.region}</td>
                <td class="num">
                  <a href={o.membersPath} aria-label={o.membersLabel}>
                    {o.members}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </Layout>
  );
}
