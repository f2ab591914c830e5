import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import { can } from '../../../platform/auth/policies.js';
import type { AgendaItem, MeetingRow } from '../meetings.repository.js';
import type { AttendanceSummary, RegistrationState } from '../registrations.service.js';
import { meetingPath } from '../links.js';
import { isLive } from '../time.js';
import { AfterMeeting, AgendaTable, CalendarNote, MeetingFacts, RegistrationBox } from './meeting-parts.js';

/** Everything the meeting page shows. */
export interface MeetingPageData {
  m: MeetingRow;
  processTitle: string;
  groupName: string | null;
  agenda: AgendaItem[];
  counts: { registered: number; waitlisted: number };
  mine: RegistrationState | undefined;
  attendance: AttendanceSummary | undefined;
  now: Date;
}

/**
 * A meeting's page. Whether it is live, over or ahead is decided on the server from the
 * clock: live shows the stream, over shows recordings, minutes and attendance.
 */
export function MeetingView({ ctx, data }: { ctx: PageCtx; data: MeetingPageData }) {
  const { t, lang } = ctx;
  const { m, now } = data;
  const title = pick(lang, m, 'title');
  const base = meetingPath(m.process_slug, m.id);
  const scope = { processId: m.process_id, ...(m.group_id ? { groupId: m.group_id } : {}) };
  const live = isLive(m, now);
  const over = m.ends_at <= now;
  const cancelled = m.status === 'cancelled';
  const open = !cancelled && !over;
  const full = m.capacity !== null && data.counts.registered >= m.capacity;
  const description = pick(lang, m, 'description');
  const manage: [string, string][] = [];
  if (!cancelled && can(ctx.actor, 'meeting.update', scope)) manage.push([`${base}/edit`, t('meetings.edit')], [`${base}/agenda`, t('meetings.editAgenda')]);
  if (can(ctx.actor, 'meeting.record', scope)) manage.push([`${base}/minutes`, t('meetings.editMinutes')]);
  if (can(ctx.actor, 'meeting.attendance', scope)) manage.push([`${base}/attendance`, t('meetings.markAttendance')]);
  if (!cancelled && can(ctx.actor, 'meeting.cancel', scope)) manage.push([`${base}/cancel`, t('meetings.cancel')]);
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb
        ctx={ctx}
        trail={[
          { href: localPath(lang, `/processes/${m.process_slug}`), label: data.processTitle },
          !!m.group_slug && !!data.groupName && { href: localPath(lang, `/processes/${m.process_slug}/groups/${m.group_slug}`), label: data.groupName },
          { href: localPath(lang, `/processes/${m.process_slug}/meetings`), label: t('meetings.title') },
        ]}
        current={title}
      />
      <h1>{title}</h1>
      {cancelled && (
        <div class="warning">
          <p>
            <strong>{t('meetings.cancelledNotice')}</strong>
          </p>
        </div>
      )}
      {live && (
        <section class="notice" aria-labelledby="live-heading">
          <h2 id="live-heading">{t('meetings.liveNow')}</h2>
          {m.stream_url && (
            <p>
              <a class="button" href={m.stream_url} rel="nofollow noopener">
                {t('meetings.watchStream')}
              </a>
            </p>
          )}
          {m.join_url && (
            <p>
              <a href={m.join_url} rel="nofollow noopener">
                {t('meetings.joinNow')}
              </a>
            </p>
          )}
        </section>
      )}
      <MeetingFacts ctx={ctx} m={m} counts={data.counts} />
      <CalendarNote ctx={ctx} m={m} />
      <RegistrationBox ctx={ctx} m={m} mine={data.mine} open={open} full={full} />
      {manage.length > 0 && (
        <nav aria-label={t('meetings.manage')} class="manage">
          <ul class="inline-list">
            {manage.map(([href, label]) => (
              <li key={href}>
                <a href={localPath(lang, href)}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {description && (
        <>
          <h2>{t('meetings.about')}</h2>
          <Markdown source={description} class="prose" />
        </>
      )}
      <h2>{t('meetings.agenda')}</h2>
      <AgendaTable ctx={ctx} items={data.agenda} />
      {data.attendance && (over || m.recording_urls.length > 0 || m.minutes_en || m.minutes_fr || data.attendance.total > 0) && <AfterMeeting ctx={ctx} m={m} attendance={data.attendance} />}
    </Layout>
  );
}
