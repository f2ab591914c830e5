import { formFields } from '../../platform/web/forms.js';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { redirectWithNotice } from '../../platform/web/notice.js';
import { getProcess, processScope } from '../processes/index.js';
import { getGroup, groupById } from '../groups/index.js';
import * as meetings from './meetings.service.js';
import * as registrations from './registrations.service.js';
import { RegisterBody } from './meetings.schema.js';
import { meetingPath } from './links.js';
import { MeetingListView } from './views/meeting-list.view.js';
import { MeetingView } from './views/meeting.view.js';
import { meetingListPage, meetingPage } from './meetings.page-presenter.js';

const hide = { hide: true };
const PAGE = 20;

/** Meeting pages anyone can read, and registering for a meeting. */
export const meetingsPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const base = () => app.deps.config.baseUrl;
  const params = (req: FastifyRequest) => req.params as { processSlug: string; meetingId: string };
  /** The meeting named by the address, as the visitor may see it (404 otherwise). */
  const visible = async (req: FastifyRequest) => meetings.getMeeting(db(), (await processScope(db(), params(req).processSlug)).processId, params(req).meetingId, req.actor);

  app.get('/processes/:processSlug/meetings', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const q = formFields(req.query);
    const d = await getProcess(db(), params(req).processSlug);
    const g = q.group ? (await getGroup(db(), d.process.id, q.group)).group : undefined;
    const [upcoming, past] = await Promise.all([
      meetings.listMeetings(db(), d.process.id, req.actor, { when: 'upcoming', groupId: g?.id, after: q.later || undefined, limit: PAGE }),
      meetings.listMeetings(db(), d.process.id, req.actor, { when: 'past', groupId: g?.id, after: q.earlier || undefined, limit: PAGE }),
    ]);
    // Each list pages on its own; the other list's place is kept in the link.
    const href = (extra: Record<string, string | undefined>) => {
      const p = new URLSearchParams(Object.entries({ group: q.group, later: q.later, earlier: q.earlier, ...extra }).filter((e): e is [string, string] => !!e[1]));
      return localPath(req.lang, `/processes/${d.process.slug}/meetings?${p}`);
    };
    const ctx = pageCtx(req, reply);
    const model = meetingListPage(
      { process: d.process, group: g, upcoming: upcoming.items, past: past.items, laterHref: upcoming.next ? href({ later: upcoming.next }) : undefined, earlierHref: past.next ? href({ earlier: past.next }) : undefined },
      ctx,
    );
    return sendPage(reply, <MeetingListView ctx={ctx} model={model} />);
  });

  app.get('/processes/:processSlug/meetings/:meetingId', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const d = await getProcess(db(), params(req).processSlug);
    const m = await meetings.getMeeting(db(), d.process.id, params(req).meetingId, req.actor);
    const now = new Date();
    const [agenda, counts, mine, attendance, group] = await Promise.all([
      meetings.agendaOf(db(), m.id),
      meetings.countsOf(db(), m.id),
      req.actor ? registrations.registrationOf(db(), m.id, req.actor.userId) : Promise.resolve(undefined),
      m.starts_at <= now ? registrations.attendanceSummary(db(), d.process.id, m.id, d.stakeholderGroups) : Promise.resolve(undefined),
      m.group_id ? groupById(db(), m.group_id) : Promise.resolve(undefined),
    ]);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <MeetingView ctx={ctx} model={meetingPage({ m, process: d.process, group, agenda, counts, mine, attendance, now }, ctx)} />);
  });

  app.post('/processes/:processSlug/meetings/:meetingId/register', { config: { policy: 'meeting.register' }, schema: hide }, async (req, reply) => {
    const m = await visible(req);
    const body = RegisterBody.parse({ showName: formFields(req.body).showName === 'true' });
    const state = await registrations.register(db(), base(), req.actor!, m.id, body);
    return redirectWithNotice(reply, localPath(req.lang, meetingPath(m.process_slug, m.id)), state.registration.status === 'registered' ? 'meetings.registered' : 'meetings.waitlisted');
  });

  app.post('/processes/:processSlug/meetings/:meetingId/unregister', { config: { policy: 'meeting.unregister' }, schema: hide }, async (req, reply) => {
    const m = await visible(req);
    await registrations.unregister(db(), base(), req.actor!, m.id);
    return redirectWithNotice(reply, localPath(req.lang, meetingPath(m.process_slug, m.id)), 'meetings.unregistered');
  });
};
