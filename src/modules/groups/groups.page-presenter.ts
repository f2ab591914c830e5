import { can } from '../../platform/auth/policies.js';
import { formatDate, type Lang } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/i18n/pick.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import { namedSentence, personName, type NamedSentenceModel } from '../../platform/web/components/person-name.js';
import type { StaffRole } from '../../platform/auth/staff.repository.js';
import { textLimit } from '../../platform/web/components/forms.js';
import { TEXT_LIMITS } from './groups.schema.js';
import { processCrumb, type Process } from '../processes/index.js';
import type { Announcement, WorkingGroup } from './groups.repository.js';
import type { GroupSummary } from './groups.service.js';

/**
 * Page presenters: records in, the model a view lays out (in the reader's language, with the
 * `can…` flags the page needs) out. The API's presenter is groups.presenter.ts.
 */

/** An announcement as shown: its own language, and the byline's date in the reader's. */
export interface AnnouncementModel {
  id: string;
  lang: string;
  title: string;
  /** Markdown. */
  body: string;
  /** "Posted by <name> on <date>", the name with its staff badge. */
  postedBy: NamedSentenceModel;
}

/** A choice in a `<select>`. */
export interface OptionModel {
  value: string;
  label: string;
  selected: boolean;
}

/** A working group's page. */
export interface GroupPageModel {
  name: string;
  processCrumb: Crumb;
  status: WorkingGroup['status'];
  memberCount: number;
  /** The reader is in the group (offer to leave), in the process only (offer to join), or neither. */
  membership: 'group' | 'process' | 'none';
  /** Joining is offered to process members while the group has not concluded. */
  canJoin: boolean;
  joinPath: string;
  leavePath: string;
  /** Null when the reader may not edit the group. */
  editPath: string | null;
  chairs: { id: string; name: string }[];
  /** Markdown in the reader's language; empty when there is none. */
  charter: string;
  participantsPath: string;
  announcements: AnnouncementModel[];
  /** The announcement form (chairs and conveners), or null. */
  announce: AnnounceFormModel | null;
  /** The add-a-member form (chairs and conveners), or null. */
  addMemberAction: string | null;
}

/** The announcement form: what was typed and its problems when it comes back refused, and the body's stated limit. */
export interface AnnounceFormModel {
  action: string;
  langs: OptionModel[];
  values: { title?: string | undefined; body?: string | undefined };
  errors: Record<string, string>;
  bodyLimit: { max: number; hint: string };
}

/** What the group page is made from (its balance, meetings and follow box come from other modules). */
export interface GroupPageRecords {
  process: Process;
  summary: GroupSummary;
  announcements: (Announcement & { author_name: string | null; author_staff: StaffRole | null })[];
  isGroupMember: boolean;
  isProcessMember: boolean;
  /** A refused announcement: what was typed and why, shown in its form. */
  failedAnnouncement?: { values: Record<string, string | undefined>; errors: Record<string, string> } | undefined;
}

const LANG_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français' };

export function groupPage(r: GroupPageRecords, ctx: ModelCtx): GroupPageModel {
  const { lang, actor, t } = ctx;
  const g = r.summary.group;
  const failed = r.failedAnnouncement;
  const chosenLang = failed?.values.lang === 'en' || failed?.values.lang === 'fr' ? failed.values.lang : lang;
  const base = localPath(lang, `/processes/${r.process.slug}/groups/${g.slug}`);
  const scope = { processId: r.process.id, groupId: g.id };
  return {
    name: pick(lang, g, 'name'),
    processCrumb: processCrumb(lang, r.process),
    status: g.status,
    memberCount: r.summary.memberCount,
    membership: r.isGroupMember ? 'group' : r.isProcessMember ? 'process' : 'none',
    canJoin: !r.isGroupMember && r.isProcessMember && g.status !== 'concluded',
    joinPath: `${base}/join`,
    leavePath: `${base}/leave`,
    editPath: can(actor, 'group.update', scope) ? `${base}/edit` : null,
    chairs: r.summary.chairs.map((c) => ({ id: c.user_id, name: c.name })),
    charter: pick(lang, g, 'charter'),
    participantsPath: localPath(lang, `/processes/${r.process.slug}/participants?group=${g.slug}`),
    announcements: r.announcements.map((a) => ({ id: a.id, lang: a.lang, title: a.title, body: a.body, postedBy: namedSentence(ctx.t, 'groups.postedBy', { date: formatDate(lang, a.created_at) }, 'name', personName(ctx.t, a.author_name ?? '—', a.author_staff)) })),
    announce: can(actor, 'group.announce', scope)
      ? {
          action: `${base}/announcements`,
          langs: (['en', 'fr'] as const).map((l) => ({ value: l, label: LANG_NAMES[l], selected: l === chosenLang })),
          values: { title: failed?.values.title, body: failed?.values.body },
          errors: failed?.errors ?? {},
          bodyLimit: textLimit(t, TEXT_LIMITS.announcement),
        }
      : null,
    addMemberAction: can(actor, 'group.addMember', scope) ? `${base}/members` : null,
  };
}
