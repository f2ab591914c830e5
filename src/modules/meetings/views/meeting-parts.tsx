import { otherLang, pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Form } from '../../../platform/web/components/forms.js';
import { Markdown } from '../../../platform/web/markdown.js';
import { formatNumber } from '../../../platform/i18n/i18n.js';
import { can } from '../../../platform/auth/policies.js';
import type { AgendaItem, MeetingRow } from '../meetings.repository.js';
import type { AttendanceSummary, RegistrationState } from '../registrations.service.js';
import { meetingIcsPath, meetingPath } from '../links.js';
import { formatSpan } from '../../../platform/time/zoned.js';

/** The facts of a meeting as label / value rows. */
export function MeetingFacts({ ctx, m, counts }: { ctx: PageCtx; m: MeetingRow; counts: { registered: number; waitlisted: number } }) {
  const { t, lang } = ctx;
  const place = [m.venue, m.address].filter(Boolean).join(', ');
  return (
    <dl class="facts">
      <dt>{t('meetings.fields.when')}</dt>
      <dd>{formatSpan(lang, m.starts_at, m.ends_at, m.timezone)}</dd>
      <dt>{t('meetings.fields.format')}</dt>
      <dd>{t(`meetings.formats.${m.format}`)}</dd>
      {place && (
        <>
          <dt>{t('meetings.fields.where')}</dt>
          <dd>{place}</dd>
        </>
      )}
      {m.join_url && (
        <>
          <dt>{t('meetings.fields.joinUrl')}</dt>
          <dd>
            <a href={m.join_url} rel="nofollow noopener">
              {m.join_url}
            </a>
          </dd>
        </>
      )}
      {m.stream_url && (
        <>
          <dt>{t('meetings.fields.streamUrl')}</dt>
          <dd>
            <a href={m.stream_url} rel="nofollow noopener">
              {m.stream_url}
            </a>
          </dd>
        </>
      )}
      <dt>{t('meetings.fields.languages')}</dt>
      <dd>{t(`meetings.languageNames.${m.languages}`)}</dd>
      <dt>{t('meetings.fields.visibility')}</dt>
      <dd>{t(`meetings.visibilities.${m.visibility}`)}</dd>
      <dt>{t('meetings.fields.places')}</dt>
      <dd>
        {m.capacity === null
          ? t('meetings.placesOpen', { count: counts.registered, registered: formatNumber(lang, counts.registered) })
          : t('meetings.placesTaken', { registered: formatNumber(lang, counts.registered), capacity: formatNumber(lang, m.capacity) })}
        {counts.waitlisted > 0 && ` · ${t('meetings.waiting', { count: counts.waitlisted, n: formatNumber(lang, counts.waitlisted) })}`}
      </dd>
    </dl>
  );
}

/** Registering, or one's place, or why one cannot register: everything a visitor can do about attending. */
export function RegistrationBox(props: { ctx: PageCtx; m: MeetingRow; mine: RegistrationState | undefined; open: boolean; full: boolean }) {
  const { ctx, m, mine } = props;
  const { t, lang } = ctx;
  const base = meetingPath(m.process_slug, m.id);
  if (mine) {
    return (
      <div class="registration">
        <p>
          <strong>{mine.registration.status === 'registered' ? t('meetings.youAreRegistered') : t('meetings.youAreWaiting', { position: mine.position ?? 1 })}</strong>
        </p>
        <Form ctx={ctx} action={localPath(lang, `${base}/unregister`)} class="inline-form">
          <button type="submit" class="link-button">
            {mine.registration.status === 'registered' ? t('meetings.unregister') : t('meetings.leaveWaitlist')}
          </button>
        </Form>
      </div>
    );
  }
  if (!props.open) return null;
  if (!ctx.actor) {
    return (
      <p>
        <a class="button" href={localPath(lang, `/sign-in?next=${encodeURIComponent(localPath(lang, base))}`)}>
          {t('meetings.signInToRegister')}
        </a>
      </p>
    );
  }
  if (!can(ctx.actor, 'meeting.register')) return <p>{t('meetings.confirmToRegister')}</p>;
  return (
    <Form ctx={ctx} action={localPath(lang, `${base}/register`)} class="form">
      {props.full && <p>{t('meetings.fullNote')}</p>}
      <div class="choice">
        <input type="checkbox" id="field-showName" name="showName" value="true" />
        <label for="field-showName">{t('meetings.showName')}</label>
      </div>
      <button type="submit" class="button">
        {props.full ? t('meetings.joinWaitlist') : t('meetings.register')}
      </button>
    </Form>
  );
}

/** The agenda as a table: order, item, presenter, minutes, document. */
export function AgendaTable({ ctx, items }: { ctx: PageCtx; items: AgendaItem[] }) {
  const { t, lang } = ctx;
  if (items.length === 0) return <p>{t('meetings.noAgenda')}</p>;
  return (
    <table>
      <caption class="visually-hidden">{t('meetings.agenda')}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('meetings.agendaFields.title')}</th>
          <th scope="col">{t('meetings.agendaFields.presenter')}</th>
          <th scope="col" class="num">
            {t('meetings.agendaFields.durationMinutes')}
          </th>
          <th scope="col">{t('meetings.agendaFields.documentUrl')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id}>
            <td>{i.position + 1}</td>
            <td>{i.title}</td>
            <td>{i.presenter}</td>
            <td class="num">{i.duration_minutes === null ? '' : formatNumber(lang, i.duration_minutes)}</td>
            <td>
              {i.document_url && (
                <a href={i.document_url} rel="nofollow noopener">
                  {t('meetings.document')}
                  <span class="visually-hidden">: {i.title}</span>
                </a>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** After a meeting: its recordings, minutes and attendance by stakeholder group. */
export function AfterMeeting({ ctx, m, attendance }: { ctx: PageCtx; m: MeetingRow; attendance: AttendanceSummary }) {
  const { t, lang } = ctx;
  const minutes = pick(lang, m, 'minutes');
  const other = pick(otherLang(lang), m, 'minutes');
  return (
    <>
      <h2>{t('meetings.recordings')}</h2>
      {m.recording_urls.length === 0 ? (
        <p>{t('meetings.noRecordings')}</p>
      ) : (
        <ul>
          {m.recording_urls.map((u, i) => (
            <li key={u}>
              <a href={u} rel="nofollow noopener">
                {t('meetings.recordingN', { n: i + 1 })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('meetings.minutes')}</h2>
      {minutes ? (
        <Markdown source={minutes} class="prose" />
      ) : other ? (
        <div lang={otherLang(lang)}>
          <p class="hint">{t('meetings.minutesOtherLanguage')}</p>
          <Markdown source={other} class="prose" />
        </div>
      ) : (
        <p>{t('meetings.noMinutes')}</p>
      )}
      <h2>{t('meetings.attendance')}</h2>
      <p>{t('meetings.attendedTotal', { count: attendance.total, n: formatNumber(lang, attendance.total) })}</p>
      {attendance.total > 0 && (
        <table>
          <caption>{t('meetings.attendanceCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.stakeholderGroup')}</th>
              <th scope="col" class="num">
                {t('meetings.attendees')}
              </th>
            </tr>
          </thead>
          <tbody>
            {attendance.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{pick(lang, r, 'name')}</th>
                <td class="num">{formatNumber(lang, r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {attendance.names.length > 0 && (
        <>
          <h3>{t('meetings.namedAttendees')}</h3>
          <ul>
            {attendance.names.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The calendar link and the note on time zones. */
export function CalendarNote({ ctx, m }: { ctx: PageCtx; m: MeetingRow }) {
  const { t, lang } = ctx;
  return (
    <p class="hint">
      {t('meetings.timeZoneNote')}{' '}
      <a href={meetingIcsPath(m.id, lang)} type="text/calendar">
        {t('meetings.addToCalendar')}
      </a>
    </p>
  );
}
