import type { MemberRow, Organisation } from './participants.repository.js';
import type { BalanceRow } from './participants.service.js';
import type { OrganisationPerson } from './organisation-roles.service.js';
import { staffRoleOut } from '../../platform/auth/staff.presenter.js';

/** The API's view of an organisation. */
export function presentOrganisation(o: Organisation) {
  return { id: o.id, name: o.name, sector: o.sector, website: o.website, country: o.country, province: o.province };
}

/** The API's view of someone who acts for an organisation (their name, roles and staff role; never their email). */
export function presentOrganisationPerson(p: OrganisationPerson) {
  return { userId: p.userId, name: p.name, roles: p.roles, since: p.since.toISOString(), staffRole: staffRoleOut(p.staff) };
}

/** The API's view of a member of a process. */
export function presentMember(m: MemberRow, workingGroups: string[]) {
  return {
    userId: m.user_id,
    name: m.name,
    organisation: m.organisation_id ? { id: m.organisation_id, name: m.organisation_name ?? '' } : null,
    stakeholderGroup: { key: m.stakeholder_key, name: { en: m.stakeholder_name_en, fr: m.stakeholder_name_fr } },
    workingGroups,
    joinedAt: m.joined_at.toISOString(),
    staffRole: staffRoleOut(m.staff),
  };
}

/** The API's view of a balance. */
export function presentBalance(b: { total: number; rows: BalanceRow[] }) {
  return {
    total: b.total,
    groups: b.rows.map((r) => ({ key: r.key, name: { en: r.nameEn, fr: r.nameFr }, count: r.count, share: r.share, targetShare: r.targetShare, status: r.status })),
  };
}

/** Quote a CSV field when it needs it (RFC 4180), and defuse spreadsheet formulas. */
export function csvField(value: string | null | undefined): string {
  let v = value ?? '';
  // A cell starting with = + - @ is run as a formula by spreadsheet programs.
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The participants CSV's header line. Columns are only ever appended, so readers that count
 * them keep working: `staff_role` (issue 10) is "administrator", "convener" or empty, as the
 * page's badge beside the name.
 */
export const PARTICIPANTS_CSV_HEADER = 'name,organisation,stakeholder_group,stakeholder_group_fr,working_groups,joined_on,staff_role';

/**
 * The participants of a process as CSV: one line per member with the short names of the
 * working groups they sit in (`groupSlugs`, by user id). Every field goes through csvField.
 */
export function participantsCsv(members: readonly MemberRow[], groupSlugs: ReadonlyMap<string, readonly string[]>): string {
  const lines = [PARTICIPANTS_CSV_HEADER];
  for (const m of members) {
    const groups = (groupSlugs.get(m.user_id) ?? []).join(' ');
    lines.push([m.name, m.organisation_name, m.stakeholder_name_en, m.stakeholder_name_fr, groups, m.joined_at.toISOString().slice(0, 10), staffRoleOut(m.staff)].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
