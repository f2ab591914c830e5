import { can } from '../../platform/auth/policies.js';
import { ORGANISATION_ROLES } from '../../platform/auth/roles.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/i18n/pick.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import { namedSentence, personName, type NamedSentenceModel, type PersonNameModel } from '../../platform/web/components/person-name.js';
import { processCrumb, type Process } from '../processes/index.js';
import type { ReportRow } from './accountability.repository.js';
import type { ProgressStatus } from './accountability.tables.js';
import { formatDay } from './reminders.service.js';
import type { TrackedAction, TrackedPledge, Tracker, TrackerSection } from './tracker.service.js';

/**
 * Page presenters: records in, the model a view lays out (in the reader's language, with the
 * `can…` flags the page needs) out. The API's presenter is accountability.presenter.ts.
 */

/** The tracker's address for a process, in the reader's language. */
export const trackerPath = (lang: Lang, slug: string, rest = '') => localPath(lang, `/processes/${slug}/tracker${rest}`);

/** A calendar day: as written for machines (`<time datetime>`), and for the reader. */
export interface DayModel {
  iso: string;
  text: string;
}

function dayOf(lang: Lang, at: Date | string): DayModel {
  const iso = typeof at === 'string' ? at : at.toISOString().slice(0, 10);
  return { iso, text: formatDay(lang, iso) };
}

/** One progress report, in its own language. */
export interface ReportModel {
  id: string;
  reported: DayModel;
  status: ProgressStatus;
  /** Who reported, with the staff badge for the administrator or the process's convener; null when the account is gone. */
  author: PersonNameModel | null;
  /** In what capacity the author wrote, in words ("for Acme (Representative)"), or null in older reports. */
  capacity: string | null;
  reason: string | null;
  body: string;
  lang: Lang;
  evidenceUrls: string[];
}

/** An action on the tracker, and what the reader may do about it. */
export interface ActionModel {
  id: string;
  title: string;
  ownerName: string;
  ownerPath: string;
  /** The action's contact, with the staff badge; null without one. */
  contact: PersonNameModel | null;
  due: DayModel;
  measure: string;
  status: ProgressStatus;
  overdue: boolean;
  history: ReportModel[];
  /** Reporting progress: its owner (the contact, a member of the owner organisation) and the committee; else null. */
  progressPath: string | null;
  /** Editing the action: the action committee; else null. */
  editPath: string | null;
}

/** A pledge on the tracker. */
export interface PledgeModel {
  id: string;
  organisationName: string;
  organisationPath: string;
  /** The pledge's own language. */
  lang: Lang;
  text: string;
  /** "Signed by <name>", the name with its staff badge. */
  signedBy: NamedSentenceModel;
  /** The role the signer held for the organisation, in words, or null in older pledges. */
  signedAs: string | null;
  signed: DayModel;
  due: DayModel | null;
  status: ProgressStatus;
  overdue: boolean;
  history: ReportModel[];
  /** Reporting progress: the pledging organisation's representative and the committee; else null. */
  progressPath: string | null;
}

/** A recommendation's part of the tracker. */
export interface SectionModel {
  id: string;
  number: string;
  title: string;
  actions: ActionModel[];
  pledges: PledgeModel[];
  /** Adding an action (the committee) on the whole tracker; else null. */
  addActionPath: string | null;
  /** Pledging (a member representing an organisation) on the whole tracker; else null. */
  pledgePath: string | null;
}

/** One row of the figures: a stakeholder group (or "all"), and counts of recommendations. */
export interface FigureRowModel {
  key: string;
  label: string;
  withOwner: number;
  done: number;
  late: number;
}

/** The public tracker of a process, or of one organisation in it. */
export interface TrackerPageModel {
  processTitle: string;
  processCrumb: Crumb;
  trackerPath: string;
  /** The organisation this tracker is of, or null for the whole process. */
  organisation: { name: string } | null;
  today: DayModel;
  csvPath: string;
  jsonPath: string;
  /** The figures by stakeholder group (the whole process only, once it has recommendations). */
  figures: { total: number; rows: FigureRowModel[] } | null;
  overdue: { id: string; label: string; due: DayModel }[];
  sections: SectionModel[];
}

export interface TrackerPageRecords {
  process: Process;
  tracker: Tracker;
  /** The organisation the reader represents in the process (they may pledge for it and report on its work), or null. */
  representing: string | null;
  organisation?: { id: string; name: string } | undefined;
}

/** A capacity (an organisation role, or a process role, or admin) in words. */
function roleWords(t: ModelCtx['t'], as: string): string {
  return (ORGANISATION_ROLES as readonly string[]).includes(as) ? t(`participants.orgRoles.${as}`) : t(`roles.${as}`);
}

function capacityOf(t: ModelCtx['t'], r: ReportRow): string | null {
  if (!r.acting_as) return null;
  const role = roleWords(t, r.acting_as);
  return r.acting_organisation_name ? t('accountability.capacity.organisation', { organisation: r.acting_organisation_name, role }) : t('accountability.capacity.process', { role });
}

function reportsOf(ctx: ModelCtx, reports: ReportRow[]): ReportModel[] {
  const { lang, t } = ctx;
  return reports.map((r) => ({ id: r.id, reported: dayOf(lang, r.reported_at), status: r.status, author: r.author_name === null ? null : personName(t, r.author_name, r.author_staff), capacity: capacityOf(t, r), reason: r.reason, body: r.body, lang: r.lang, evidenceUrls: r.evidence_urls }));
}

export function trackerPage(r: TrackerPageRecords, ctx: ModelCtx): TrackerPageModel {
  const { lang, t } = ctx;
  const { process, tracker, organisation } = r;
  const path = (rest: string) => trackerPath(lang, process.slug, rest);
  // The action committee (and conveners) add and edit actions and report on any of them.
  const rights = { committee: can(ctx.actor, 'action.update', { processId: process.id }), organisationId: ctx.actor ? r.representing : null };
  const action = (a: TrackedAction): ActionModel => {
    // Only a confirmed role for the owner counts: being its contact or naming it on joining does not.
    const mayReport = rights.committee || can(ctx.actor, 'organisation.actFor', { organisationId: a.owner_organisation_id });
    return {
      id: a.id,
      title: pick(lang, a, 'title'),
      ownerName: a.owner_name,
      ownerPath: path(`/organisations/${a.owner_organisation_id}`),
      contact: a.contact_name === null ? null : personName(t, a.contact_name, a.contact_staff),
      due: dayOf(lang, a.due_on),
      measure: pick(lang, a, 'measure'),
      status: a.status,
      overdue: a.overdue,
      history: reportsOf(ctx, a.reports),
      progressPath: mayReport ? path(`/actions/${a.id}/progress`) : null,
      editPath: rights.committee ? path(`/actions/${a.id}/edit`) : null,
    };
  };
  const pledge = (p: TrackedPledge): PledgeModel => ({
    id: p.id,
    organisationName: p.organisation_name,
    organisationPath: path(`/organisations/${p.organisation_id}`),
    lang: p.lang,
    text: p.text,
    signedBy: namedSentence(t, 'accountability.signedBy', {}, 'name', personName(t, p.signer_name, p.signer_staff)),
    signedAs: p.signed_as ? t('accountability.capacity.signedAs', { role: roleWords(t, p.signed_as) }) : null,
    signed: dayOf(lang, p.signed_at),
    due: p.due_on ? dayOf(lang, p.due_on) : null,
    status: p.status,
    overdue: p.overdue,
    history: reportsOf(ctx, p.reports),
    progressPath: rights.committee || can(ctx.actor, 'organisation.actFor', { organisationId: p.organisation_id }) ? path(`/pledges/${p.id}/progress`) : null,
  });
  const section = (s: TrackerSection): SectionModel => ({
    id: s.recommendation.id,
    number: s.recommendation.number,
    title: pick(lang, s.recommendation, 'title'),
    actions: s.actions.map(action),
    pledges: s.pledges.map(pledge),
    addActionPath: !organisation && rights.committee ? path(`/recommendations/${s.recommendation.id}/actions/new`) : null,
    pledgePath: !organisation && rights.organisationId ? path(`/recommendations/${s.recommendation.id}/pledge`) : null,
  });
  return {
    processTitle: pick(lang, process, 'title'),
    processCrumb: processCrumb(lang, process),
    trackerPath: path(''),
    organisation: organisation ? { name: organisation.name } : null,
    today: dayOf(lang, tracker.today),
    csvPath: path('.csv'),
    jsonPath: path('.json'),
    // Nothing to count yet: a table of zeros says less than the "no recommendations yet" below it.
    figures:
      organisation || tracker.total === 0
        ? null
        : {
            total: tracker.total,
            rows: [
              { key: 'all', label: t('accountability.figures.all'), ...tracker.overall },
              ...tracker.byGroup.map((g) => ({ key: g.key, label: pick(lang, g, 'name'), withOwner: g.withOwner, done: g.done, late: g.late })),
            ],
          },
    overdue: tracker.sections.flatMap((s) => [
      ...s.actions.filter((a) => a.overdue).map((a) => ({ id: `action-${a.id}`, label: `${s.recommendation.number} · ${pick(lang, a, 'title')} (${a.owner_name})`, due: dayOf(lang, a.due_on) })),
      ...s.pledges.filter((p) => p.overdue).map((p) => ({ id: `pledge-${p.id}`, label: `${s.recommendation.number} · ${t('accountability.pledgeOf', { name: p.organisation_name })}`, due: dayOf(lang, p.due_on ?? '') })),
    ]),
    sections: tracker.sections.map(section),
  };
}
