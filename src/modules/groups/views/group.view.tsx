import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import { ErrorSummary, Field, Form, Submit, TextArea } from '../../../platform/web/components/forms.js';
import { NamedSentence } from '../../../platform/web/components/person-name.js';
import type { GroupPageModel } from '../groups.page-presenter.js';

/** A working group's page: charter, chairs, balance, meetings, documents, announcements. */
export function GroupView(props: {
  ctx: PageCtx;
  model: GroupPageModel;
  balance: ComponentChildren;
  meetings?: ComponentChildren;
  /** The follow button (modules/follows). */
  follow?: ComponentChildren;
}) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const name = m.name;
  return (
    <Layout ctx={ctx} title={name}>
      <Breadcrumb ctx={ctx} trail={[m.processCrumb]} current={name} />
      <h1>{name}</h1>
      <p class="status-line">
        {t(`groups.statuses.${m.status}`)} · {t('groups.memberCount', { count: m.memberCount })}
      </p>
      <div class="actions">
        {m.membership === 'group' ? (
          <>
            <span class="badge">{t('groups.youAreMember')}</span>
            <Form ctx={ctx} action={m.leavePath} class="inline-form">
              <button type="submit" class="link-button">
                {t('groups.leave')}
              </button>
            </Form>
          </>
        ) : m.membership === 'process' ? (
          m.canJoin && (
            <Form ctx={ctx} action={m.joinPath} class="inline-form">
              <button type="submit" class="button">
                {t('groups.join')}
              </button>
            </Form>
          )
        ) : (
          <p>{t('groups.joinProcessFirst')}</p>
        )}
        {m.editPath !== null && <a href={m.editPath}>{t('groups.edit')}</a>}
      </div>
      {props.follow}
      <h2>{t('groups.chairs')}</h2>
      {m.chairs.length === 0 ? (
        <p>{t('groups.noChairs')}</p>
      ) : (
        <ul>
          {m.chairs.map((c) => (
            <li key={c.id}>{c.name}</li>
          ))}
        </ul>
      )}
      <h2>{t('groups.charter')}</h2>
      {m.charter ? <Markdown source={m.charter} /> : <p>{t('groups.noCharter')}</p>}
      <h2>{t('groups.members')}</h2>
      {props.balance}
      <p>
        <a href={m.participantsPath}>{t('processes.participants')}</a>
      </p>
      <h2>{t('groups.meetings')}</h2>
      {props.meetings ?? <p>{t('groups.noMeetings')}</p>}
      <h2>{t('groups.documents')}</h2>
      <p>{t('groups.noDocuments')}</p>
      <h2>{t('groups.announcements')}</h2>
      {m.announcements.length === 0 ? (
        <p>{t('groups.noAnnouncements')}</p>
      ) : (
        m.announcements.map((a) => (
          <article class="announcement" key={a.id} lang={a.lang}>
            <h3>{a.title}</h3>
            <p class="meta">
              <NamedSentence s={a.postedBy} />
            </p>
            <Markdown source={a.body} />
          </article>
        ))
      )}
      {m.announce !== null && (
        <section aria-labelledby="announce-heading">
          <h2 id="announce-heading">{t('groups.announce')}</h2>
          <ErrorSummary ctx={ctx} errors={m.announce.errors} />
          <Form ctx={ctx} action={m.announce.action}>
            <Field name="title" label={t('groups.announcementTitle')} value={m.announce.values.title} error={m.announce.errors.title} required />
            <TextArea name="body" label={t('groups.announcementBody')} value={m.announce.values.body} error={m.announce.errors.body} rows={5} limit={m.announce.bodyLimit} />
            <div class="field">
              <label for="field-lang">{t('groups.announcementLang')}</label>
              <select id="field-lang" name="lang">
                {m.announce.langs.map((o) => (
                  <option key={o.value} value={o.value} selected={o.selected}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <Submit>{t('groups.announceSubmit')}</Submit>
          </Form>
        </section>
      )}
      {m.addMemberAction !== null && (
        <section aria-labelledby="add-member-heading">
          <h2 id="add-member-heading">{t('groups.addMember')}</h2>
          <p>{t('groups.addMemberIntro')}</p>
          <Form ctx={ctx} action={m.addMemberAction}>
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
