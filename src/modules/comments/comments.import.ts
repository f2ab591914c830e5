import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/client.js';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { can } from '../../platform/auth/policies.js';
import { copyInto } from '../../platform/db/copy.js';
import { recordAuditBatch } from '../../platform/audit/audit-batch.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { fieldErrorKeys } from '../../platform/http/validation.js';
import { tFor, type T } from '../../platform/i18n/i18n.js';
import { isUuid, newId } from '../../platform/lib/ids.js';
import { QUEUES, enqueue } from '../../platform/jobs/queue.js';
import { processById, stakeholderGroupsOf } from '../processes/index.js';
import { indexManyForSearch } from '../search/index.js';
import { commentSearchEntry } from './comments.service.js';
import { commentsRepository } from './comments.repository.js';
import { CommentFields } from './comments.schema.js';
import { newReceipt } from './comments.text.js';
import { senderSignals } from './comments.sender.js';
import { duplicateKeys, ensureAnchor, ensureDisplayName, ensureOpen, ensureStakeholderGroup, pickDocument } from './comments.rules.js';
import { getPeriod, paragraphsOf, type CoveredDocument } from './periods.service.js';
import { commentImportRepository as repo, STAGING_COLUMNS, type CommentImport, type KnownKey } from './comments.import.repository.js';
import { ImportFileError, parseImport, type ImportColumn, type ImportFormat } from './comments.import-parse.js';

/** Rows landed per transaction (and per audit batch event). */
export const IMPORT_CHUNK_ROWS = 5000;
/** The longest idempotency key a row may give. */
export const MAX_KEY_CHARS = 200;

/**
 * Why a row was refused, kept as an i18n key and its parameters so it can be shown later in
 * the reader's language; a parameter may itself be a reason (a column's own message).
 */
export interface Reason {
  key: string;
  params?: Record<string, unknown>;
}

/**
 * A reason in one language, its nested reasons translated first.
 * @example reasonText(tFor('fr'), { key: 'commentImport.rows.future' }) // 'submitted_at : l’heure est dans le futur'
 */
export function reasonText(t: T, reason: Reason): string {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(reason.params ?? {})) params[k] = v && typeof v === 'object' && 'key' in v ? reasonText(t, v as Reason) : v;
  return t(reason.key, params);
}

/** A row the import did not take: its line, its key when it has one, and why (in the import's language, and as a key to translate later). */
export interface RefusedRow {
  line: number;
  key: string;
  reason: string;
  why: Reason;
}

/** How to import. */
export interface ImportOptions {
  fileName: string;
  /** Where receipt numbers come from (tests make it repeat itself); `newReceipt` by default. */
  receipts?: () => string;
  format: ImportFormat;
  /** The language of the refusals. */
  lang: 'en' | 'fr';
  /** Told each refused row, in file order (the CLI writes them to the errors file). */
  onRefused?: (row: RefusedRow) => void;
  /** Told after each chunk lands: rows read so far, of how many. */
  onProgress?: (read: number, total: number) => void;
  /** Rows per chunk (IMPORT_CHUNK_ROWS when absent). */
  chunkRows?: number;
  /**
   * Told after each statement of a chunk's transaction, inside it (tests: throw to fail the
   * chunk midway, or wait to be killed there). `chunk` counts from 1.
   */
  onStep?: (step: ImportStep, chunk: number) => Promise<void> | void;
  /** The clock (tests). */
  now?: Date;
  /** pg-boss's schema: when given, an import that added comments asks for the period's campaign detection. */
  jobsSchema?: string;
  /**
   * An import already recorded (queued by the web page or the API) to run, or to resume after
   * the chunks it has landed; without it a new record is made (the CLI).
   */
  importId?: string;
}

/** The statements of a chunk's transaction, in order. */
export type ImportStep = 'staged' | 'comments' | 'counted' | 'indexed' | 'audited' | 'recorded';

/** What an import did. */
export interface ImportResult {
  import: CommentImport;
  read: number;
  added: number;
  skipped: number;
  refused: number;
}

/** The form fields each column feeds, to name the column in a refusal. */
const FIELD_COLUMN: Record<string, ImportColumn> = { text: 'text', displayName: 'name', anchor: 'paragraph', organisation: 'organisation', stakeholderGroupId: 'stakeholder_group', lang: 'lang', document: 'document' };

/** A good row, ready to stage. */
interface StagedRow {
  line: number;
  values: unknown[];
}

/**
 * A row's idempotency key: the `key` column when given; otherwise a hash of the normalised
 * text (its duplicate hash), the author's email (lower case) and the time it was submitted, so
 * the same row read again gets the same key.
 * @example importKey({ text: 'Ban them', email: 'A@x.org', submitted_at: '2019-03-01T10:00:00Z' }, hash) // 'sha256:…'
 */
export function importKey(values: Partial<Record<ImportColumn, string>>, textHash: string): string {
  const given = values.key?.trim();
  if (given) return given;
  const at = values.submitted_at?.trim() ? new Date(values.submitted_at.trim()).toISOString() : '';
  return `sha256:${createHash('sha256').update(`${textHash}\n${(values.email ?? '').trim().toLowerCase()}\n${at}`).digest('hex')}`;
}

/**
 * Import comments from a file into a period, on its own path: the file is read twice as a
 * stream (once to refuse an unreadable file before anything is written, once to import);
 * each row is checked by the rules a single submission meets (comments.rules.ts and the
 * CommentFields schema); good rows are copied into a staging table and landed in chunks of
 * IMPORT_CHUNK_ROWS, each in one transaction with one audit batch event covering its rows.
 * A row whose key the period already has adds nothing, so a re-run, or a run after a crash,
 * completes without doubles.
 * @example await importComments(database, actor, periodId, () => fs.createReadStream(file), { fileName: 'c.csv', format: 'csv', lang: 'en' })
 */
export async function importComments(
  database: Database,
  actor: Actor | null,
  periodId: string,
  open: () => AsyncIterable<Uint8Array>,
  opts: ImportOptions,
): Promise<ImportResult> {
  const db = database.db;
  const t = tFor(opts.lang);
  const now = opts.now ?? new Date();
  const period = isUuid(periodId) ? await commentsRepository.periodById(db, periodId) : undefined;
  if (!period) throw new HttpProblem(404, 'commentImport.errors.period', { id: periodId });
  if (!can(actor, 'comment.import', { processId: period.process_id })) throw new HttpProblem(403, 'commentImport.errors.forbidden');
  ensureOpen(period, now);
  const { documents } = await getPeriod(db, period.process_id, period.id, actor);
  const [groups, process] = await Promise.all([stakeholderGroupsOf(db, period.process_id), processById(db, period.process_id)]);

  // First pass: the whole file must be readable before anything is written.
  let total = 0;
  try {
    for await (const _ of parseImport(open(), opts.format)) total++;
  } catch (err) {
    if (err instanceof ImportFileError) throw new HttpProblem(422, `commentImport.errors.${err.key}`, err.params);
    throw err;
  }

  const record = opts.importId
    ? await repo.startImport(db, opts.importId, total)
    : await repo.insertImport(db, { id: newId(now.getTime()), period_id: period.id, file_name: opts.fileName, actor_id: actor?.userId ?? null, status: 'running', format: opts.format, channel: 'cli', rows_total: total });
  // A run after a crash resumes after the chunks that committed: their rows, counts and refusals are in.
  const landedChunks = opts.importId ? await repo.batchesOf(db, record.id) : [];
  const resumeAfter = landedChunks.reduce((m, b) => Math.max(m, b.last_line), 0);
  const paragraphCache = new Map<string, Promise<Map<string, unknown>>>();
  const paragraphs = (versionId: string) => {
    let p = paragraphCache.get(versionId);
    if (!p) paragraphCache.set(versionId, (p = paragraphsOf(db, versionId)));
    return p;
  };
  // Each key seen in this chunk: the line it was first on and its text's hash. Keys of earlier
  // chunks are in the database by then, and landing finds them there: memory stays bounded.
  const seen = new Map<string, { line: number; hash: string }>();
  const receipt = opts.receipts ?? newReceipt;
  let read = 0;
  let added = 0;
  let skipped = 0;
  let refused = 0;
  let chunkNo = landedChunks.length;
  let chunk: StagedRow[] = [];
  // This chunk's refusals, stored with it (so a chunk rolled back leaves none behind).
  let chunkRefusals: { line: number; key: string; why: Reason }[] = [];
  let chunkRefused = 0;
  let chunkSkipped = 0;
  let firstLine = 0;
  let lastLine = 0;
  const refuse = (line: number, key: string, why: Reason, stored = false) => {
    refused++;
    if (!stored) {
      chunkRefused++;
      chunkRefusals.push({ line, key, why });
    }
    opts.onRefused?.({ line, key, reason: reasonText(t, why), why });
  };
  const conflictReason = (k: KnownKey): Reason =>
    k.earlier_line === null ? { key: 'commentImport.rows.keyUsedEarlier', params: { key: k.import_key } } : { key: 'commentImport.rows.keyTwice', params: { key: k.import_key, line: k.earlier_line } };

  const land = async () => {
    if (!chunk.length && !chunkRefused && !chunkSkipped) return;
    const chunkNumber = chunkNo + 1;
    const context = { importId: record.id, periodId: period.id, process, documents, actorId: actor?.userId ?? null, receipt, step: (s: ImportStep) => opts.onStep?.(s, chunkNumber) };
    const landed = await landChunk(database, context, chunk, async (trx, l) => {
      // The chunk's record commits with its comments: a chunk recorded is a chunk landed.
      await repo.recordChunk(trx, {
        import_id: record.id,
        chunk: chunkNo + 1,
        first_line: firstLine,
        last_line: lastLine,
        rows_added: l.added,
        rows_skipped: chunkSkipped + l.skipped,
        rows_refused: chunkRefused + l.conflicts.length,
        audit_chain: l.audit?.chain ?? null,
        audit_seq: l.audit?.seq ?? null,
        batch_root: l.audit?.root ?? null,
      }, read);
      await repo.recordRefusals(trx, record.id, [...chunkRefusals, ...l.conflicts.map((k) => ({ line: k.line, key: k.import_key, why: conflictReason(k) }))]);
      await context.step('recorded');
    });
    chunkNo++;
    for (const k of landed.conflicts) refuse(k.line, k.import_key, conflictReason(k), true);
    added += landed.added;
    skipped += landed.skipped;
    chunk = [];
    seen.clear();
    chunkRefused = 0;
    chunkRefusals = [];
    chunkSkipped = 0;
    firstLine = 0;
    opts.onProgress?.(read, total);
  };

  const importRows = async (): Promise<ImportResult> => {
  try {
    for await (const row of parseImport(open(), opts.format)) {
      read++;
      if (row.line <= resumeAfter) continue;
      if (!firstLine) firstLine = row.line;
      lastLine = row.line;
      if ('refused' in row) refuse(row.line, '', { key: `commentImport.rows.${row.refused}`, ...(row.params ? { params: row.params } : {}) });
      else {
        const checked = await checkRow(row.values, { documents, groups, paragraphs, period, now, receipt });
        if ('reason' in checked) refuse(row.line, checked.key, checked.reason);
        else {
          const earlier = seen.get(checked.key);
          if (earlier && earlier.hash !== checked.hash) refuse(row.line, checked.key, { key: 'commentImport.rows.keyTwice', params: { key: checked.key, line: earlier.line } });
          else if (earlier) {
            skipped++;
            chunkSkipped++;
          } else {
            seen.set(checked.key, { line: row.line, hash: checked.hash });
            chunk.push({ line: row.line, values: [record.id, row.line, ...checked.values] });
          }
        }
      }
      if (read % (opts.chunkRows ?? IMPORT_CHUNK_ROWS) === 0) await land();
    }
  } catch (err) {
    // The file changed between the two readings (it was checked whole before).
    if (err instanceof ImportFileError) throw new HttpProblem(422, `commentImport.errors.${err.key}`, err.params);
    throw err;
  }
  await land();
  const finished = await repo.finishImport(db, record.id, read);
  if (opts.jobsSchema && added) await enqueue(db, opts.jobsSchema, QUEUES.campaignsDetect, { periodId: period.id });
  return { import: finished, read, added, skipped, refused };
  };
  try {
    return await importRows();
  } catch (err) {
    // The record says it stopped (a crash leaves it running, and a re-run with importId resumes it).
    await repo.failImport(db, record.id, err instanceof HttpProblem ? err.key : 'commentImport.errors.failed', err instanceof HttpProblem ? err.params : {}).catch(() => {});
    throw err;
  }
}

/** What checkRow needs besides the row. */
interface RowContext {
  receipt: () => string;
  documents: CoveredDocument[];
  groups: { id: string; key: string; name_en: string; name_fr: string }[];
  paragraphs: (versionId: string) => Promise<{ has(anchor: string): boolean }>;
  period: { opens_at: Date; closes_at: Date; time_zone: string } & Parameters<typeof ensureOpen>[0];
  now: Date;
}

/**
 * One row through the rules a single submission meets: the CommentFields schema (text
 * trimmed, 1 to 5,000 characters, name, language…), the document and paragraph, the
 * stakeholder group, and the window at the time it was submitted. Its staged values, or why not.
 */
async function checkRow(
  v: Partial<Record<ImportColumn, string>>,
  ctx: RowContext,
): Promise<{ key: string; hash: string; values: unknown[] } | { key: string; reason: Reason }> {
  const givenKey = v.key?.trim() ?? '';
  if (givenKey.length > MAX_KEY_CHARS) return { key: givenKey.slice(0, 40), reason: { key: 'commentImport.rows.keyTooLong', params: { max: MAX_KEY_CHARS } } };
  const groupValue = v.stakeholder_group?.trim();
  const group = groupValue ? ctx.groups.find((g) => g.id === groupValue || [g.key, g.name_en, g.name_fr].some((n) => n.toLowerCase() === groupValue.toLowerCase())) : undefined;
  const parsed = CommentFields.safeParse({
    document: v.document?.trim() || undefined,
    anchor: v.paragraph ?? null,
    text: v.text,
    displayName: v.name,
    organisation: v.organisation ?? undefined,
    stakeholderGroupId: groupValue ? (group?.id ?? 'unknown') : undefined,
    lang: v.lang?.trim() || (ctx.documents[0]?.document.lang ?? 'en'),
  });
  if (!parsed.success) {
    const [field, message] = Object.entries(fieldErrorKeys(parsed.error.issues))[0]!;
    return { key: givenKey, reason: { key: 'commentImport.rows.column', params: { column: FIELD_COLUMN[field] ?? field, message } } };
  }
  const input = parsed.data;
  let at = ctx.now;
  if (v.submitted_at?.trim()) {
    const d = new Date(v.submitted_at.trim());
    if (Number.isNaN(d.getTime())) return { key: givenKey, reason: { key: 'commentImport.rows.badDate', params: { value: v.submitted_at.trim().slice(0, 40) } } };
    if (d.getTime() > ctx.now.getTime()) return { key: givenKey, reason: { key: 'commentImport.rows.future' } };
    at = d;
  }
  try {
    ensureOpen(ctx.period, at);
    const target = await pickDocument(ctx.documents, input.document, input.anchor ?? null, input.lang, ctx.paragraphs);
    if (input.anchor) ensureAnchor(input.anchor, await ctx.paragraphs(target.version.id));
    ensureStakeholderGroup(input.stakeholderGroupId, ctx.groups);
    const name = ensureDisplayName(input.displayName);
    const { hash, group: groupKey } = duplicateKeys(input.text, target.document.id, input.anchor ?? null);
    const key = importKey(v, hash);
    const id = newId(at.getTime());
    return {
      key,
      hash: `${hash}\n${target.document.id}\n${input.anchor ?? ''}`,
      values: [id, target.document.id, target.version.id, input.anchor ?? null, name, input.organisation || null, input.stakeholderGroupId ?? null, input.lang, input.text, hash, groupKey, newId(at.getTime()), ctx.receipt(), key, at, ...senderValues(v.email)],
    };
  } catch (err) {
    if (!(err instanceof HttpProblem)) throw err;
    const column = Object.keys(err.fields)[0];
    const message: Reason = { key: err.key, params: err.params };
    return { key: givenKey, reason: column ? { key: 'commentImport.rows.column', params: { column: FIELD_COLUMN[column] ?? column, message } } : message };
  }
}

/** The row's email as the staged sender columns: its domain and keyed hash, never the address. */
function senderValues(email: string | undefined): [string | null, string | null] {
  const s = senderSignals(email);
  return [s.sender_domain, s.sender_hash];
}

/** What landing a chunk did. */
interface Landed {
  added: number;
  skipped: number;
  /** Rows whose key the period already has for another text. */
  conflicts: KnownKey[];
  audit?: { chain: string; seq: string; root: string };
}

/**
 * Land one chunk in one transaction: COPY into the staging table, take out the keys the
 * period already has, join the duplicate groups, write the comments, count them, record one
 * audit batch event over every row written, index them for search, and empty the staging table.
 */
async function landChunk(
  database: Database,
  ctx: {
    importId: string;
    periodId: string;
    process: { id: string; slug: string };
    documents: CoveredDocument[];
    actorId: string | null;
    receipt: () => string;
    step: (s: ImportStep) => Promise<void> | void;
  },
  rows: StagedRow[],
  after: (trx: Kysely<DB>, landed: Landed) => Promise<void>,
): Promise<Landed> {
  return database.transaction(async (trx, raw) => {
    if (!rows.length) {
      const none = { added: 0, skipped: 0, conflicts: [] };
      await after(trx, none);
      return none;
    }
    await repo.lockPeriod(trx, ctx.periodId);
    await copyInto(raw, 'comment_import_rows', STAGING_COLUMNS, rows.map((r) => r.values));
    await ctx.step('staged');
    const known = await repo.takeOutKnownKeys(trx, ctx.importId, ctx.periodId);
    await drawClashingReceiptsAgain(trx, ctx.importId, ctx.receipt);
    const newTexts = await repo.joinGroups(trx, ctx.importId, ctx.periodId);
    const comments = await repo.insertComments(trx, ctx.importId, ctx.periodId);
    await ctx.step('comments');
    await repo.countChunk(trx, ctx.importId, ctx.periodId, comments.length, newTexts);
    await ctx.step('counted');
    const documentOf = new Map(ctx.documents.map((d) => [d.document.id, d.document]));
    await indexManyForSearch(trx, comments.map((c) => commentSearchEntry(c, documentOf.get(c.document_id)!, ctx.process)));
    await ctx.step('indexed');
    const audit = comments.length
      ? await recordAuditBatch(trx, { actorId: ctx.actorId, action: 'comment.import', entityType: 'comment_import', entityId: ctx.importId, processId: ctx.process.id, rows: comments.map((c) => ({ ...c })) })
      : undefined;
    await ctx.step('audited');
    await repo.clearStaging(trx, ctx.importId);
    const conflicts = known.filter((k) => !k.same).sort((a, b) => a.line - b.line);
    const landed: Landed = { added: comments.length, skipped: known.length - conflicts.length, conflicts, ...(audit ? { audit } : {}) };
    await after(trx, landed);
    return landed;
  });
}

/**
 * Receipt numbers are drawn when a row is checked; one already taken (by a stored comment or an
 * earlier line of the chunk) is drawn again until none is, as a single submission does. A
 * handful of rounds at most: at ten million comments a fresh draw clashes once in 100,000.
 */
async function drawClashingReceiptsAgain(trx: Kysely<DB>, importId: string, receipt: () => string): Promise<void> {
  for (let round = 0; ; round++) {
    const lines = await repo.clashingReceipts(trx, importId);
    if (!lines.length) return;
    if (round === 10) throw new Error(`receipt numbers still clash after ${round} draws`);
    await repo.setReceipts(trx, importId, lines, lines.map(() => receipt()));
  }
}

export { ImportFileError };
