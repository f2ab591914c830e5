import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import { Form } from '../../../platform/web/components/forms.js';
import type { PersonModel, ProcessPageModel } from '../processes.page-presenter.js';
import { Timeline } from './timeline.js';

/** The process page: what it is, where it stands, who runs it, its groups and its balance. */
export function ProcessView(props: {
  ctx: PageCtx;
  model: ProcessPageModel;
  /** Sections other modules contribute (working groups, meetings, calls, balance), each with its heading. */
  sections: ComponentChildren[];
  /** The follow button and feed link (from the follows module). */
  follow: ComponentChildren[];
}) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.listPath, label: t('processes.listTitle') }]} current={m.title} />
      <h1>{m.title}</h1>
      <p class="lead">{m.summary}</p>
      <p class="status-line">
        <strong>{m.currentPhase !== null ? t('processes.currentPhase', { name: m.currentPhase }) : t('processes.noCurrentPhase')}</strong> ·{' '}
        {t(`processes.registration.${m.registration}`)}
      </p>
      <div class="actions">
        {m.canJoin && (
          <a class="button" href={m.joinPath}>
            {t('participants.join')}
          </a>
        )}
        {m.signInToJoinPath !== null && (
          <a class="button" href={m.signInToJoinPath}>
            {t('participants.signInToJoin')}
          </a>
        )}
        {m.isMember && (
          <>
            <span class="badge">{t('participants.youAreMember')}</span>
            <Form ctx={ctx} action={m.leavePath} class="inline-form">
              <button type="submit" class="link-button">
                {t('participants.leave')}
              </button>
            </Form>
          </>
        )}
      </div>
      <nav aria-label={t('processes.sectionsNav.label')} class="process-nav">
        <LinkGroup
          title={t('processes.sectionsNav.people')}
          links={[
            [m.paths.participants, t('processes.participants')],
            [m.paths.organisations, t('processes.organisations')],
          ]}
        />
        <LinkGroup
          title={t('processes.sectionsNav.texts')}
          links={[
            [m.paths.documents, t('documents.listTitle')],
            [m.paths.commentPeriods, t('comments.periodsLink')],
            [m.paths.consensus, t('consensus.link')],
          ]}
        />
        <LinkGroup
          title={t('processes.sectionsNav.results')}
          links={[
            [m.paths.recommendations, t('recommendations.listTitle')],
            [m.paths.tracker, t('accountability.title')],
            [m.paths.report, t('processReport.link')],
            [m.paths.audit, t('audit.link')],
          ]}
        />
      </nav>
      {m.canManage && (
        <nav aria-label={t('processes.manage')} class="manage">
          <h2 class="visually-hidden">{t('processes.manage')}</h2>
          <ul class="inline-list">
            {m.manage.edit !== null && (
              <li>
                <a href={m.manage.edit}>{t('processes.edit')}</a>
              </li>
            )}
            {m.manage.stakeholderGroups !== null && (
              <li>
                <a href={m.manage.stakeholderGroups}>{t('processes.stakeholderGroups')}</a>
              </li>
            )}
            {m.manage.invite !== null && (
              <li>
                <a href={m.manage.invite}>{t('processes.invite')}</a>
              </li>
            )}
            {m.manage.roles !== null && (
              <li>
                <a href={m.manage.roles}>{t('participants.roles.link')}</a>
              </li>
            )}
            {m.manage.organisationRequests !== null && (
              <li>
                <a href={m.manage.organisationRequests}>{t('participants.requests.link')}</a>
              </li>
            )}
            {m.manage.createGroup !== null && (
              <li>
                <a href={m.manage.createGroup}>{t('groups.create')}</a>
              </li>
            )}
            {m.manage.copy !== null && (
              <li>
                <a href={m.manage.copy}>{t('processes.copy')}</a>
              </li>
            )}
          </ul>
        </nav>
      )}
      {props.follow}
      <h2>{t('processes.timeline')}</h2>
      <Timeline ctx={ctx} phases={m.phases} />
      {props.sections}
      <h2>{t('processes.oversight')}</h2>
      {m.oversight.length === 0 ? <p>{t('processes.noOversight')}</p> : <PeopleList people={m.oversight} />}
      {m.conveners.length > 0 && (
        <>
          <h2>{t('processes.conveners')}</h2>
          <PeopleList people={m.conveners} />
        </>
      )}
      <h2>{t('processes.about')}</h2>
      <Markdown source={m.description} />
    </Layout>
  );
}

/** One group of the process's sections: a small heading and its links. */
function LinkGroup({ title, links }: { title: string; links: [href: string, label: string][] }) {
  return (
    <div class="process-nav__group">
      <h2 class="process-nav__title">{title}</h2>
      <ul>
        {links.map(([href, label]) => (
          <li key={href}>
            <a href={href}>{label}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PeopleList({ people }: { people: PersonModel[] }) {
  return (
    <ul>
      {people.map((p) => (
        <li key={p.id}>{p.name}</li>
      ))}
    </ul>
  );
}
