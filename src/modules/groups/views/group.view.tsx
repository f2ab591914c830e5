import { pick } from '../../../platform/i18n/pick.js';
import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import { Field, Form, Submit, TextArea } from '../../../platform/web/components/forms.js';
import { can } from '../../../platform/auth/policies.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import type { Process } from '../../processes/index.js';
import { processCrumb } from '../../processes/index.js';
import type { GroupSummary } from '../groups.service.js';
import type { Announcement } from '../groups.repository.js';

/** A working group's page: charter, chairs, balance, meetings, documents, announcements. */
export function GroupView(props: {
  ctx: PageCtx;
  process: Process;
  summary: GroupSummary;
  announcements: (Announcement & { author_name: string | null })[];
  isGroupMember: boolean;
  isProcessMember: boolean;
  balance: ComponentChildren;
  meetings?: ComponentChildren;
  /** The follow button (modules/follows). */
  follow?: ComponentChildren;
}) {
  const { ctx, process, summary } = props;
  const { t, lang } = ctx;
  const g = summary.group;
  const name = pick(lang, g, 'name');
  const base = `/processes/${process.slug}/groups/${g.slug}`;
  const scope = { processId: process.id, groupId: g.id };
  return (
    <Layout ctx={ctx} title={name}>
      <Breadcrumb ctx={ctx} trail={[processCrumb(lang, process)]} current={name} />
      <h1>{name}</h1>
      <p class="status-line">
        {t(`groups.statuses.${g.status}`)} · {t('groups.memberCount', { count: summary.memberCount })}
      </p>
      <div class="actions">
        {props.isGroupMember ? (
          <>
            <span class="badge">{t('groups.youAreMember')}</span>
            <Form ctx={ctx} action={localPath(lang, `${base}/leave`)} class="inline-form">
              <button type="submit" class="link-button">
                {t('groups.leave')}
              </button>
            </Form>
          </>
        ) : props.isProcessMember ? (
          g.status !== 'concluded' && (
            <Form ctx={ctx} action={localPath(lang, `${base}/join`)} class="inline-form">
              <button type="submit" class="button">
                {t('groups.join')}
              </button>
            </Form>
          )
        ) : (
          <p>{t('groups.joinProcessFirst')}</p>
        )}
        {can(ctx.actor, 'group.update', scope) && <a href={localPath(lang, `${base}/edit`)}>{t('groups.edit')}</a>}
      </div>
      {props.follow}
      <h2>{t('groups.chairs')}</h2>
      {summary.chairs.length === 0 ? (
        <p>{t('groups.noChairs')}</p>
      ) : (
        <ul>
          {summary.chairs.map((c) => (
            <li key={c.user_id}>{c.name}</li>
          ))}
        </ul>
      )}
      <h2>{t('groups.charter')}</h2>
      {(pick(lang, g, 'charter')) ? <Markdown source={pick(lang, g, 'charter')} /> : <p>{t('groups.noCharter')}</p>}
      <h2>{t('groups.members')}</h2>
      {props.balance}
      <p>
        <a href={localPath(lang, `/processes/${process.slug}/participants?group=${g.slug}`)}>{t('processes.participants')}</a>
      </p>
      <h2>{t('groups.meetings')}</h2>
      {props.meetings ?? <p>{t('groups.noMeetings')}</p>}
      <h2>{t('groups.documents')}</h2>
      <p>{t('groups.noDocuments')}</p>
      <h2>{t('groups.announcements')}</h2>
      {props.announcements.length === 0 ? (
        <p>{t('groups.noAnnouncements')}</p>
      ) : (
        props.announcements.map((a) => (
          <article class="announcement" key={a.id} lang={a.lang}>
            <h3>{a.title}</h3>
            <p class="meta">{t('groups.postedBy', { name: a.author_name ?? '—', date: formatDate(lang, a.created_at) })}</p>
            <Markdown source={a.body} />
          </article>
        ))
      )}
      {can(ctx.actor, 'group.announce', scope) && (
        <section aria-labelledby="announce-heading">
          <h2 id="announce-heading">{t('groups.announce')}</h2>
          <Form ctx={ctx} action={localPath(lang, `${base}/announcements`)}>
            <Field name="title" label={t('groups.announcementTitle')} required />
            <TextArea name="body" label={t('groups.announcementBody')} rows={5} />
            <div class="field">
              <label for="field-lang">{t('groups.announcementLang')}</label>
              <select id="field-lang" name="lang">
                <option value="en" selected={lang === 'en'}>
                  English
                </option>
                <option value="fr" selected={lang === 'fr'}>
                  Français
                </option>
              </select>
            </div>
            <Submit>{t('groups.announceSubmit')}</Submit>
          </Form>
        </section>
      )}
      {can(ctx.actor, 'group.addMember', scope) && (
        <section aria-labelledby="add-member-heading">
          <h2 id="add-member-heading">{t('groups.addMember')}</h2>
          <p>{t('groups.addMemberIntro')}</p>
          <Form ctx={ctx} action={localPath(lang, `${base}/members`)}>
            <Field name="email" type="email" label={t('fields.email')} required />
            <div class="choice">
              <input type="checkbox" id="field-chair" name="chair" value="true" />
              <label for="field-chair">{t('groups.asChair')}</label>
            </div>
            <Submit>{t('groups.addMemberSubmit')}</Submit>
          </Form>
        </section>
      )}
    </Layout>
  );
}
