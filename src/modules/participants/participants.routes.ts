import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getProcess, processRecords, SlugParams } from '../processes/index.js';
import { groupMemberIds, groupsByUser, listGroups } from '../groups/index.js';
import { BalanceOut, InviteBody, JoinBody, MemberFilters, MemberOut, NewOrganisation, OrganisationOut } from './participants.schema.js';
import * as participants from './participants.service.js';
import { participantsCsv, presentBalance, presentMember, presentOrganisation } from './participants.presenter.js';
import { toPopolo } from './popolo.js';
import type { MemberRow } from './participants.repository.js';

const Message = z.object({ message: z.string() });

/** What an export says of staff beside each name (issue 10), as the pages' badge does. */
const STAFF_NOTE = (where: string) =>
  `Whether each person is staff is in ${where}: "administrator" (the installation’s) or "convener" (of the process), from their roles, never from the name; the pages show the same as a badge beside the name.`;

/** Organisations, members, balance, invitations and open-data exports through the JSON API. */
export const participantsApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const tags = ['participants'];

  /** Every member of a process, page by page (exports want them all). */
  async function allMembers(processId: string): Promise<MemberRow[]> {
    const out: MemberRow[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await participants.listMembers(db(), processId, { after, limit: 500 });
      out.push(...page.items);
      if (!page.next) return out;
      after = page.next;
    }
  }

  app.get('/organisations', { config: { policy: 'public.read' }, schema: { tags, summary: 'All organisations', response: { 200: z.object({ items: z.array(OrganisationOut) }) } } }, async () => ({
    items: (await participants.organisations(db())).map(presentOrganisation),
  }));

  app.post(
    '/organisations',
    { config: { policy: 'organisation.create' }, schema: { tags, summary: 'Add an organisation (or get the one with that name)', body: NewOrganisation, response: { 201: OrganisationOut } } },
    async (req, reply) => {
      const org = await participants.createOrganisation(db(), req.actor!, req.body);
      return reply.status(201).send(presentOrganisation(org));
    },
  );

  app.get(
    '/processes/:processSlug/members',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'Members of a process, filtered, by name (keyset: pass `next` as `after`)', params: SlugParams, querystring: MemberFilters, response: { 200: z.object({ items: z.array(MemberOut), next: z.string().nullable() }) } },
    },
    async (req) => {
      const d = await getProcess(db(), req.params.processSlug);
      const q = req.query;
      const groups = q.group ? await listGroups(db(), d.process.id) : [];
      const groupId = q.group ? (groups.find((g) => g.group.slug === q.group)?.group.id ?? '00000000-0000-0000-0000-000000000000') : undefined;
      const page = await participants.listMembers(db(), d.process.id, { stakeholderKey: q.stakeholderGroup, groupId, organisationId: q.organisation, after: q.after, limit: q.limit });
      const memberGroups = await groupsByUser(db(), d.process.id, page.items.map((m) => m.user_id));
      const items = page.items.map((m) => presentMember(m, (memberGroups.get(m.user_id) ?? []).map((g) => g.slug)));
      return { items, next: page.next };
    },
  );

  app.post(
    '/processes/:processSlug/members',
    { config: { policy: 'process.join', scope: processRecords }, schema: { tags, summary: 'Join the process as the signed-in person', params: SlugParams, body: JoinBody, response: { 201: Message } } },
    async (req, reply) => {
      const d = processRecords.of(req);
      await participants.joinProcess(db(), req.actor!, d.process, d.stakeholderGroups, req.body);
      return reply.status(201).send({ message: req.t('participants.joined') });
    },
  );

  app.delete(
    '/processes/:processSlug/members/me',
    { config: { policy: 'process.leave', scope: processRecords }, schema: { tags, summary: 'Leave the process', params: SlugParams, response: { 200: Message } } },
    async (req) => {
      await participants.leaveProcess(db(), req.actor!, req.policyContext.processId!);
      return { message: req.t('participants.left') };
    },
  );

  app.get(
    '/processes/:processSlug/balance',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'Members per stakeholder group against targets, for the process or one working group', params: SlugParams, querystring: z.object({ group: z.string().max(60).optional() }), response: { 200: BalanceOut } },
    },
    async (req) => {
      const d = await getProcess(db(), req.params.processSlug);
      let ids: string[] | undefined;
      if (req.query.group) {
        const g = (await listGroups(db(), d.process.id)).find((x) => x.group.slug === req.query.group);
        ids = g ? await groupMemberIds(db(), g.group.id) : [];
      }
      return presentBalance(await participants.balance(db(), d.process.id, d.stakeholderGroups, ids));
    },
  );

  app.post(
    '/processes/:processSlug/invitations',
    { config: { policy: 'process.invite', scope: processRecords }, schema: { tags, summary: 'Invite someone by email with a role', params: SlugParams, body: InviteBody, response: { 202: Message } } },
    async (req, reply) => {
      const d = processRecords.of(req);
      await participants.invite(db(), req.actor!, d.process, req.body, app.deps.config.baseUrl);
      return reply.status(202).send({ message: req.t('participants.invited') });
    },
  );

  app.post(
    '/invitations/accept',
    { config: { policy: 'invitation.accept' }, schema: { tags, summary: 'Accept an emailed invitation', body: z.object({ token: z.string().min(10).max(200) }), response: { 200: z.object({ processSlug: z.string(), role: z.string() }) } } },
    async (req) => {
      const r = await participants.acceptInvitation(db(), req.actor!, req.body.token);
      return { processSlug: await participants.processSlugOf(db(), r.processId), role: r.role };
    },
  );

  app.get('/processes/:processSlug/popolo.json', { config: { policy: 'public.read' }, schema: { tags, summary: 'Participants, organisations and memberships as Popolo JSON', description: STAFF_NOTE('each person’s `+staff_role` (a property Popolo does not define, flagged with its `+`)'), params: SlugParams } }, async (req, reply) => {
    const d = await getProcess(db(), req.params.processSlug);
    const [members, orgs, groups] = await Promise.all([allMembers(d.process.id), participants.organisationsInProcess(db(), d.process.id), listGroups(db(), d.process.id)]);
    const withIds = await Promise.all(groups.map(async (g) => ({ ...g.group, memberIds: await groupMemberIds(db(), g.group.id) })));
    return reply.type('application/json; charset=utf-8').send(toPopolo({ process: d.process, members, organisations: orgs, groups: withIds, baseUrl: app.deps.config.baseUrl }));
  });

  app.get('/processes/:processSlug/participants.csv', { config: { policy: 'public.read' }, schema: { tags, summary: 'Participants as CSV', description: STAFF_NOTE('the last column, `staff_role`, empty for anyone else'), params: SlugParams } }, async (req, reply) => {
    const d = await getProcess(db(), req.params.processSlug);
    const members = await allMembers(d.process.id);
    const memberGroups = await groupsByUser(db(), d.process.id, members.map((m) => m.user_id));
    const slugs = new Map([...memberGroups].map(([userId, groups]) => [userId, groups.map((g) => g.slug)]));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${d.process.slug}-participants.csv"`)
      .send(participantsCsv(members, slugs));
  });
};
