import { z } from 'zod';
import { StaffRoleOutSchema } from '../../platform/auth/staff.presenter.js';
import { displayText } from '../../platform/lib/display-text.js';
import { Slug } from '../processes/index.js';
import { FORM_ALLOWANCE, worstCaseBodyBytes } from '../../platform/http/limits.js';

/** What a document is. */
export const DOCUMENT_KINDS = ['report', 'charter', 'minutes', 'input', 'baseline', 'guidance', 'other'] as const;
/** Where a document stands; it only moves forward. */
export const DOCUMENT_STATUSES = ['draft', 'public_comment', 'final', 'superseded'] as const;
/** The kinds of blocks a document is split into. */
export const BLOCK_KINDS = ['heading', 'paragraph', 'list_item', 'table', 'quote', 'code', 'rule'] as const;

/** The longest Markdown a version may hold (a long report is ~150,000 characters). */
export const MAX_MARKDOWN = 400_000;
/** The longest title and change message, in characters. */
export const TEXT_LIMITS = { title: 300, message: 500 } as const;
/**
 * The body limit of a document's form and API posts: room for the longest Markdown, title and
 * message in the script that takes the most bytes (3.6 MB URL-encoded for 400,000 Chinese
 * characters, where 3 MiB refused a document of 350,000 with a bare 413), so that the field
 * limits, which keep the text and name the field, are what an author meets.
 */
export const DOCUMENT_FORM_BODY_LIMIT = worstCaseBodyBytes(MAX_MARKDOWN + TEXT_LIMITS.title + TEXT_LIMITS.message) + FORM_ALLOWANCE;

const Text = (max: number, required = true) =>
  required
    ? z.string({ error: 'errors.text.required' }).trim().min(1, 'errors.text.required').max(max, 'errors.text.tooLong')
    : z.string().trim().max(max, 'errors.text.tooLong').default('');

const Markdown = z
  .string({ error: 'documents.errors.empty' })
  .max(MAX_MARKDOWN, 'errors.text.tooLong')
  .refine((s) => s.trim().length > 0, 'documents.errors.empty')
  .describe('The text, in Markdown (raw HTML is shown as text)');

/** Creating a document and its version 1. */
export const CreateDocumentBody = z.object({
  /** A working group's short name; absent for a document of the process itself. */
  group: Slug.optional().describe('The working group’s short name; leave out for a document of the process'),
  slug: Slug,
  kind: z.enum(DOCUMENT_KINDS, { error: 'documents.errors.kind' }),
  lang: z.enum(['en', 'fr'], { error: 'documents.errors.lang' }),
  title: displayText(TEXT_LIMITS.title),
  membersOnly: z.boolean().default(false),
  translationOf: Slug.optional().describe('The short name of the document this one translates'),
  markdown: Markdown,
  message: Text(TEXT_LIMITS.message, false),
});
/** A parsed CreateDocumentBody. */
export type CreateDocumentBody = z.infer<typeof CreateDocumentBody>;

/** Saving a new version. */
export const SaveVersionBody = z.object({
  title: displayText(TEXT_LIMITS.title),
  markdown: Markdown,
  message: Text(TEXT_LIMITS.message, false),
});
/** A parsed SaveVersionBody. */
export type SaveVersionBody = z.infer<typeof SaveVersionBody>;

/** Changing a document's status, visibility or title. */
export const PatchDocumentBody = z
  .object({
    status: z.enum(DOCUMENT_STATUSES, { error: 'documents.errors.status' }).optional(),
    membersOnly: z.boolean().optional(),
    title: displayText(TEXT_LIMITS.title).optional(),
  })
  .refine((b) => b.status !== undefined || b.membersOnly !== undefined || b.title !== undefined, { message: 'documents.errors.nothingToChange' });
/** A parsed PatchDocumentBody. */
export type PatchDocumentBody = z.infer<typeof PatchDocumentBody>;

/** The status form on the document page. */
export const StatusBody = z.object({ status: z.enum(DOCUMENT_STATUSES, { error: 'documents.errors.status' }) });

/** `:processSlug/:docSlug` in a URL. */
export const DocumentParams = z.object({ processSlug: Slug, docSlug: z.string().max(200) });
/** A version number in a URL. */
const VersionNumber = z.coerce
  .number({ error: 'documents.errors.versionNumber' })
  .int('documents.errors.versionNumber')
  .min(1, 'documents.errors.versionNumber')
  .max(1_000_000, 'documents.errors.versionNumber');
/** `:processSlug/:docSlug/versions/:n` in a URL. */
export const VersionParams = DocumentParams.extend({ n: VersionNumber });
/** `?from=&to=` of a comparison. */
export const CompareQuery = z.object({ from: VersionNumber, to: VersionNumber });

/** A document as the API shows it. */
export const DocumentOut = z.object({
  id: z.uuid(),
  process: z.string().describe('The process’s short name'),
  group: z.string().nullable().describe('The working group’s short name, or null for a process document'),
  slug: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  lang: z.enum(['en', 'fr']),
  title: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  membersOnly: z.boolean(),
  currentVersion: z.number().int().nullable(),
  translations: z.array(z.object({ slug: z.string(), lang: z.enum(['en', 'fr']) })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  url: z.string().describe('The document’s page'),
});

/** One block of a version. */
export const BlockOut = z.object({
  anchor: z.string().describe('Stable across versions: the same paragraph keeps it when others change'),
  position: z.number().int(),
  kind: z.enum(BLOCK_KINDS),
  level: z.number().int().nullable(),
  label: z.string(),
  change: z.enum(['same', 'edited', 'new', 'moved']).describe('Against the previous version'),
  markdown: z.string(),
  html: z.string(),
  text: z.string(),
});

/** A version without its blocks. */
export const VersionOut = z.object({
  number: z.number().int(),
  title: z.string(),
  message: z.string(),
  author: z.string().nullable(),
  authorStaffRole: StaffRoleOutSchema,
  createdAt: z.iso.datetime(),
});

/** A version with its Markdown and blocks. */
export const VersionDetailOut = VersionOut.extend({ markdown: z.string(), blocks: z.array(BlockOut) });
/** A document with its current version. */
export const DocumentDetailOut = DocumentOut.extend({ version: VersionDetailOut.nullable() });
/** Several documents. */
export const DocumentListOut = z.object({ items: z.array(DocumentOut) });
/** A document's history. */
export const VersionListOut = z.object({ items: z.array(VersionOut) });

/** A comparison of two versions. */
export const CompareOut = z.object({
  from: z.number().int(),
  to: z.number().int(),
  summary: z.object({ changed: z.number().int(), added: z.number().int(), removed: z.number().int(), moved: z.number().int(), same: z.number().int() }),
  blocks: z.array(
    z.object({
      anchor: z.string(),
      label: z.string(),
      status: z.enum(['same', 'changed', 'added', 'removed', 'moved']),
      ops: z.array(z.object({ op: z.enum(['eq', 'ins', 'del']), text: z.string() })),
    }),
  ),
});
