import { staffRoleOut } from '../../platform/auth/staff.presenter.js';
import type { GroupSummary } from './groups.service.js';
import type { GroupOut } from './groups.schema.js';
import type { Announcement } from './groups.repository.js';

/** The API's view of a working group. */
export function presentGroup(s: GroupSummary, processSlug: string, baseUrl: string): GroupOut {
  const g = s.group;
  return {
    id: g.id,
    slug: g.slug,
    name: { en: g.name_en, fr: g.name_fr },
    charter: { en: g.charter_en, fr: g.charter_fr },
    status: g.status,
    chairs: s.chairs.map((c) => ({ id: c.user_id, name: c.name, staffRole: staffRoleOut(c.staff) })),
    memberCount: s.memberCount,
    url: `${baseUrl}/en/processes/${processSlug}/groups/${g.slug}`,
  };
}

/** The API's view of an announcement. */
export function presentAnnouncement(a: Announcement & { author_name: string | null }) {
  return { id: a.id, title: a.title, body: a.body, lang: a.lang, author: a.author_name, createdAt: a.created_at.toISOString() };
}
