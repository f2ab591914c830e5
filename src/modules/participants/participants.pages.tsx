import { pick } from '../../platform/i18n/pick.js';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { redirectWithNotice } from '../../platform/web/notice.js';
import { nestForm, problemToFormErrors, formFields, formRows } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { mayGrant } from '../../platform/auth/policies.js';
import { getProcess, processRecords, saveStakeholderGroups } from '../processes/index.js';
import { listGroups, groupsByUser as loadGroupsByUser } from '../groups/index.js';
import { InviteBody, JoinBody } from './participants.schema.js';
import * as participants from './participants.service.js';
import { directoryPage, invitePage, joinPage, organisationsPage, stakeholderGroupsPage } from './participants.page-presenter.js';
import { JoinView } from './views/join.view.js';
import { DirectoryView, OrganisationsView } from './views/directory.view.js';
import { AcceptInvitationView, InviteView, StakeholderGroupsView } from './views/manage.views.js';

type Flat = Record<string, string | undefined>;
const hide = { hide: true };

/** The join form's flat fields as the JoinBody shape: the new organisation only when named. */
export function joinFormToBody(f: Flat): Record<string, unknown> {
  const newOrg = f['newOrganisation.name']?.trim()
    ? { name: f['newOrganisation.name'], sector: f['newOrganisation.sector'], website: f['newOrganisation.website'] || undefined, country: f['newOrganisation.country'] || 'CA', province: f['newOrganisation.province'] || undefined }
    : undefined;
  return { organisationId: f.organisationId || undefined, newOrganisation: f.organisationId ? undefined : newOrg, stakeholderGroupId: f.stakeholderGroupId, preferredLang: f.preferredLang };
}

/** The roles the reader may give by invitation in this process: none above their own. */
const grantable = (req: FastifyRequest, processId: string) => InviteBody.shape.role.options.filter((r) => mayGrant(req.actor, processId, r));

/** Joining, leaving, the participant directory, organisations, invitations and stakeholder groups. */
export const participantsPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const slugOf = (req: FastifyRequest) => (req.params as { processSlug: string }).processSlug;
  const scoped = { scope: processRecords };

  app.get('/processes/:processSlug/join', { config: { policy: 'process.join', ...scoped }, schema: hide }, async (req, reply) => {
    const d = processRecords.of(req);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <JoinView ctx={ctx} model={joinPage(d.process, d.stakeholderGroups, await participants.organisations(db()), {}, ctx)} />);
  });

  app.post('/processes/:processSlug/join', { config: { policy: 'process.join', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const d = processRecords.of(req);
    const again = async (errors: Record<string, string>, status: number) => {
      const ctx = pageCtx(req, reply);
      const model = joinPage(d.process, d.stakeholderGroups, await participants.organisations(db()), flat, ctx);
      return sendPage(reply, <JoinView ctx={ctx} model={model} values={flat} errors={errors} />, status);
    };
    return formAction(req, reply, {
      schema: JoinBody,
      input: joinFormToBody(flat),
      again,
      run: (data) => participants.joinProcess(db(), req.actor!, d.process, d.stakeholderGroups, data),
      to: localPath(req.lang, `/processes/${d.process.slug}`),
      notice: 'participants.joined',
    });
  });

  app.post('/processes/:processSlug/leave', { config: { policy: 'process.leave', ...scoped }, schema: hide }, async (req, reply) => {
    await participants.leaveProcess(db(), req.actor!, req.policyContext.processId!);
    return redirectWithNotice(reply, localPath(req.lang, `/processes/${slugOf(req)}`), 'participants.left');
  });

  app.get('/processes/:processSlug/participants', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const q = formFields(req.query);
    const d = await getProcess(db(), slugOf(req));
    const groups = await listGroups(db(), d.process.id);
    const group = q.group ? groups.find((g) => g.group.slug === q.group) : undefined;
    const orgs = await participants.organisationsInProcess(db(), d.process.id);
    const page = await participants.listMembers(db(), d.process.id, {
      stakeholderKey: q.stakeholderGroup || undefined,
      groupId: q.group ? (group?.group.id ?? '00000000-0000-0000-0000-000000000000') : undefined,
      organisationId: q.organisation && orgs.some((o) => o.id === q.organisation) ? q.organisation : undefined,
      after: q.after || undefined,
      limit: 100,
    });
    const memberGroups = await loadGroupsByUser(db(), d.process.id, page.items.map((m) => m.user_id));
    const groupsByUser = new Map([...memberGroups].map(([id, gs]) => [id, gs.map((g) => (pick(req.lang, g, 'name')))]));
    const params = new URLSearchParams(Object.entries({ stakeholderGroup: q.stakeholderGroup, group: q.group, organisation: q.organisation }).filter((e): e is [string, string] => !!e[1]));
    if (page.next) params.set('after', page.next);
    const ctx = pageCtx(req, reply);
    const model = directoryPage(
      {
        process: d.process,
        stakeholderGroups: d.stakeholderGroups,
        workingGroups: groups.map((g) => ({ slug: g.group.slug, name: pick(req.lang, g.group, 'name') })),
        organisations: orgs,
        filters: { stakeholderGroup: q.stakeholderGroup, group: q.group, organisation: q.organisation },
        members: page.items,
        groupsByUser,
        nextHref: page.next ? localPath(req.lang, `/processes/${d.process.slug}/participants?${params}`) : undefined,
      },
      ctx,
    );
    return sendPage(reply, <DirectoryView ctx={ctx} model={model} />);
  });

  app.get('/processes/:processSlug/organisations', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const d = await getProcess(db(), slugOf(req));
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <OrganisationsView ctx={ctx} model={organisationsPage(d.process, await participants.organisationsInProcess(db(), d.process.id), ctx)} />);
  });

  app.get('/processes/:processSlug/invitations/new', { config: { policy: 'process.invite', ...scoped }, schema: hide }, async (req, reply) => {
    const d = processRecords.of(req);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <InviteView ctx={ctx} model={invitePage(d.process, grantable(req, d.process.id), {}, ctx)} />);
  });

  app.post('/processes/:processSlug/invitations', { config: { policy: 'process.invite', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const d = processRecords.of(req);
    const again = (errors: Record<string, string>, status: number) => {
      const ctx = pageCtx(req, reply);
      return sendPage(reply, <InviteView ctx={ctx} model={invitePage(d.process, grantable(req, d.process.id), flat, ctx)} values={flat} errors={errors} />, status);
    };
    // A role above the inviter's own is refused beside the role field (formAction shows the problem's field errors).
    return formAction(req, reply, {
      schema: InviteBody,
      input: flat,
      again,
      run: (data) => participants.invite(db(), req.actor!, d.process, data, app.deps.config.baseUrl),
      to: localPath(req.lang, `/processes/${d.process.slug}/invitations/new`),
      notice: 'participants.invited',
    });
  });

  app.get('/invitations/accept', { config: { policy: 'invitation.accept' }, schema: hide }, async (req, reply) =>
    sendPage(reply, <AcceptInvitationView ctx={pageCtx(req, reply)} token={formFields(req.query).token ?? ''} />),
  );

  app.post('/invitations/accept', { config: { policy: 'invitation.accept' }, schema: hide }, async (req, reply) => {
    const token = formFields(req.body).token ?? '';
    try {
      const { processId } = await participants.acceptInvitation(db(), req.actor!, token);
      const process = await participants.processSlugOf(db(), processId);
      return redirectWithNotice(reply, localPath(req.lang, `/processes/${process}/join`), 'participants.accepted');
    } catch (err) {
      const { status, errors } = problemToFormErrors(err, req.t);
      return sendPage(reply, <AcceptInvitationView ctx={pageCtx(req, reply)} token={token} errors={errors} />, status);
    }
  });

  app.get('/processes/:processSlug/stakeholder-groups', { config: { policy: 'process.manageStakeholders', ...scoped }, schema: hide }, async (req, reply) => {
    const d = processRecords.of(req);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <StakeholderGroupsView ctx={ctx} model={stakeholderGroupsPage(d.process, d.stakeholderGroups, ctx)} />);
  });

  app.post('/processes/:processSlug/stakeholder-groups', { config: { policy: 'process.manageStakeholders', ...scoped }, schema: hide }, async (req, reply) => {
    const d = processRecords.of(req);
    const rows = formRows(nestForm(formFields(req.body)), 'groups').filter((r): r is Flat => r !== undefined && Boolean(r.id || r.nameEn?.trim()));
    const errors: Record<string, string> = {};
    const groups = rows.map((r) => {
      const target = r.target?.trim() ? Number(r.target.replace(',', '.')) : null;
      if (target !== null && !(target >= 0 && target <= 100)) errors.targets = req.t('errors.stakeholders.target');
      if (!r.nameEn?.trim() || !r.nameFr?.trim()) errors.targets ??= req.t('errors.text.required');
      return { id: r.id || undefined, nameEn: r.nameEn?.trim() ?? '', nameFr: r.nameFr?.trim() ?? '', targetShare: target === null ? null : target / 100 };
    });
    try {
      if (Object.keys(errors).length) throw new HttpProblem(422, 'errors.validation');
      await saveStakeholderGroups(db(), req.actor!, d.process.id, groups);
    } catch (err) {
      const fromProblem = Object.keys(errors).length ? { status: 422, errors } : problemToFormErrors(err, req.t);
      const ctx = pageCtx(req, reply);
      return sendPage(reply, <StakeholderGroupsView ctx={ctx} model={stakeholderGroupsPage(d.process, d.stakeholderGroups, ctx)} errors={fromProblem.errors} />, fromProblem.status);
    }
    return redirectWithNotice(reply, localPath(req.lang, `/processes/${d.process.slug}`), 'participants.stakeholderGroupsSaved');
  });
};
