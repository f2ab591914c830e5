import type { PageCtx } from '../../../platform/web/context.js';
import { Form } from '../../../platform/web/components/forms.js';
import { Markdown } from '../../../platform/web/markdown.js';
import { PersonName } from '../../../platform/web/components/person-name.js';
import type { AfterMeetingModel, AgendaItemModel, MeetingPageModel, RegistrationModel } from '../meetings.page-presenter.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** The facts of a meeting as label / value rows. */
export function MeetingFacts({ ctx, facts }: { ctx: PageCtx; facts: MeetingPageModel['facts'] }) {
  const { t } = ctx;
  return (
    <dl class="facts">
      <dt>{t('meetings.fields.when')}</dt>
      <dd>{facts.when}</dd>
      <dt>{t('meetings.fields.format')}</dt>
      <dd>{t(`meetings.formats.${facts.format}`)}</dd>
      {facts.place && (
        <>
          <dt>{t('meetings.fields.where')}</dt>
          <dd>{facts.place}</dd>
        </>
      )}
      {facts.joinUrl && (
        <>
          <dt>{t('meetings.fields.joinUrl')}</dt>
          <dd>
            <a href={facts.joinUrl} rel="nofollow noopener">
              {facts.joinUrl}
            </a>
          </dd>
        </>
      )}
      {facts.streamUrl && (
        <>
          <dt>{t('meetings.fields.streamUrl')}</dt>
          <dd>
            <a href={facts.streamUrl} rel="nofollow noopener">
              {facts.streamUrl}
            </a>
          </dd>
        </>
      )}
      <dt>{t('meetings.fields.languages')}</dt>
      <dd>{t(`meetings.languageNames.${facts.languages}`)}</dd>
      <dt>{t('meetings.fields.visibility')}</dt>
      <dd>{t(`meetings.visibilities.${facts.visibility}`)}</dd>
      <dt>{t('meetings.fields.places')}</dt>
      <dd>
        {facts.capacityText === null
          ? t('meetings.placesOpen', { count: facts.registered, registered: facts.registeredText })
          : t('meetings.placesTaken', { registered: facts.registeredText, capacity: facts.capacityText })}
        {facts.waitlisted > 0 && ` · ${t('meetings.waiting', { count: facts.waitlisted, n: facts.waitlistedText })}`}
      </dd>
    </dl>
  );
}

/** Registering, or one's place, or why one cannot register: everything a visitor can do about attending. */
export function RegistrationBox({ ctx, registration: r }: { ctx: PageCtx; registration: RegistrationModel }) {
  const { t } = ctx;
  switch (r.kind) {
    case 'mine':
      return (
        <div class="registration">
          <p>
            <strong>{r.registered ? t('meetings.youAreRegistered') : t('meetings.youAreWaiting', { position: r.position })}</strong>
          </p>
          <Form ctx={ctx} action={r.action} class="inline-form">
            <button type="submit" class="link-button">
              {r.registered ? t('meetings.unregister') : t('meetings.leaveWaitlist')}
            </button>
          </Form>
        </div>
      );
    case 'closed':
      return null;
    case 'signIn':
      return (
        <p>
          <a class="button" href={r.path}>
            {t('meetings.signInToRegister')}
          </a>
        </p>
      );
    case 'confirmEmail':
      return <p>{t('meetings.confirmToRegister')}</p>;
    case 'form':
      return (
        <Form ctx={ctx} action={r.action} class="form">
          {r.full && <p>{t('meetings.fullNote')}</p>}
          <div class="choice">
            <input type="checkbox" id="field-showName" name="showName" value="true" />
            <label for="field-showName">{t('meetings.showName')}</label>
          </div>
          <button type="submit" class="button">
            {r.full ? t('meetings.joinWaitlist') : t('meetings.register')}
          </button>
        </Form>
      );
  }
}

/** The agenda as a table: order, item, presenter, minutes, document. */
export function AgendaTable({ ctx, items }: { ctx: PageCtx; items: AgendaItemModel[] }) {
  const { t } = ctx;
  if (items.length === 0) return <p>{t('meetings.noAgenda')}</p>;
  return (
    <ScrollTable label={t('meetings.agenda')}>
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
            <td>{i.number}</td>
            <td lang={i.titleLang !== ctx.lang ? i.titleLang : undefined}>{i.title}</td>
            <td>{i.presenter}</td>
            <td class="num">{i.duration}</td>
            <td>
              {i.documentUrl && (
                <a href={i.documentUrl} rel="nofollow noopener">
                  {t('meetings.document')}
                  <span class="visually-hidden">
                    : <span lang={i.titleLang !== ctx.lang ? i.titleLang : undefined}>{i.title}</span>
                  </span>
                </a>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** After a meeting: its recordings, minutes and attendance by stakeholder group. */
export function AfterMeeting({ ctx, after }: { ctx: PageCtx; after: AfterMeetingModel }) {
  const { t } = ctx;
  const { minutes, attendance } = after;
  return (
    <>
      <h2>{t('meetings.recordings')}</h2>
      {after.recordingUrls.length === 0 ? (
        <p>{t('meetings.noRecordings')}</p>
      ) : (
        <ul>
          {after.recordingUrls.map((u, i) => (
            <li key={u}>
              <a href={u} rel="nofollow noopener">
                {t('meetings.recordingN', { n: i + 1 })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('meetings.minutes')}</h2>
      {minutes === null ? (
        <p>{t('meetings.noMinutes')}</p>
      ) : minutes.lang === null ? (
        <Markdown source={minutes.text} class="prose" />
      ) : (
        <div lang={minutes.lang}>
          <p class="hint">{t('meetings.minutesOtherLanguage')}</p>
          <Markdown source={minutes.text} class="prose" />
        </div>
      )}
      <h2>{t('meetings.attendance')}</h2>
      <p>{t('meetings.attendedTotal', { count: attendance.total, n: attendance.totalText })}</p>
      {attendance.total > 0 && (
        <ScrollTable label={t('meetings.attendanceCaption')}>
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
                <th scope="row">{r.name}</th>
                <td class="num">{r.count}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {attendance.names.length > 0 && (
        <>
          <h3>{t('meetings.namedAttendees')}</h3>
          <ul>
            {attendance.names.map((n, i) => (
              <li key={i}>
                <PersonName p={n} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The calendar link and the note on time zones. */
export function CalendarNote({ ctx, icsPath }: { ctx: PageCtx; icsPath: string }) {
  const { t } = ctx;
  return (
    <p class="hint">
      {t('meetings.timeZoneNote')}{' '}
      <a href={icsPath} type="text/calendar">
        {t('meetings.addToCalendar')}
      </a>
    </p>
  );
}
