import type { MemberRow, Organisation } from './participants.repository.js';
import { staffRoleOut } from '../../platform/auth/staff.presenter.js';

/** A working group as the export needs it. */
export interface ExportGroup {
  id: string;
  slug: string;
  name_en: string;
  name_fr: string;
  memberIds: string[];
}

/**
 * Participants, organisations and memberships in the Popolo shape (persons, organizations,
 * memberships): the process itself, its working groups and the organisations people
 * represent are organizations; taking part and representing are memberships.
 */
export function toPopolo(input: { process: { id: string; slug: string; title_en: string; title_fr: string }; members: MemberRow[]; organisations: Organisation[]; groups: ExportGroup[]; baseUrl: string }) {
  const { process, members, organisations, groups, baseUrl } = input;
  const processOrgId = `process-${process.id}`;
  return {
    // "+staff_role": Popolo's way of flagging a property its specification does not define
    // (issue 10: whether the name is the administrator's or a convener's, from role facts).
    persons: members.map((m) => ({ id: m.user_id, name: m.name, '+staff_role': staffRoleOut(m.staff) })),
    organizations: [
      { id: processOrgId, name: process.title_en, other_names: [{ name: process.title_fr, note: 'fr' }], classification: 'process', links: [{ url: `${baseUrl}/en/processes/${process.slug}`, note: 'web page' }] },
      ...groups.map((g) => ({ id: `group-${g.id}`, name: g.name_en, other_names: [{ name: g.name_fr, note: 'fr' }], classification: 'working group', parent_id: processOrgId })),
      ...organisations.map((o) => ({
        id: o.id,
        name: o.name,
        classification: o.sector,
        ...(o.website ? { links: [{ url: o.website, note: 'website' }] } : {}),
        area: { id: o.province ? `${o.country}-${o.province}` : o.country },
      })),
    ],
    memberships: [
      ...members.map((m) => ({
        id: `member-${process.id}-${m.user_id}`,
        person_id: m.user_id,
        organization_id: processOrgId,
        role: 'member',
        label: m.stakeholder_name_en,
        on_behalf_of_id: m.organisation_id ?? undefined,
        start_date: m.joined_at.toISOString().slice(0, 10),
      })),
      ...members.filter((m) => m.organisation_id).map((m) => ({ id: `represents-${m.user_id}-${m.organisation_id}`, person_id: m.user_id, organization_id: m.organisation_id!, role: 'representative' })),
      ...groups.flatMap((g) => g.memberIds.map((uid) => ({ id: `group-${g.id}-${uid}`, person_id: uid, organization_id: `group-${g.id}`, role: 'member' }))),
    ],
  };
}
