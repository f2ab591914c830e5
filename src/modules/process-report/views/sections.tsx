import type { ComponentChildren } from 'preact';
import type { ReportCtx } from './report-ctx.js';
import { formatShare } from '../../../platform/web/components/balance-chart.js';
import { formatDate, formatNumber } from '../../../platform/i18n/i18n.js';
import type { Figure, ProcessReport } from '../process-report.schema.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

type P<K extends keyof ProcessReport> = { ctx: ReportCtx; r: ProcessReport[K]; tz: string };

/** The colon after a label: French puts a no-break space before it. */
export const colon = (lang: 'en' | 'fr') => (lang === 'fr' ? '\u00a0: ' : ': ');

/** A figure as a link to its records. */
export function Fig(props: { ctx: ReportCtx; f: Figure }) {
  return <a href={props.ctx.link(props.f.href)}>{formatNumber(props.ctx.lang, props.f.value)}</a>;
}

/** A section with its heading id, for the contents and for links. */
export function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={props.id} aria-labelledby={`${props.id}-title`} class="report-section">
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** A two-column table of labelled figures. */
export function Figures(props: { ctx: ReportCtx; caption: string; rows: [string, Figure | string][] }) {
  const { ctx } = props;
  return (
    <ScrollTable label={props.caption}>
      <caption>{props.caption}</caption>
      <tbody>
        {props.rows.map(([label, f]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{typeof f === 'string' ? f : <Fig ctx={ctx} f={f} />}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** Who took part: members by stakeholder group against the targets. */
export function ParticipationSection({ ctx, r }: P<'participation'>) {
  const { t, lang } = ctx;
  return (
    <Section id="participation" title={t('processReport.participation.title')}>
      <p>
        <Fig ctx={ctx} f={r.members} /> {t('processReport.participation.members')} · <Fig ctx={ctx} f={r.organisations} />{' '}
        {t('processReport.participation.organisations')}
      </p>
      <ScrollTable label={t('processReport.participation.caption')}>
        <caption>{t('processReport.participation.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('processReport.participation.group')}</th>
            <th scope="col">{t('processReport.participation.members')}</th>
            <th scope="col">{t('processReport.participation.share')}</th>
            <th scope="col">{t('processReport.participation.target')}</th>
            <th scope="col">{t('processReport.participation.status')}</th>
          </tr>
        </thead>
        <tbody>
          {r.groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{g.name}</th>
              <td>
                <Fig ctx={ctx} f={g.members} />
              </td>
              <td>{formatShare(lang, g.share)}</td>
              <td>{g.targetShare === null ? t('processReport.participation.noTarget') : formatShare(lang, g.targetShare)}</td>
              <td>{t(`processReport.participation.statuses.${g.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </Section>
  );
}

/** Meetings held and to come, attendance by group, and each meeting. */
export function MeetingsSection({ ctx, r, tz }: P<'meetings'>) {
  const { t, lang } = ctx;
  return (
    <Section id="meetings" title={t('processReport.meetings.title')}>
      <Figures
        ctx={ctx}
        caption={t('processReport.meetings.title')}
        rows={[
          [t('processReport.meetings.held'), r.held],
          [t('processReport.meetings.upcoming'), r.upcoming],
          [t('processReport.meetings.attendance'), r.attendance],
        ]}
      />
      <Figures
        ctx={ctx}
        caption={t('processReport.meetings.byGroupCaption')}
        rows={r.attendanceByGroup.map((g) => [g.name, formatNumber(lang, g.attendances)])}
      />
      {r.items.length > 0 && (
        <ScrollTable label={t('processReport.meetings.listCaption')}>
          <caption>{t('processReport.meetings.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('processReport.meetings.meeting')}</th>
              <th scope="col">{t('processReport.meetings.date')}</th>
              <th scope="col">{t('processReport.meetings.state')}</th>
              <th scope="col">{t('processReport.meetings.attendees')}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <a href={ctx.link(m.attendees.href)}>{m.title}</a>
                  {m.membersOnly && ` (${t('processReport.meetings.membersOnly')})`}
                </th>
                <td>{formatDate(lang, new Date(m.startsAt), tz)}</td>
                <td>{t(`processReport.meetings.states.${m.state}`)}</td>
                <td>{m.state === 'held' ? <Fig ctx={ctx} f={m.attendees} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </Section>
  );
}

/** Calls for input and the reports published. */
export function InputSection({ ctx, r }: P<'input'>) {
  const { t, lang } = ctx;
  return (
    <Section id="input" title={t('processReport.input.title')}>
      <p>
        {t('processReport.input.calls')}
        {colon(lang)}
        <Fig ctx={ctx} f={r.calls} /> · {t('processReport.input.accepted')}
        {colon(lang)}
        <Fig ctx={ctx} f={r.accepted} />
      </p>
      {r.items.length === 0 && <p>{t('processReport.none')}</p>}
      {r.items.map((c) => (
        <div key={c.id}>
          <h3>
            <a href={ctx.link(c.href)}>{c.title}</a>
          </h3>
          <p class="meta">
            {t(`processReport.input.states.${c.state}`)} · {t('processReport.input.accepted')}
            {colon(lang)}
            <Fig ctx={ctx} f={c.accepted} />
          </p>
          {c.reports.length > 0 && (
            <ul>
              {c.reports.map((s) => (
                <li key={s.id}>
                  <a href={ctx.link(s.href)} hrefLang={s.lang}>
                    <span lang={s.lang}>{s.title}</span>
                  </a>
                  {s.organisation && ` ${t('processReport.input.from', { organisation: s.organisation })}`}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </Section>
  );
}
