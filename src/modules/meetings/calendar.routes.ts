import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getProcess } from '../processes/index.js';
import { getGroup } from '../groups/index.js';
import { GroupParams, MeetingIdParams, ProcessParams } from './meetings.schema.js';
import { feedMeetings, getMeetingById } from './meetings.service.js';
import { meetingsCalendar } from './meetings.ical.js';

/** Send an iCalendar document; calendars poll feeds, so a short public cache spares the database. */
function sendCalendar(reply: FastifyReply, ics: string, filename: string, cache: 'public' | 'private'): FastifyReply {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${filename}"`)
    .header('cache-control', cache === 'public' ? 'public, max-age=300' : 'private, no-store')
    .send(ics);
}

/**
 * iCalendar (RFC 5545): one meeting's .ics, and feeds per process and per working group.
 * Feeds hold public meetings only; stable UIDs, SEQUENCE and STATUS let subscribed calendars
 * follow edits and cancellations. The language comes from `?lang=` or Accept-Language.
 */
export const calendarApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const base = () => app.deps.config.baseUrl;
  const tags = ['meetings'];

  app.get(
    '/meetings/:meetingId.ics',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'One meeting as an iCalendar file (text/calendar)', params: MeetingIdParams } },
    async (req, reply) => {
      const m = await getMeetingById(db(), req.params.meetingId, req.actor);
      const title = req.lang === 'fr' ? m.title_fr : m.title_en;
      // A members-only meeting is answered to members only, and must not sit in a shared cache.
      return sendCalendar(reply, meetingsCalendar([m], req.lang, base(), title, { publish: true }), `meeting-${m.id}.ics`, m.visibility === 'public' ? 'public' : 'private');
    },
  );

  app.get(
    '/processes/:processSlug/calendar.ics',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'Calendar feed of a process’s public meetings (text/calendar)', params: ProcessParams } },
    async (req, reply) => {
      const d = await getProcess(db(), req.params.processSlug);
      const name = req.lang === 'fr' ? d.process.title_fr : d.process.title_en;
      return sendCalendar(reply, meetingsCalendar(await feedMeetings(db(), d.process.id), req.lang, base(), name), `${d.process.slug}.ics`, 'public');
    },
  );

  app.get(
    '/processes/:processSlug/groups/:groupSlug/calendar.ics',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'Calendar feed of a working group’s public meetings (text/calendar)', params: GroupParams } },
    async (req, reply) => {
      const d = await getProcess(db(), req.params.processSlug);
      const g = (await getGroup(db(), d.process.id, req.params.groupSlug)).group;
      const name = req.lang === 'fr' ? g.name_fr : g.name_en;
      return sendCalendar(reply, meetingsCalendar(await feedMeetings(db(), d.process.id, g.id), req.lang, base(), name), `${d.process.slug}-${g.slug}.ics`, 'public');
    },
  );
};
