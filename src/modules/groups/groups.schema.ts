import { z } from 'zod';
import { StaffRoleOutSchema } from '../../platform/auth/staff.presenter.js';
import { displayText } from '../../platform/lib/display-text.js';
import { Slug } from '../processes/index.js';

export const GROUP_STATUSES = ['forming', 'active', 'concluded'] as const;


/** The longest texts its forms take, in characters: checked here, stated and set as maxlength in the forms. */
export const TEXT_LIMITS = { charter: 50_000, announcement: 10_000 } as const;
export const GroupFields = z.object({
  nameEn: displayText(120),
  nameFr: displayText(120),
  charterEn: z.string().trim().max(TEXT_LIMITS.charter, 'errors.text.tooLong').default(''),
  charterFr: z.string().trim().max(TEXT_LIMITS.charter, 'errors.text.tooLong').default(''),
  status: z.enum(GROUP_STATUSES).default('active'),
});

export const CreateGroupBody = GroupFields.extend({ slug: Slug });
export type CreateGroupBody = z.infer<typeof CreateGroupBody>;
export const UpdateGroupBody = GroupFields;
export type UpdateGroupBody = z.infer<typeof UpdateGroupBody>;

export const AnnouncementBody = z.object({ title: displayText(200), body: z.string().trim().min(1, 'errors.text.required').max(TEXT_LIMITS.announcement, 'errors.text.tooLong'), lang: z.enum(['en', 'fr']) });
export type AnnouncementBody = z.infer<typeof AnnouncementBody>;

export const AddMemberBody = z.object({ email: z.string().trim().toLowerCase().pipe(z.email({ error: 'errors.email.invalid' })), chair: z.boolean().default(false) });

export const GroupParams = z.object({ processSlug: Slug, groupSlug: Slug });

export const GroupOut = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.object({ en: z.string(), fr: z.string() }),
  charter: z.object({ en: z.string(), fr: z.string() }),
  status: z.enum(GROUP_STATUSES),
  chairs: z.array(z.object({ id: z.uuid(), name: z.string(), staffRole: StaffRoleOutSchema })),
  memberCount: z.number().int(),
  url: z.string(),
});
export type GroupOut = z.infer<typeof GroupOut>;
