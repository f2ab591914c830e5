import { z } from 'zod';
import { displayText } from '../../platform/lib/display-text.js';
import { optionalHttpUrl } from '../../platform/lib/http-url.js';
import { DEFAULT_STAKEHOLDER_KEYS, Slug } from '../processes/index.js';
import { ORGANISATION_ROLES, PROCESS_ROLES } from '../../platform/auth/roles.js';
import { StaffRoleOutSchema } from '../../platform/auth/staff.presenter.js';
import { EmailSchema } from '../accounts/index.js';

/** What kind of organisation this is; matches the default stakeholder group keys. */
export const SECTORS = DEFAULT_STAKEHOLDER_KEYS;

export const NewOrganisation = z.object({
  name: displayText(200, { required: 'errors.organisation.name', min: 2 }),
  sector: z.enum(SECTORS, { error: 'errors.organisation.sector' }),
  website: optionalHttpUrl('errors.organisation.website')
    .transform((v) => v ?? undefined)
    .optional(),
  country: z.string().trim().length(2, 'errors.organisation.country').toUpperCase().default('CA'),
  province: z.string().trim().max(60).optional(),
});
export type NewOrganisation = z.infer<typeof NewOrganisation>;

/** Joining a process: who you represent, in which stakeholder group, in which language. */
export const JoinBody = z
  .object({
    organisationId: z.uuid({ error: 'errors.organisation.pick' }).optional(),
    newOrganisation: NewOrganisation.optional(),
    stakeholderGroupId: z.uuid({ error: 'errors.join.stakeholderGroup' }),
    preferredLang: z.enum(['en', 'fr']),
  })
  // `when` runs the check even when other fields failed, so the form lists every problem at once.
  // …but only on an object: a body of `null` would otherwise reach the check and answer 500.
  .refine((b) => b.organisationId || b.newOrganisation, { message: 'errors.organisation.pick', path: ['organisationId'], when: (p) => typeof p.value === 'object' && p.value !== null });
export type JoinBody = z.infer<typeof JoinBody>;

export const InviteBody = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: 'errors.email.invalid' })),
  role: z.enum(['member', 'oversight', 'convener', 'moderator', 'action_committee', 'reviewer', 'manufacturer']),
  lang: z.enum(['en', 'fr']).default('en'),
});
export type InviteBody = z.infer<typeof InviteBody>;

/** The members list's keyset cursor: the last row's name and id. */
export const MemberCursor = z.object({ name: z.string().max(400), id: z.uuid() });

export const MemberFilters = z.object({
  stakeholderGroup: z.string().max(60).optional(),
  group: z.string().max(60).optional(),
  organisation: z.uuid().optional(),
  after: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MemberFilters = z.infer<typeof MemberFilters>;

export const OrganisationOut = z.object({
  id: z.uuid(),
  name: z.string(),
  sector: z.string(),
  website: z.string().nullable(),
  country: z.string(),
  province: z.string().nullable(),
});

export const MemberOut = z.object({
  userId: z.uuid(),
  name: z.string(),
  organisation: OrganisationOut.pick({ id: true, name: true }).nullable(),
  stakeholderGroup: z.object({ key: z.string(), name: z.object({ en: z.string(), fr: z.string() }) }),
  workingGroups: z.array(z.string()),
  joinedAt: z.iso.datetime(),
  staffRole: StaffRoleOutSchema,
});

export const BalanceOut = z.object({
  total: z.number().int(),
  groups: z.array(
    z.object({ key: z.string(), name: z.object({ en: z.string(), fr: z.string() }), count: z.number().int(), share: z.number(), targetShare: z.number().nullable(), status: z.enum(['missing', 'below', 'met', 'noTarget']) }),
  ),
});

/** An organisation in a URL (the scope answers 404 for anything else, before this is checked). */
export const OrganisationParams = z.object({ orgId: z.uuid() });

/** A person acting for an organisation, in a URL. */
export const OrganisationPersonParams = z.object({ orgId: z.uuid(), userId: z.uuid() });

/** The roles someone holds for an organisation: at least one (to remove someone, DELETE them). */
const OrganisationRoles = z
  .array(z.enum(ORGANISATION_ROLES, { error: 'participants.errors.role' }), { error: 'participants.errors.pickRole' })
  .min(1, 'participants.errors.pickRole')
  .max(ORGANISATION_ROLES.length);

/** PUT …/roles/:userId: the person's roles for the organisation, replacing those they held. */
export const OrganisationRolesBody = z.object({ roles: OrganisationRoles });
export type OrganisationRolesBody = z.infer<typeof OrganisationRolesBody>;

/** The organisation page's form: someone's email address and the roles they should hold. */
export const OrganisationRolesForm = z.object({
  email: EmailSchema,
  roles: OrganisationRoles,
});
export type OrganisationRolesForm = z.infer<typeof OrganisationRolesForm>;

export const OrganisationPersonOut = z.object({
  userId: z.uuid(),
  name: z.string(),
  roles: z.array(z.enum(ORGANISATION_ROLES)),
  since: z.iso.datetime(),
  staffRole: StaffRoleOutSchema,
});

/** `:processSlug/organisation-requests/:requestId` in a URL. */
export const OrganisationRequestParams = z.object({ processSlug: Slug, requestId: z.uuid({ error: 'errors.notFound' }) });

/** A convener's decision on an "I act for this organisation" request. */
export const RequestDecisionBody = z.object({
  decision: z.enum(['approve', 'refuse'], { error: 'participants.errors.decision' }).describe('approve: the person becomes a representative of the organisation'),
});
/** A parsed RequestDecisionBody. */
export type RequestDecisionBody = z.infer<typeof RequestDecisionBody>;

/** A pending request as the API shows it to conveners. */
export const OrganisationRequestOut = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  person: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  requestedAt: z.iso.datetime(),
});

/** A convener taking a role away: whose, which (a chair's names the group), and why (required). */
export const RevokeRoleBody = z.object({
  userId: z.uuid({ error: 'participants.errors.revokePerson' }),
  role: z.enum(PROCESS_ROLES, { error: 'participants.errors.revokeRole' }),
  groupId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid({ error: 'participants.errors.revokeRole' }).optional()),
  reason: z
    .string({ error: 'participants.errors.revokeReason' })
    .trim()
    .min(1, 'participants.errors.revokeReason')
    .max(2000, 'errors.text.tooLong')
    .describe('Why: required, kept with the revocation and covered by the audit trail'),
});
/** A parsed RevokeRoleBody. */
export type RevokeRoleBody = z.infer<typeof RevokeRoleBody>;

/** A role held in a process, as the API shows it. */
export const ProcessRoleOut = z.object({ userId: z.uuid(), name: z.string(), role: z.string(), groupId: z.uuid().nullable() });
/** A revocation, as the API shows it. */
export const RevocationOut = z.object({ userId: z.uuid(), name: z.string(), role: z.string(), reason: z.string(), revokedBy: z.string().nullable(), revokedAt: z.iso.datetime() });
