import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { TEXT_LIMITS } from '../meetings.schema.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** A link back to the meeting, above every management page. */
export interface Back {
  href: string;
  label: string;
}

function Frame(props: { ctx: PageCtx; title: string; back: Back; errors?: Record<string, string> | undefined; children: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <Breadcrumb ctx={props.ctx} trail={[{ href: props.back.href, label: props.back.label }]} current={props.title} />
      <h1>{props.title}</h1>
      <ErrorSummary ctx={props.ctx} errors={props.errors ?? {}} />
      {props.children}
    </Layout>
  );
}

/** One agenda row as the form shows it. */
export interface AgendaRowValues {
  title: string;
  titleFr: string;
  presenter: string;
  durationMinutes: string;
  documentUrl: string;
}

/**
 * The agenda as a fixed set of rows (no JavaScript needed to add one); rows left empty are
 * dropped, and the order of the rows is the order of the agenda.
 */
export function AgendaFormView(props: { ctx: PageCtx; title: string; back: Back; action: string; rows: AgendaRowValues[]; errors?: Record<string, string> }) {
  const { ctx } = props;
  const { t } = ctx;
  const e = props.errors ?? {};
  const cols = ['title', 'titleFr', 'presenter', 'durationMinutes', 'documentUrl'] as const;
  return (
    <Frame ctx={ctx} title={props.title} back={props.back} errors={e}>
      <Form ctx={ctx} action={props.action} class="form form--wide">
        <p class="hint">{t('meetings.agendaHint')}</p>
        <ScrollTable class="form-table" label={t('meetings.agenda')}>
          <caption class="visually-hidden">{t('meetings.agenda')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {cols.map((c) => (
                <th scope="col" key={c}>
                  {t(`meetings.agendaFields.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                {cols.map((c) => {
                  const err = e[`items.${i}.${c}`];
                  return (
                    <td key={c}>
                      <input
                        id={`field-items.${i}.${c}`}
                        name={`items[${i}][${c}]`}
                        type={c === 'durationMinutes' ? 'number' : c === 'documentUrl' ? 'url' : 'text'}
                        value={r[c]}
                        aria-label={`${t(`meetings.agendaFields.${c}`)} ${i + 1}`}
                        aria-invalid={err ? 'true' : undefined}
                      />
                      {err && <p class="field-error">{err}</p>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <Submit>{t('meetings.saveAgenda')}</Submit>
      </Form>
    </Frame>
  );
}

/** Minutes in both languages, and the recording links: two forms, each saved on its own. */
export function MinutesFormView(props: { ctx: PageCtx; title: string; back: Back; base: string; minutesEn: string; minutesFr: string; urls: string[]; errors?: Record<string, string> }) {
  const { ctx } = props;
  const { t } = ctx;
  const e = props.errors ?? {};
  return (
    <Frame ctx={ctx} title={props.title} back={props.back} errors={e}>
      <h2>{t('meetings.minutes')}</h2>
      <Form ctx={ctx} action={`${props.base}/minutes`} class="form form--wide">
        <TextArea name="minutesEn" label={t('meetings.fields.minutesEn')} value={props.minutesEn} error={e.minutesEn} rows={12} limit={textLimit(t, TEXT_LIMITS.minutes)} />
        <TextArea name="minutesFr" label={t('meetings.fields.minutesFr')} value={props.minutesFr} error={e.minutesFr} rows={12} limit={textLimit(t, TEXT_LIMITS.minutes)} />
        <Submit>{t('meetings.saveMinutes')}</Submit>
      </Form>
      <h2>{t('meetings.recordings')}</h2>
      <Form ctx={ctx} action={`${props.base}/recordings`} class="form form--wide">
        <p class="hint">{t('meetings.fields.urlHint')}</p>
        {props.urls.map((u, i) => (
          <div class={e[`urls.${i}`] ? 'field field--error' : 'field'} key={i}>
            <label for={`field-urls.${i}`}>{t('meetings.recordingN', { n: i + 1 })}</label>
            {e[`urls.${i}`] && <p class="field-error">{e[`urls.${i}`]}</p>}
            <input id={`field-urls.${i}`} name={`urls[${i}]`} type="url" value={u} aria-invalid={e[`urls.${i}`] ? 'true' : undefined} />
          </div>
        ))}
        <Submit>{t('meetings.saveRecordings')}</Submit>
      </Form>
    </Frame>
  );
}

/** Chairs tick who attended, from the registrants and the group's members. */
export function AttendanceFormView(props: {
  ctx: PageCtx;
  title: string;
  back: Back;
  action: string;
  people: { user_id: string; name: string; registered: boolean }[];
  attended: Set<string>;
  errors?: Record<string, string>;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Frame ctx={ctx} title={props.title} back={props.back} errors={props.errors}>
      {props.people.length === 0 ? (
        <p>{t('meetings.noCandidates')}</p>
      ) : (
        <Form ctx={ctx} action={props.action} class="form">
          <fieldset class="field" id="field-userIds">
            <legend>{t('meetings.whoAttended')}</legend>
            {props.people.map((p) => (
              <div class="choice" key={p.user_id}>
                <input type="checkbox" id={`field-attended-${p.user_id}`} name="userIds" value={p.user_id} checked={props.attended.has(p.user_id)} />
                <label for={`field-attended-${p.user_id}`}>
                  {p.name}
                  {p.registered ? '' : ` (${t('meetings.notRegistered')})`}
                </label>
              </div>
            ))}
          </fieldset>
          <Submit>{t('meetings.saveAttendance')}</Submit>
        </Form>
      )}
    </Frame>
  );
}

/** Confirm a cancellation: registrants will be emailed and calendars updated. */
export function CancelView(props: { ctx: PageCtx; title: string; back: Back; action: string; registrants: number }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Frame ctx={ctx} title={props.title} back={props.back}>
      <p>{t('meetings.cancelExplain', { count: props.registrants })}</p>
      <Form ctx={ctx} action={props.action}>
        <Submit>{t('meetings.cancelConfirm')}</Submit>
      </Form>
    </Frame>
  );
}
