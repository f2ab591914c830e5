import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getProcess, processRecords, SlugParams } from '../processes/index.js';
import { AddMemberBody, AnnouncementBody, CreateGroupBody, GroupOut, GroupParams, UpdateGroupBody } from './groups.schema.js';
import * as groups from './groups.service.js';
import { groupFromParams } from './groups.pages.js';
import { presentAnnouncement, presentGroup } from './groups.presenter.js';

const Message = z.object({ message: z.string() });
const AnnouncementOut = z.object({ id: z.uuid(), title: z.string(), body: z.string(), lang: z.string(), author: z.string().nullable(), createdAt: z.iso.datetime() });

/** Working groups through the JSON API. */
export const groupsApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const base = () => app.deps.config.baseUrl;
  const tags = ['working groups'];
  const scoped = { scope: groupFromParams };

  app.get(
    '/processes/:processSlug/groups',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'The working groups of a process', params: SlugParams, response: { 200: z.object({ items: z.array(GroupOut) }) } } },
    async (req) => {
      const d = await getProcess(db(), req.params.processSlug);
      return { items: (await groups.listGroups(db(), d.process.id)).map((s) => presentGroup(s, d.process.slug, base())) };
    },
  );

  app.post(
    '/processes/:processSlug/groups',
    { config: { policy: 'group.create', scope: processRecords }, schema: { tags, summary: 'Create a working group', params: SlugParams, body: CreateGroupBody, response: { 201: GroupOut } } },
    async (req, reply) => {
      const g = await groups.createGroup(db(), req.actor!, req.policyContext.processId!, req.body);
      return reply.status(201).send(presentGroup(await groups.getGroup(db(), g.process_id, g.slug), req.params.processSlug, base()));
    },
  );

  app.get(
    '/processes/:processSlug/groups/:groupSlug',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'One working group', params: GroupParams, response: { 200: GroupOut } } },
    async (req) => {
      const d = await getProcess(db(), req.params.processSlug);
      return presentGroup(await groups.getGroup(db(), d.process.id, req.params.groupSlug), d.process.slug, base());
    },
  );

  app.put(
    '/processes/:processSlug/groups/:groupSlug',
    { config: { policy: 'group.update', ...scoped }, schema: { tags, summary: 'Change a working group’s names, charter or status', params: GroupParams, body: UpdateGroupBody, response: { 200: GroupOut } } },
    async (req) => {
      const g = await groups.updateGroup(db(), req.actor!, req.policyContext.groupId!, req.body);
      return presentGroup(await groups.getGroup(db(), g.process_id, g.slug), req.params.processSlug, base());
    },
  );

  app.post(
    '/processes/:processSlug/groups/:groupSlug/members/me',
    { config: { policy: 'group.join', ...scoped }, schema: { tags, summary: 'Join the working group (self-selection)', params: GroupParams, response: { 200: Message } } },
    async (req) => {
      await groups.joinGroup(db(), req.actor!, await groups.groupById(db(), req.policyContext.groupId!));
      return { message: req.t('groups.joined') };
    },
  );

  app.delete(
    '/processes/:processSlug/groups/:groupSlug/members/me',
    { config: { policy: 'group.leave', ...scoped }, schema: { tags, summary: 'Leave the working group', params: GroupParams, response: { 200: Message } } },
    async (req) => {
      await groups.leaveGroup(db(), req.actor!, await groups.groupById(db(), req.policyContext.groupId!));
      return { message: req.t('groups.left') };
    },
  );

  app.post(
    '/processes/:processSlug/groups/:groupSlug/members',
    { config: { policy: 'group.addMember', ...scoped }, schema: { tags, summary: 'Add a process member to the group by email, optionally as a chair', params: GroupParams, body: AddMemberBody, response: { 200: Message } } },
    async (req) => {
      await groups.addMemberByEmail(db(), req.actor!, await groups.groupById(db(), req.policyContext.groupId!), req.body.email, req.body.chair);
      return { message: req.t('groups.memberAdded') };
    },
  );

  app.get(
    '/processes/:processSlug/groups/:groupSlug/announcements',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'Announcements, newest first', params: GroupParams, response: { 200: z.object({ items: z.array(AnnouncementOut) }) } } },
    async (req) => {
      const d = await getProcess(db(), req.params.processSlug);
      const g = await groups.getGroup(db(), d.process.id, req.params.groupSlug);
      return { items: (await groups.announcements(db(), g.group.id, 100)).map(presentAnnouncement) };
    },
  );

  app.post(
    '/processes/:processSlug/groups/:groupSlug/announcements',
    { config: { policy: 'group.announce', ...scoped }, schema: { tags, summary: 'Post an announcement (chairs)', params: GroupParams, body: AnnouncementBody, response: { 201: Message } } },
    async (req, reply) => {
      await groups.postAnnouncement(db(), req.actor!, await groups.groupById(db(), req.policyContext.groupId!), req.body);
      return reply.status(201).send({ message: req.t('groups.announced') });
    },
  );
};
