import { z } from 'zod';
import { dateField } from '../../platform/time/time-fields.js';
import { displayText } from '../../platform/lib/display-text.js';
import { TimeZoneSchema } from '../../platform/lib/time-zone.js';

/** The phases a process moves through; 'other' for anything a convener adds. */
export const PHASE_KINDS = ['convening', 'working_groups', 'drafting', 'public_comment', 'finalisation', 'action', 'other'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** The default stakeholder groups of a new process (the model process's six). */
export const DEFAULT_STAKEHOLDER_KEYS = ['government', 'civil_society', 'technical', 'academia', 'private_sector', 'other'] as const;

export const Slug = z
  .string({ error: 'errors.slug.invalid' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, 'errors.slug.invalid')
  .meta({ example: 'iot-security-2018' });

const IsoDate = dateField('errors.date.invalid');
const Text = (max: number, required = true) =>
  required ? z.string({ error: 'errors.text.required' }).trim().min(1, 'errors.text.required').max(max, 'errors.text.tooLong') : z.string().trim().max(max, 'errors.text.tooLong').default('');

export const PhaseInput = z
  .object({ kind: z.enum(PHASE_KINDS), nameEn: displayText(120), nameFr: displayText(120), startsOn: IsoDate, endsOn: IsoDate })
  .refine((p) => p.endsOn >= p.startsOn, { message: 'errors.phase.order', path: ['endsOn'] });
export type PhaseInput = z.infer<typeof PhaseInput>;

/** The longest texts its forms take, in characters: checked here, stated and set as maxlength in the forms. */
export const TEXT_LIMITS = { summary: 600, description: 20_000 } as const;
/** Fields a convener sets on a process, in both languages. */
export const ProcessFields = z.object({
  titleEn: displayText(200),
  titleFr: displayText(200),
  summaryEn: Text(TEXT_LIMITS.summary, false),
  summaryFr: Text(TEXT_LIMITS.summary, false),
  descriptionEn: Text(TEXT_LIMITS.description, false),
  descriptionFr: Text(TEXT_LIMITS.description, false),
  registration: z.enum(['open', 'invitation']).default('open'),
  timezone: TimeZoneSchema,
});

export const CreateProcessBody = ProcessFields.extend({
  slug: Slug,
  phases: z.array(PhaseInput).max(20).default([]),
});
export type CreateProcessBody = z.infer<typeof CreateProcessBody>;

export const UpdateProcessBody = ProcessFields.extend({ phases: z.array(PhaseInput).max(20).optional() });
export type UpdateProcessBody = z.infer<typeof UpdateProcessBody>;

/** Start a process from another as a template: its shape, none of its people or content. */
export const CopyProcessBody = z.object({
  slug: Slug,
  titleEn: displayText(200),
  titleFr: displayText(200),
  /** The new first phase starts on this date; the others keep their spacing. */
  startsOn: IsoDate.optional(),
});
export type CopyProcessBody = z.infer<typeof CopyProcessBody>;

export const Bilingual = z.object({ en: z.string(), fr: z.string() });

export const PhaseOut = z.object({
  kind: z.string(),
  name: Bilingual,
  startsOn: z.string(),
  endsOn: z.string(),
  current: z.boolean(),
});

export const StakeholderGroupOut = z.object({ id: z.uuid(), key: z.string(), name: Bilingual, targetShare: z.number().nullable() });

export const ProcessOut = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: Bilingual,
  summary: Bilingual,
  description: Bilingual,
  registration: z.enum(['open', 'invitation']),
  timezone: z.string(),
  templateSourceId: z.uuid().nullable(),
  phases: z.array(PhaseOut),
  stakeholderGroups: z.array(StakeholderGroupOut),
  url: z.string(),
});
export type ProcessOut = z.infer<typeof ProcessOut>;

export const ProcessListOut = z.object({ items: z.array(ProcessOut.pick({ id: true, slug: true, title: true, summary: true, url: true })) });

export const SlugParams = z.object({ processSlug: Slug });
