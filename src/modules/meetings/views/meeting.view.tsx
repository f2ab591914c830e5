import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import type { MeetingPageModel } from '../meetings.page-presenter.js';
import { AfterMeeting, AgendaTable, CalendarNote, MeetingFacts, RegistrationBox } from './meeting-parts.js';

/**
 * A meeting's page. Whether it is live, over or ahead was decided by the presenter from the
 * clock: live shows the stream, over shows recordings, minutes and attendance.
 */
export function MeetingView({ ctx, model: m }: { ctx: PageCtx; model: MeetingPageModel }) {
  const { t } = ctx;
  const manage: [string, string][] = [];
  if (m.manage.edit !== null) manage.push([m.manage.edit, t('meetings.edit')]);
  if (m.manage.agenda !== null) manage.push([m.manage.agenda, t('meetings.editAgenda')]);
  if (m.manage.minutes !== null) manage.push([m.manage.minutes, t('meetings.editMinutes')]);
  if (m.manage.attendance !== null) manage.push([m.manage.attendance, t('meetings.markAttendance')]);
  if (m.manage.cancel !== null) manage.push([m.manage.cancel, t('meetings.cancel')]);
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      {m.cancelled && (
        <div class="warning">
          <p>
            <strong>{t('meetings.cancelledNotice')}</strong>
          </p>
        </div>
      )}
      {m.live && (
        <section class="notice" aria-labelledby="live-heading">
          <h2 id="live-heading">{t('meetings.liveNow')}</h2>
          {m.live.streamUrl && (
            <p>
              <a class="button" href={m.live.streamUrl} rel="nofollow noopener">
                {t('meetings.watchStream')}
              </a>
            </p>
          )}
          {m.live.joinUrl && (
            <p>
              <a href={m.live.joinUrl} rel="nofollow noopener">
                {t('meetings.joinNow')}
              </a>
            </p>
          )}
        </section>
      )}
      <MeetingFacts ctx={ctx} facts={m.facts} />
      <CalendarNote ctx={ctx} icsPath={m.icsPath} />
      <RegistrationBox ctx={ctx} registration={m.registration} />
      {manage.length > 0 && (
        <nav aria-label={t('meetings.manage')} class="manage">
          <ul class="inline-list">
            {manage.map(([href, label]) => (
              <li key={href}>
                <a href={href}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {m.description && (
        <>
          <h2>{t('meetings.about')}</h2>
          <Markdown source={m.description} class="prose" />
        </>
      )}
      <h2>{t('meetings.agenda')}</h2>
      <AgendaTable ctx={ctx} items={m.agenda} />
      {m.after && <AfterMeeting ctx={ctx} after={m.after} />}
    </Layout>
  );
}
