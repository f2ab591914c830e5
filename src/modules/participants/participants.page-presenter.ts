import { formatDate } from '../../platform/i18n/i18n.js';
import { personName, type PersonNameModel } from '../../platform/web/components/person-name.js';
import { pick } from '../../platform/i18n/pick.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import { processCrumb, type Process, type StakeholderGroup } from '../processes/index.js';
import type { MemberRow, Organisation } from './participants.repository.js';
import { SECTORS } from './participants.schema.js';
import type { BalanceRow } from './participants.service.js';

/**
 * Page presenters: the participants pages' models (directory, organisations, joining,
 * invitations, stakeholder groups, the balance), in the reader's language. The API's
 * presenter is participants.presenter.ts.
 */

/** A choice in a `<select>` or a group of radio buttons. */
export interface OptionModel {
  value: string;
  label: string;
  selected: boolean;
}

/** A form's values as typed, by field name. */
export type FormValues = Record<string, string | undefined>;

/** The balance of a process or working group: warnings in words, then the chart's rows. */
export interface BalanceModel {
  /** Stakeholder groups with no members, or under their target, named in a sentence each; empty when balanced. */
  warnings: string[];
  chart: { key: string; label: string; count: number; targetShare: number | null }[];
}

export function balanceSection(rows: BalanceRow[], ctx: ModelCtx): BalanceModel {
  const { t, lang } = ctx;
  const names = (status: BalanceRow['status']) => rows.filter((r) => r.status === status).map((r) => pick(lang, r, 'name'));
  const missing = names('missing');
  const below = names('below');
  return {
    warnings: [...(missing.length ? [t('participants.balanceMissing', { groups: missing.join(', ') })] : []), ...(below.length ? [t('participants.balanceBelow', { groups: below.join(', ') })] : [])],
    chart: rows.map((r) => ({ key: r.key, label: pick(lang, r, 'name'), count: r.count, targetShare: r.targetShare })),
  };
}

/** The participant directory of a process. */
export interface DirectoryPageModel {
  title: string;
  processCrumb: Crumb;
  filterAction: string;
  stakeholderGroupOptions: OptionModel[];
  workingGroupOptions: OptionModel[];
  organisationOptions: OptionModel[];
  csvPath: string;
  popoloPath: string;
  members: { id: string; name: string; /** The name with its staff badge. */ person: PersonNameModel; organisation: string; stakeholderGroup: string; workingGroups: string; joinedOn: string }[];
  /** Whether a filter narrows the list (an empty list then means "no match", not "nobody yet"). */
  filtered: boolean;
  nextHref: string | undefined;
}

/** What the directory is made from. */
export interface DirectoryRecords {
  process: Process;
  stakeholderGroups: StakeholderGroup[];
  /** Working groups, named in the reader's language already. */
  workingGroups: { slug: string; name: string }[];
  organisations: Organisation[];
  filters: { stakeholderGroup?: string | undefined; group?: string | undefined; organisation?: string | undefined };
  members: MemberRow[];
  /** Each member's working groups, named. */
  groupsByUser: Map<string, string[]>;
  nextHref: string | undefined;
}

export function directoryPage(r: DirectoryRecords, ctx: ModelCtx): DirectoryPageModel {
  const { t, lang } = ctx;
  const crumb = processCrumb(lang, r.process);
  const f = r.filters;
  return {
    filtered: !!(f.stakeholderGroup || f.group || f.organisation),
    title: t('participants.directoryTitle', { title: crumb.label }),
    processCrumb: crumb,
    filterAction: localPath(lang, `/processes/${r.process.slug}/participants`),
    stakeholderGroupOptions: r.stakeholderGroups.map((g) => ({ value: g.key, label: pick(lang, g, 'name'), selected: f.stakeholderGroup === g.key })),
    workingGroupOptions: r.workingGroups.map((g) => ({ value: g.slug, label: g.name, selected: f.group === g.slug })),
    organisationOptions: r.organisations.map((o) => ({ value: o.id, label: o.name, selected: f.organisation === o.id })),
    csvPath: `/api/v1/processes/${r.process.slug}/participants.csv`,
    popoloPath: `/api/v1/processes/${r.process.slug}/popolo.json`,
    members: r.members.map((m) => ({
      id: m.user_id,
      name: m.name,
      person: personName(t, m.name, m.staff),
      organisation: m.organisation_name ?? '',
      stakeholderGroup: pick(lang, m, 'stakeholder_name'),
      workingGroups: (r.groupsByUser.get(m.user_id) ?? []).join(', '),
      joinedOn: formatDate(lang, m.joined_at),
    })),
    nextHref: r.nextHref,
  };
}

/** The organisations with members in a process. */
export interface OrganisationsPageModel {
  title: string;
  processCrumb: Crumb;
  organisations: { id: string; name: string; path: string; website: string | null; sector: string; region: string; members: number; membersPath: string; membersLabel: string }[];
}

export function organisationsPage(process: Process, organisations: (Organisation & { members: number })[], ctx: ModelCtx): OrganisationsPageModel {
  const { t, lang } = ctx;
  const crumb = processCrumb(lang, process);
  return {
    title: t('participants.organisationsTitle', { title: crumb.label }),
    processCrumb: crumb,
    organisations: organisations.map((o) => ({
      id: o.id,
      name: o.name,
      path: localPath(lang, `/organisations/${o.id}`),
      website: o.website || null,
      sector: t(`processes.stakeholders.${o.sector}`),
      region: [o.province, o.country].filter(Boolean).join(', '),
      members: o.members,
      membersPath: localPath(lang, `/processes/${process.slug}/participants?organisation=${o.id}`),
      membersLabel: t('participants.membersOf', { count: o.members, name: o.name }),
    })),
  };
}

/** The join form. */
export interface JoinPageModel {
  title: string;
  action: string;
  organisationOptions: OptionModel[];
  sectorOptions: OptionModel[];
  stakeholderGroups: { id: string; key: string; label: string; checked: boolean }[];
  preferredLangs: { value: 'en' | 'fr'; label: string; checked: boolean }[];
}

const LANG_NAMES = { en: 'English', fr: 'Français' } as const;

export function joinPage(process: Process, groups: StakeholderGroup[], organisations: Organisation[], values: FormValues, ctx: ModelCtx): JoinPageModel {
  const { t, lang } = ctx;
  return {
    title: t('participants.joinTitle', { title: pick(lang, process, 'title') }),
    action: localPath(lang, `/processes/${process.slug}/join`),
    organisationOptions: organisations.map((o) => ({ value: o.id, label: o.name, selected: values.organisationId === o.id })),
    sectorOptions: SECTORS.map((s) => ({ value: s, label: t(`processes.stakeholders.${s}`), selected: values['newOrganisation.sector'] === s })),
    stakeholderGroups: groups.map((g) => ({ id: g.id, key: g.key, label: pick(lang, g, 'name'), checked: values.stakeholderGroupId === g.id })),
    preferredLangs: (['en', 'fr'] as const).map((l) => ({ value: l, label: LANG_NAMES[l], checked: (values.preferredLang ?? lang) === l })),
  };
}

/** The invitation form: only the roles the inviter may give are offered (decided by the page, from the policy). */
export interface InvitePageModel {
  title: string;
  action: string;
  roleOptions: OptionModel[];
  langOptions: OptionModel[];
}

export function invitePage(process: Process, roles: readonly string[], values: FormValues, ctx: ModelCtx): InvitePageModel {
  const { t, lang } = ctx;
  return {
    title: t('participants.inviteTitle', { title: pick(lang, process, 'title') }),
    action: localPath(lang, `/processes/${process.slug}/invitations`),
    roleOptions: roles.map((r) => ({ value: r, label: t(`roles.${r}`), selected: (values.role ?? 'member') === r })),
    langOptions: (['en', 'fr'] as const).map((l) => ({ value: l, label: LANG_NAMES[l], selected: (values.lang ?? lang) === l })),
  };
}

/** The stakeholder groups form: a row per group, and an empty one to add a group. */
export interface StakeholderGroupsPageModel {
  title: string;
  action: string;
  /** Target shares in percent, as typed (one decimal). */
  rows: { id: string; en: string; fr: string; target: string }[];
}

export function stakeholderGroupsPage(process: Process, groups: StakeholderGroup[], ctx: ModelCtx): StakeholderGroupsPageModel {
  const { t, lang } = ctx;
  return {
    title: t('participants.stakeholderGroupsTitle', { title: pick(lang, process, 'title') }),
    action: localPath(lang, `/processes/${process.slug}/stakeholder-groups`),
    rows: [
      ...groups.map((g) => ({ id: g.id, en: g.name_en, fr: g.name_fr, target: g.target_share === null ? '' : String(Math.round(Number(g.target_share) * 1000) / 10) })),
      { id: '', en: '', fr: '', target: '' },
    ],
  };
}
