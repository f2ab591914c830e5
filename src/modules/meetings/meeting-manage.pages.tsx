import { pick } from '../../platform/i18n/pick.js';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { redirectWithNotice } from '../../platform/web/notice.js';
import { formFields, parseForm } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { getProcess, processRecords, type ProcessDetail } from '../processes/index.js';
import { groupById, groupFromParams } from '../groups/index.js';
import { AgendaBody, AttendanceBody, MeetingBody, MinutesBody, RecordingsBody } from './meetings.schema.js';
import * as meetings from './meetings.service.js';
import * as registrations from './registrations.service.js';
import type { MeetingRow } from './meetings.repository.js';
import { meetingFromParams } from './meetings.routes.js';
import * as forms from './meetings.forms.js';
import { meetingPath } from './links.js';
import { MeetingFormView, type MeetingFormValues } from './views/meeting-form.view.js';
import { ConfirmClearView } from './views/confirm-clear.view.js';
import { AgendaFormView, AttendanceFormView, CancelView, MinutesFormView, type Back } from './views/manage.views.js';

type Flat = Record<string, string | string[] | undefined>;
const hide = { hide: true };

/** Pages where chairs, conveners and oversight schedule and run meetings. */
export const meetingManagePages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const deps = () => meetings.meetingsDeps(app.deps);
  const slugs = (req: FastifyRequest) => req.params as { processSlug: string; groupSlug?: string; meetingId?: string };
  const scoped = { scope: meetingFromParams };
  // One text per field (a repeated field keeps its first value); only attendance takes many values of one field.
  const flat = (req: FastifyRequest): Flat => formFields(req.body);
  const manyValued = (req: FastifyRequest) => (req.body ?? {}) as Flat;
  /** The meeting of the address, for someone the policy already let through (404 when absent). */
  const target = (req: FastifyRequest) => meetings.getMeeting(db(), req.policyContext.processId!, slugs(req).meetingId!, req.actor);
  const page = (req: FastifyRequest, m: MeetingRow) => localPath(req.lang, meetingPath(m.process_slug, m.id));
  const back = (req: FastifyRequest, m: MeetingRow): Back => ({ href: page(req, m), label: pick(req.lang, m, 'title') });

  // Scheduling: the same form for a process's meeting and a group's.
  const newForm = async (req: FastifyRequest, reply: FastifyReply, values: MeetingFormValues, errors?: Record<string, string>, status = 200, read?: ProcessDetail) => {
    // The empty form's handler has read the process already (for its zone); it hands it over.
    const d = read ?? (await getProcess(db(), slugs(req).processSlug));
    const g = req.policyContext.groupId ? await groupById(db(), req.policyContext.groupId) : undefined;
      const backTo = g ? { href: localPath(req.lang, `/processes/${d.process.slug}/groups/${g.slug}`), label: pick(req.lang, g, 'name') } : { href: localPath(req.lang, `/processes/${d.process.slug}`), label: pick(req.lang, d.process, 'title') };
    const title = g ? req.t('meetings.scheduleForGroup', { name: backTo.label }) : req.t('meetings.scheduleForProcess');
    const action = localPath(req.lang, g ? `/processes/${d.process.slug}/groups/${g.slug}/meetings/new` : `/processes/${d.process.slug}/meetings/new`);
    return sendPage(reply, <MeetingFormView ctx={pageCtx(req, reply)} title={title} action={action} back={backTo} values={values} errors={errors} />, status);
  };
  const schedule = async (req: FastifyRequest, reply: FastifyReply) => {
    const values = forms.meetingFormValues(flat(req));
    return formAction(req, reply, {
      schema: MeetingBody,
      input: values,
      again: (errors, status) => newForm(req, reply, values, errors, status),
      run: (data) => meetings.scheduleMeeting(deps(), req.actor!, { processId: req.policyContext.processId!, groupId: req.policyContext.groupId }, data),
      to: (m) => localPath(req.lang, meetingPath(slugs(req).processSlug, m.id)),
      notice: 'meetings.scheduled',
    });
  };
  for (const [path, scope] of [
    ['/processes/:processSlug/meetings/new', processRecords],
    ['/processes/:processSlug/groups/:groupSlug/meetings/new', groupFromParams],
  ] as const) {
    app.get(path, { config: { policy: 'meeting.schedule', scope }, schema: hide }, async (req, reply) => {
      const d = await getProcess(db(), slugs(req).processSlug);
      return newForm(req, reply, { timeZone: d.process.timezone }, undefined, 200, d);
    });
    app.post(path, { config: { policy: 'meeting.schedule', scope }, schema: hide }, schedule);
  }

  // Editing and rescheduling.
  const editForm = (req: FastifyRequest, reply: FastifyReply, m: MeetingRow, values: MeetingFormValues, errors?: Record<string, string>, status = 200) =>
    sendPage(reply, <MeetingFormView ctx={pageCtx(req, reply)} title={req.t('meetings.editTitle')} action={`${page(req, m)}/edit`} back={back(req, m)} values={values} errors={errors} />, status);
  app.get('/processes/:processSlug/meetings/:meetingId/edit', { config: { policy: 'meeting.update', ...scoped }, schema: hide }, async (req, reply) => {
    const m = await target(req);
    return editForm(req, reply, m, forms.meetingToValues(m));
  });
  app.post('/processes/:processSlug/meetings/:meetingId/edit', { config: { policy: 'meeting.update', ...scoped }, schema: hide }, async (req, reply) => {
    const m = await target(req);
    const values = forms.meetingFormValues(flat(req));
    return formAction(req, reply, {
      schema: MeetingBody,
      input: values,
      again: (errors, status) => editForm(req, reply, m, values, errors, status),
      run: (data) => meetings.updateMeeting(deps(), req.actor!, m.process_id, m.id, data),
      to: page(req, m),
      notice: 'meetings.saved',
    });
  });

  /** The confirmation asked before a save would erase the agenda or minutes; 409 as nothing was saved. */
  const confirmClear = (req: FastifyRequest, reply: FastifyReply, m: MeetingRow, what: 'agenda' | 'minutes', losses: string[], fields: Record<string, string>) =>
    sendPage(
      reply,
      <ConfirmClearView ctx={pageCtx(req, reply)} title={req.t('meetings.clear.title')} back={back(req, m)} action={`${page(req, m)}/${what}`} keepHref={`${page(req, m)}/${what}`} losses={losses} fields={fields} />,
      409,
    );

  // The agenda, as a fixed set of rows.
  const agendaForm = (req: FastifyRequest, reply: FastifyReply, m: MeetingRow, rows: ReturnType<typeof forms.agendaRows>, errors?: Record<string, string>, status = 200) =>
    sendPage(reply, <AgendaFormView ctx={pageCtx(req, reply)} title={req.t('meetings.agendaTitle')} back={back(req, m)} action={`${page(req, m)}/agenda`} rows={forms.agendaRows(rows)} errors={errors} />, status);
  app.get('/processes/:processSlug/meetings/:meetingId/agenda', { config: { policy: 'meeting.update', ...scoped }, schema: hide }, async (req, reply) => {
    const m = await target(req);
    return agendaForm(req, reply, m, forms.agendaToRows(await meetings.agendaOf(db(), m.id)));
  });
  app.post('/processes/:processSlug/meetings/:meetingId/agenda', { config: { policy: 'meeting.update', ...scoped }, schema: hide }, async (req, reply) => {
    const m = await target(req);
    const rows = forms.submittedAgendaRows(flat(req));
    const parsed = parseForm(AgendaBody, { items: rows }, req.t);
    if (!parsed.ok) return agendaForm(req, reply, m, rows, parsed.errors, 422);
    // Every row left empty would erase the agenda: ask first (the stored one stays until then).
    if (parsed.data.items.length === 0 && !forms.clearConfirmed(flat(req))) {
      const stored = await meetings.agendaOf(db(), m.id);
      if (stored.length > 0) return confirmClear(req, reply, m, 'agenda', [req.t('meetings.clear.agenda', { count: stored.length })], {});
    }
    await meetings.saveAgenda(deps(), req.actor!, m.process_id, m.id, { ...parsed.data, confirmClear: forms.clearConfirmed(flat(req)) });
    return redirectWithNotice(reply, page(req, m), 'meetings.agendaSaved');
  });

  // Minutes and recordings.
  const minutesForm = (req: FastifyRequest, reply: FastifyReply, m: MeetingRow, over: { minutesEn?: string; minutesFr?: string; urls?: string[] } = {}, errors?: Record<string, string>, status = 200) =>
    sendPage(
      reply,
      <MinutesFormView
        ctx={pageCtx(req, reply)}
        title={req.t('meetings.minutesTitle')}
        back={back(req, m)}
        base={page(req, m)}
        minutesEn={over.minutesEn ?? m.minutes_en}
        minutesFr={over.minutesFr ?? m.minutes_fr}
        urls={forms.recordingRows(over.urls ?? m.recording_urls)}
        errors={errors}
      />,
      status,
    );
  app.get('/processes/:processSlug/meetings/:meetingId/minutes', { config: { policy: 'meeting.record', ...scoped }, schema: hide }, async (req, reply) => minutesForm(req, reply, await target(req)));
  app.post('/processes/:processSlug/meetings/:meetingId/minutes', { config: { policy: 'meeting.record', ...scoped }, schema: hide }, async (req, reply) => {
    const m = await target(req);
    // The confirmation is the form's yes/no field, read by clearConfirmed below, not the API's boolean.
    const { confirmClear: _yes, ...values } = forms.meetingFormValues(flat(req));
    const parsed = parseForm(MinutesBody, values, req.t);
    if (!parsed.ok) return minutesForm(req, reply, m, values, parsed.errors, 422);
    // Emptying minutes already posted would erase the meeting's record: ask first.
    const cleared = forms.minutesCleared(m, parsed.data);
    if (cleared.length > 0 && !forms.clearConfirmed(flat(req))) {
      const losses = cleared.map((lang) => req.t(`meetings.clear.minutes_${lang}`));
      return confirmClear(req, reply, m, 'minutes', losses, { minutesEn: parsed.data.minutesEn, minutesFr: parsed.data.minutesFr });
    }
    await meetings.saveMinutes(deps(), req.actor!, m.process_id, m.id, { ...parsed.data, confirmClear: forms.clearConfirmed(flat(req)) });
    return redirectWithNotice(reply, page(req, m), 'meetings.minutesSaved');
  });
  app.post('/processes/:processSlug/meetings/:meetingId/recordings', { config: { policy: 'meeting.record', ...scoped }, schema: hide }, async (req, reply) => {
    const m = await target(req);
    const urls = forms.submittedRecordings(flat(req));
    const parsed = parseForm(RecordingsBody, { urls }, req.t);
    if (!parsed.ok) return minutesForm(req, reply, m, { urls }, parsed.errors, 422);
    await meetings.saveRecordings(deps(), req.actor!, m.process_id, m.id, parsed.data.urls);
    return redirectWithNotice(reply, page(req, m), 'meetings.recordingsSaved');
  });

  // Attendance.
  const attendanceForm = async (req: FastifyRequest, reply: FastifyReply, m: MeetingRow, ticked?: string[], errors?: Record<string, string>, status = 200) => {
    const [people, registrants, attended] = await Promise.all([registrations.attendanceCandidates(db(), m), registrations.registrantsOf(db(), m.id), registrations.attendeeIds(db(), m.id)]);
    const registered = new Set(registrants.map((r) => r.user_id));
    return sendPage(
      reply,
      <AttendanceFormView
        ctx={pageCtx(req, reply)}
        title={req.t('meetings.attendanceTitle')}
        back={back(req, m)}
        action={`${page(req, m)}/attendance`}
        people={people.map((p) => ({ ...p, registered: registered.has(p.user_id) }))}
        attended={new Set(ticked ?? attended)}
        errors={errors}
      />,
      status,
    );
  };
  app.get('/processes/:processSlug/meetings/:meetingId/attendance', { config: { policy: 'meeting.attendance', ...scoped }, schema: hide }, async (req, reply) => attendanceForm(req, reply, await target(req)));
  app.post('/processes/:processSlug/meetings/:meetingId/attendance', { config: { policy: 'meeting.attendance', ...scoped }, schema: hide }, async (req, reply) => {
    const m = await target(req);
    const userIds = forms.submittedAttendees(manyValued(req));
    return formAction(req, reply, {
      schema: AttendanceBody,
      input: { userIds },
      // A list that does not parse holds someone who cannot attend: say so rather than "invalid".
      again: (errors, status, problem) => attendanceForm(req, reply, m, userIds, problem ? errors : { userIds: req.t('meetings.errors.notCandidate') }, status),
      run: (data) => registrations.setAttendance(db(), req.actor!, m.process_id, m.id, data.userIds),
      to: page(req, m),
      notice: 'meetings.attendanceSaved',
    });
  });

  // Cancelling, after a confirmation page.
  app.get('/processes/:processSlug/meetings/:meetingId/cancel', { config: { policy: 'meeting.cancel', ...scoped }, schema: hide }, async (req, reply) => {
    const m = await target(req);
    const counts = await meetings.countsOf(db(), m.id);
    return sendPage(reply, <CancelView ctx={pageCtx(req, reply)} title={req.t('meetings.cancelTitle')} back={back(req, m)} action={`${page(req, m)}/cancel`} registrants={counts.registered + counts.waitlisted} />);
  });
  app.post('/processes/:processSlug/meetings/:meetingId/cancel', { config: { policy: 'meeting.cancel', ...scoped }, schema: hide }, async (req, reply) => {
    const m = await target(req);
    await meetings.cancelMeeting(deps(), req.actor!, m.process_id, m.id);
    return redirectWithNotice(reply, page(req, m), 'meetings.cancelledDone');
  });
};
