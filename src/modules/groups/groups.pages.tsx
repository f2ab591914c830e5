import { pick } from '../../platform/i18n/pick.js';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { redirectWithNotice } from '../../platform/web/notice.js';
import { parseForm, formFields } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { getProcess, processRecords } from '../processes/index.js';
import { balance, balanceSection, isProcessMember, BalanceSection } from '../participants/index.js';
import { AddMemberBody, AnnouncementBody, CreateGroupBody, UpdateGroupBody } from './groups.schema.js';
import * as groups from './groups.service.js';
import { GroupView } from './views/group.view.js';
import { groupPage } from './groups.page-presenter.js';
import { GroupFormView } from './views/group-form.view.js';
import { groupMeetingsModel, listMeetings, GroupMeetingsSection } from '../meetings/index.js';
import { FollowBox, followBox, followOf } from '../follows/index.js';

const hide = { hide: true };

/** Resolve `:processSlug/:groupSlug` for the policy hook. */
export const groupFromParams = (req: FastifyRequest) => {
  const p = req.params as { processSlug: string; groupSlug: string };
  return groups.groupScope(req.server.deps.db, p.processSlug, p.groupSlug);
};

/** Working group pages: the group, creating and editing it, joining, leaving, chairs' tools. */
export const groupsPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const params = (req: FastifyRequest) => req.params as { processSlug: string; groupSlug: string };
  const scoped = { scope: groupFromParams };
  const groupPath = (req: FastifyRequest) => localPath(req.lang, `/processes/${params(req).processSlug}/groups/${params(req).groupSlug}`);

  app.get('/processes/:processSlug/groups/new', { config: { policy: 'group.create', scope: processRecords }, schema: hide }, async (req, reply) =>
    sendPage(reply, <GroupFormView ctx={pageCtx(req, reply)} action={localPath(req.lang, `/processes/${params(req).processSlug}/groups/new`)} creating title={req.t('groups.createTitle')} />),
  );

  app.post('/processes/:processSlug/groups/new', { config: { policy: 'group.create', scope: processRecords }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const action = localPath(req.lang, `/processes/${params(req).processSlug}/groups/new`);
    const again = (errors: Record<string, string>, status: number) =>
      sendPage(reply, <GroupFormView ctx={pageCtx(req, reply)} action={action} creating title={req.t('groups.createTitle')} values={flat} errors={errors} />, status);
    return formAction(req, reply, {
      schema: CreateGroupBody,
      input: flat,
      again,
      run: (data) => groups.createGroup(db(), req.actor!, req.policyContext.processId!, data),
      to: (g) => localPath(req.lang, `/processes/${params(req).processSlug}/groups/${g.slug}`),
      notice: 'groups.created',
    });
  });

  /** The group's page; with a refused announcement, its form shows what was typed and why (422). */
  const showGroup = async (req: FastifyRequest, reply: FastifyReply, failedAnnouncement?: { values: Record<string, string | undefined>; errors: Record<string, string> }) => {
    const d = await getProcess(db(), params(req).processSlug);
    const summary = await groups.getGroup(db(), d.process.id, params(req).groupSlug);
    const memberIds = await groups.groupMemberIds(db(), summary.group.id);
    const [bal, ann] = await Promise.all([balance(db(), d.process.id, d.stakeholderGroups, memberIds), groups.announcements(db(), summary.group.id)]);
    const [upcoming, past] = await Promise.all(
      (['upcoming', 'past'] as const).map((when) => listMeetings(db(), d.process.id, req.actor, { when, groupId: summary.group.id, limit: 5 })),
    );
    const userId = req.actor?.userId;
    const ctx = pageCtx(req, reply);
    return sendPage(
      reply,
      <GroupView
        ctx={ctx}
        model={groupPage(
          {
            process: d.process,
            summary,
            announcements: ann,
            isGroupMember: userId ? memberIds.includes(userId) : false,
            isProcessMember: userId ? await isProcessMember(db(), d.process.id, userId) : false,
            failedAnnouncement,
          },
          ctx,
        )}
        balance={<BalanceSection ctx={ctx} model={balanceSection(bal.rows, ctx)} caption={req.t('groups.balanceCaption')} id="group-balance" />}
        follow={
          <FollowBox
            ctx={ctx}
            model={followBox(
              {
                path: `/processes/${d.process.slug}/groups/${summary.group.slug}`,
                mode: userId ? (await followOf(db(), userId, { processId: d.process.id, groupId: summary.group.id }))?.mode : undefined,
                label: req.t('follows.followGroup'),
              },
              ctx,
            )}
          />
        }
        meetings={
          <GroupMeetingsSection ctx={ctx} model={groupMeetingsModel({ place: { process: d.process, group: summary.group }, upcoming: upcoming!.items, past: past!.items }, ctx)} />
        }
      />,
      failedAnnouncement ? 422 : 200,
    );
  };

  app.get('/processes/:processSlug/groups/:groupSlug', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => showGroup(req, reply));

  app.get('/processes/:processSlug/groups/:groupSlug/edit', { config: { policy: 'group.update', ...scoped }, schema: hide }, async (req, reply) => {
    const g = await groups.groupById(db(), req.policyContext.groupId!);
    const values = { nameEn: g.name_en, nameFr: g.name_fr, charterEn: g.charter_en, charterFr: g.charter_fr, status: g.status };
    const title = req.t('groups.editTitle', { name: pick(req.lang, g, 'name') });
    return sendPage(reply, <GroupFormView ctx={pageCtx(req, reply)} action={`${groupPath(req)}/edit`} creating={false} title={title} values={values} />);
  });

  app.post('/processes/:processSlug/groups/:groupSlug/edit', { config: { policy: 'group.update', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const parsed = parseForm(UpdateGroupBody, flat, req.t);
    if (!parsed.ok) {
      return sendPage(reply, <GroupFormView ctx={pageCtx(req, reply)} action={`${groupPath(req)}/edit`} creating={false} title={req.t('groups.edit')} values={flat} errors={parsed.errors} />, 422);
    }
    await groups.updateGroup(db(), req.actor!, req.policyContext.groupId!, parsed.data);
    return redirectWithNotice(reply, groupPath(req), 'groups.saved');
  });

  app.post('/processes/:processSlug/groups/:groupSlug/join', { config: { policy: 'group.join', ...scoped }, schema: hide }, async (req, reply) => {
    await groups.joinGroup(db(), req.actor!, await groups.groupById(db(), req.policyContext.groupId!));
    return redirectWithNotice(reply, groupPath(req), 'groups.joined');
  });

  app.post('/processes/:processSlug/groups/:groupSlug/leave', { config: { policy: 'group.leave', ...scoped }, schema: hide }, async (req, reply) => {
    await groups.leaveGroup(db(), req.actor!, await groups.groupById(db(), req.policyContext.groupId!));
    return redirectWithNotice(reply, groupPath(req), 'groups.left');
  });

  app.post('/processes/:processSlug/groups/:groupSlug/members', { config: { policy: 'group.addMember', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const parsed = parseForm(AddMemberBody, { email: flat.email, chair: flat.chair === 'true' }, req.t);
    if (!parsed.ok) throw Object.assign(new Error('invalid'), { statusCode: 422 });
    await groups.addMemberByEmail(db(), req.actor!, await groups.groupById(db(), req.policyContext.groupId!), parsed.data.email, parsed.data.chair);
    return redirectWithNotice(reply, groupPath(req), 'groups.memberAdded');
  });

  app.post('/processes/:processSlug/groups/:groupSlug/announcements', { config: { policy: 'group.announce', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const parsed = parseForm(AnnouncementBody, flat, req.t);
    if (!parsed.ok) return showGroup(req, reply, { values: flat, errors: parsed.errors });
    await groups.postAnnouncement(db(), req.actor!, await groups.groupById(db(), req.policyContext.groupId!), parsed.data);
    return redirectWithNotice(reply, groupPath(req), 'groups.announced');
  });
};
