import { z } from 'zod';
import { displayText } from '../../platform/lib/display-text.js';
import { Slug } from '../processes/index.js';
import type { Priority } from './recommendations.tables.js';

/** The priorities a recommendation can have, highest first (the order forms offer them). */
export const PRIORITIES = ['high', 'medium', 'low'] as const satisfies readonly Priority[];

/** The longest recommendation text: a recommendation, not a chapter. */
export const MAX_TEXT = 20_000;

/** A recommendation's number: its permanent address, so only URL-safe characters ("4.2", "A-1"). */
export const RecommendationNumber = z
  .string({ error: 'recommendations.errors.number' })
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,15}$/, 'recommendations.errors.number');

/** Empty form fields and nulls mean "none". */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
/** A form sends one value as a string and several as an array; the API sends an array. */
const toArray = (v: unknown): unknown[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? (v as unknown[]).filter((x) => x !== '') : [v]);

const Title = (key: string) => displayText(300, { required: key });
const Text = (key: string) => z.string({ error: key }).trim().min(1, key).max(MAX_TEXT, 'errors.text.tooLong');
const Ids = (key: string) => z.preprocess(toArray, z.array(z.uuid({ error: key })).max(200, key));

/** What a recommendation says and where it came from; the number is set at creation only. */
export const RecommendationFields = z.object({
  titleEn: Title('recommendations.errors.titleEn'),
  titleFr: Title('recommendations.errors.titleFr'),
  textEn: Text('recommendations.errors.textEn').describe('Markdown'),
  textFr: Text('recommendations.errors.textFr').describe('Markdown'),
  priority: z.enum(PRIORITIES, { error: 'recommendations.errors.priority' }),
  group: z.preprocess(blankToUndefined, Slug.optional()).describe('The slug of the working group it came from'),
  document: z.preprocess(blankToUndefined, Slug.optional()).describe('The slug of the document holding the section it came from'),
  anchor: z
    .preprocess(blankToUndefined, z.string().trim().max(200, 'errors.text.tooLong').optional())
    .describe('The section in that document: its stable anchor or its label ("4.2")'),
  consensusCallId: z
    .preprocess(blankToUndefined, z.uuid({ error: 'recommendations.errors.consensusCall' }).optional())
    .describe('The consensus call behind it'),
  stakeholderGroupIds: Ids('recommendations.errors.stakeholderGroup').describe('Stakeholder groups that should act'),
  organisationIds: Ids('recommendations.errors.organisation').describe('Named organisations that should act'),
});
/** A parsed RecommendationFields (an edit). */
export type RecommendationFields = z.infer<typeof RecommendationFields>;

/** A new recommendation: its number and its fields. */
export const CreateRecommendationBody = RecommendationFields.extend({
  number: RecommendationNumber.describe('"4.2": unique in the process, its permanent address'),
});
/** A parsed CreateRecommendationBody. */
export type CreateRecommendationBody = z.infer<typeof CreateRecommendationBody>;

/** `:processSlug/:number` in a URL. */
export const RecommendationParams = z.object({ processSlug: Slug, number: z.string().max(32) });

/** Publishing a final report: the document (by slug) that is the report. */
export const PublishReportBody = z.object({ document: Slug.describe('The slug of the process document to publish as the final report') });
/** A parsed PublishReportBody. */
export type PublishReportBody = z.infer<typeof PublishReportBody>;

const Named = z.object({ id: z.uuid(), nameEn: z.string(), nameFr: z.string() });

/** A recommendation as the API shows it. */
export const RecommendationOut = z.object({
  id: z.uuid(),
  number: z.string(),
  position: z.number().int(),
  titleEn: z.string(),
  titleFr: z.string(),
  textEn: z.string().describe('Markdown'),
  textFr: z.string().describe('Markdown'),
  priority: z.enum(PRIORITIES),
  group: Named.extend({ slug: z.string() }).nullable(),
  section: z
    .object({
      documentSlug: z.string(),
      documentTitle: z.string(),
      anchor: z.string().nullable(),
      label: z.string().nullable().describe('The section’s label in the current version (4.2, ¶ 3)'),
      url: z.string(),
    })
    .nullable(),
  consensusCall: z
    .object({
      id: z.uuid(),
      url: z.string(),
      outcome: z.enum(['consensus', 'rough_consensus', 'no_consensus']).nullable().describe('Its declared outcome (null while undecided, or in lists)'),
    })
    .nullable(),
  addressees: z.array(Named.extend({ kind: z.enum(['stakeholder_group', 'organisation']) })),
  url: z.string().describe('Its permanent address (English page)'),
  urlFr: z.string().describe('Its permanent address (French page)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The recommendations of a process, in order. */
export const RecommendationListOut = z.object({ items: z.array(RecommendationOut) });

/** A published final report: the document and version it is made of, and the recommendations. */
export const FinalReportOut = z.object({
  publishedAt: z.string(),
  document: z.object({ id: z.uuid(), slug: z.string(), lang: z.enum(['en', 'fr']), title: z.string(), versionNumber: z.number().int() }),
  url: z.string(),
  printUrl: z.string(),
  pdfUrl: z.string(),
  recommendations: z.array(RecommendationOut),
});
