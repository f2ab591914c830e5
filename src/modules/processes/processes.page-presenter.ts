import { can, type Action } from '../../platform/auth/policies.js';
import { formatDate, type Lang } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/i18n/pick.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Process } from './processes.repository.js';
import type { ProcessDetail } from './processes.service.js';

/**
 * Page presenters: records in, the model a view lays out (in the reader's language, with the
 * `can…` flags the page needs) out. The API's presenter is processes.presenter.ts.
 */

/** A process as a card in the list. */
export interface ProcessCard {
  title: string;
  summary: string;
  path: string;
}

/** The list of processes. */
export interface ProcessListPageModel {
  canCreate: boolean;
  createPath: string;
  processes: ProcessCard[];
}

export function processListPage(processes: Process[], ctx: ModelCtx): ProcessListPageModel {
  const { lang } = ctx;
  return {
    canCreate: can(ctx.actor, 'process.create'),
    createPath: localPath(lang, '/processes/new'),
    processes: processes.map((p) => ({ title: pick(lang, p, 'title'), summary: pick(lang, p, 'summary'), path: localPath(lang, `/processes/${p.slug}`) })),
  };
}

/** The form that starts a new process from this one. */
export interface CopyProcessPageModel {
  /** The source process's title, in the reader's language. */
  sourceTitle: string;
  action: string;
}

export function copyProcessPage(source: Process, ctx: ModelCtx): CopyProcessPageModel {
  return { sourceTitle: pick(ctx.lang, source, 'title'), action: localPath(ctx.lang, `/processes/${source.slug}/copy`) };
}

/** A phase on the timeline, its dates as calendar days in the reader's language. */
export interface PhaseModel {
  id: string;
  name: string;
  start: string;
  end: string;
  current: boolean;
}

/** Dates are calendar days; format them at noon UTC so no time zone moves them. */
function day(lang: Lang, date: string): string {
  return formatDate(lang, new Date(`${date}T12:00:00Z`), 'UTC');
}

/** A person listed on the page (committee members, conveners). */
export interface PersonModel {
  id: string;
  name: string;
}

/** A process's page: what it is, where it stands, who runs it and what the reader may do. */
export interface ProcessPageModel {
  title: string;
  summary: string;
  /** Markdown, in the reader's language. */
  description: string;
  listPath: string;
  /** The current phase's name, or null between phases. */
  currentPhase: string | null;
  registration: Process['registration'];
  isMember: boolean;
  canJoin: boolean;
  joinPath: string;
  /** Signed out: offer to sign in and come back to join. */
  signInToJoinPath: string | null;
  leavePath: string;
  paths: Record<'participants' | 'organisations' | 'documents' | 'commentPeriods' | 'consensus' | 'report' | 'audit' | 'recommendations' | 'tracker', string>;
  /** Each management link, or null when the reader may not follow it. */
  manage: Record<'edit' | 'stakeholderGroups' | 'invite' | 'roles' | 'organisationRequests' | 'createGroup' | 'copy', string | null>;
  /** Whether the management menu is shown at all (the reader may edit or copy the process). */
  canManage: boolean;
  phases: PhaseModel[];
  oversight: PersonModel[];
  conveners: PersonModel[];
}

/** The records the process page is made from (the page's sections come from other modules). */
export interface ProcessPageRecords {
  detail: ProcessDetail;
  currentPhaseId: string | undefined;
  oversight: { user_id: string; name: string }[];
  conveners: { user_id: string; name: string }[];
}

export function processPage(r: ProcessPageRecords, ctx: ModelCtx): ProcessPageModel {
  const { lang, actor } = ctx;
  const p = r.detail.process;
  const scope = { processId: p.id };
  const at = (rest: string) => localPath(lang, `/processes/${p.slug}${rest}`);
  const current = r.detail.phases.find((ph) => ph.id === r.currentPhaseId);
  const isMember = actor?.processRoles.get(p.id)?.has('member') ?? false;
  const link = (action: Action, rest: string) => (can(actor, action, scope) ? at(rest) : null);
  return {
    title: pick(lang, p, 'title'),
    summary: pick(lang, p, 'summary'),
    description: pick(lang, p, 'description'),
    listPath: localPath(lang, '/processes'),
    currentPhase: current ? pick(lang, current, 'name') : null,
    registration: p.registration,
    isMember,
    canJoin: !isMember && can(actor, 'process.join'),
    joinPath: at('/join'),
    signInToJoinPath: actor ? null : localPath(lang, `/sign-in?next=${encodeURIComponent(at('/join'))}`),
    leavePath: at('/leave'),
    paths: {
      participants: at('/participants'),
      organisations: at('/organisations'),
      documents: at('/documents'),
      commentPeriods: at('/comment-periods'),
      consensus: at('/consensus'),
      report: at('/report'),
      audit: at('/audit'),
      recommendations: at('/recommendations'),
      tracker: at('/tracker'),
    },
    canManage: can(actor, 'process.update', scope) || can(actor, 'process.copy', scope),
    manage: {
      edit: link('process.update', '/edit'),
      stakeholderGroups: link('process.manageStakeholders', '/stakeholder-groups'),
      invite: link('process.invite', '/invitations/new'),
      roles: link('process.revokeRole', '/roles'),
      organisationRequests: link('organisation.decideRequest', '/organisation-requests'),
      createGroup: link('group.create', '/groups/new'),
      copy: link('process.copy', '/copy'),
    },
    phases: r.detail.phases.map((ph) => ({ id: ph.id, name: pick(lang, ph, 'name'), start: day(lang, ph.starts_on), end: day(lang, ph.ends_on), current: ph.id === r.currentPhaseId })),
    oversight: r.oversight.map((o) => ({ id: o.user_id, name: o.name })),
    conveners: r.conveners.map((o) => ({ id: o.user_id, name: o.name })),
  };
}
