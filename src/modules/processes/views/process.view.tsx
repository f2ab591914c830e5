import { pick } from '../../../platform/i18n/pick.js';
import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import { Form } from '../../../platform/web/components/forms.js';
import { can } from '../../../platform/auth/policies.js';
import type { ProcessDetail } from '../processes.service.js';
import { Timeline } from './timeline.js';

/** A person listed on the page (committee members, conveners). */
export interface Person {
  user_id: string;
  name: string;
}

/** The process page: what it is, where it stands, who runs it, its groups and its balance. */
export function ProcessView(props: {
  ctx: PageCtx;
  detail: ProcessDetail;
  currentPhaseId: string | undefined;
  oversight: Person[];
  conveners: Person[];
  isMember: boolean;
  /** Sections other modules contribute (working groups, meetings, calls, balance), each with its heading. */
  sections: ComponentChildren[];
  /** The follow button and feed link (from the follows module). */
  follow: ComponentChildren[];
}) {
  const { ctx, detail } = props;
  const { t, lang } = ctx;
  const p = detail.process;
  const title = pick(lang, p, 'title');
  const scope = { processId: p.id };
  const base = `/processes/${p.slug}`;
  const current = detail.phases.find((ph) => ph.id === props.currentPhaseId);
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, '/processes'), label: t('processes.listTitle') }]} current={title} />
      <h1>{title}</h1>
      <p class="lead">{pick(lang, p, 'summary')}</p>
      <p class="status-line">
        <strong>{current ? t('processes.currentPhase', { name: pick(lang, current, 'name') }) : t('processes.noCurrentPhase')}</strong> ·{' '}
        {t(`processes.registration.${p.registration}`)}
      </p>
      <div class="actions">
        {!props.isMember && can(ctx.actor, 'process.join') && (
          <a class="button" href={localPath(lang, `${base}/join`)}>
            {t('participants.join')}
          </a>
        )}
        {!ctx.actor && (
          <a class="button" href={localPath(lang, `/sign-in?next=${encodeURIComponent(localPath(lang, `${base}/join`))}`)}>
            {t('participants.signInToJoin')}
          </a>
        )}
        {props.isMember && (
          <>
            <span class="badge">{t('participants.youAreMember')}</span>
            <Form ctx={ctx} action={localPath(lang, `${base}/leave`)} class="inline-form">
              <button type="submit" class="link-button">
                {t('participants.leave')}
              </button>
            </Form>
          </>
        )}
        <a href={localPath(lang, `${base}/participants`)}>{t('processes.participants')}</a>
        <a href={localPath(lang, `${base}/organisations`)}>{t('processes.organisations')}</a>
        <a href={localPath(lang, `${base}/documents`)}>{t('documents.listTitle')}</a>
        <a href={localPath(lang, `${base}/comment-periods`)}>{t('comments.periodsLink')}</a>
        <a href={localPath(lang, `${base}/consensus`)}>{t('consensus.link')}</a>
        <a href={localPath(lang, `${base}/report`)}>{t('processReport.link')}</a>
        <a href={localPath(lang, `${base}/audit`)}>{t('audit.link')}</a>
        <a href={localPath(lang, `${base}/recommendations`)}>{t('recommendations.listTitle')}</a>
        <a href={localPath(lang, `${base}/tracker`)}>{t('accountability.title')}</a>
      </div>
      {(can(ctx.actor, 'process.update', scope) || can(ctx.actor, 'process.copy', scope)) && (
        <nav aria-label={t('processes.manage')} class="manage">
          <h2 class="visually-hidden">{t('processes.manage')}</h2>
          <ul class="inline-list">
            {can(ctx.actor, 'process.update', scope) && (
              <li>
                <a href={localPath(lang, `${base}/edit`)}>{t('processes.edit')}</a>
              </li>
            )}
            {can(ctx.actor, 'process.manageStakeholders', scope) && (
              <li>
                <a href={localPath(lang, `${base}/stakeholder-groups`)}>{t('processes.stakeholderGroups')}</a>
              </li>
            )}
            {can(ctx.actor, 'process.invite', scope) && (
              <li>
                <a href={localPath(lang, `${base}/invitations/new`)}>{t('processes.invite')}</a>
              </li>
            )}
            {can(ctx.actor, 'group.create', scope) && (
              <li>
                <a href={localPath(lang, `${base}/groups/new`)}>{t('groups.create')}</a>
              </li>
            )}
            {can(ctx.actor, 'process.copy', scope) && (
              <li>
                <a href={localPath(lang, `${base}/copy`)}>{t('processes.copy')}</a>
              </li>
            )}
          </ul>
        </nav>
      )}
      {props.follow}
      <h2>{t('processes.timeline')}</h2>
      <Timeline ctx={ctx} phases={detail.phases} currentId={props.currentPhaseId} />
      {props.sections}
      <h2>{t('processes.oversight')}</h2>
      {props.oversight.length === 0 ? <p>{t('processes.noOversight')}</p> : <PeopleList people={props.oversight} />}
      {props.conveners.length > 0 && (
        <>
          <h2>{t('processes.conveners')}</h2>
          <PeopleList people={props.conveners} />
        </>
      )}
      <h2>{t('processes.about')}</h2>
      <Markdown source={pick(lang, p, 'description')} />
    </Layout>
  );
}

function PeopleList({ people }: { people: Person[] }) {
  return (
    <ul>
      {people.map((p) => (
        <li key={p.user_id}>{p.name}</li>
      ))}
    </ul>
  );
}
