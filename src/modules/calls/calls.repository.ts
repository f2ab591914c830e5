import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CallSubmissionsTable, CallsTable } from './calls.tables.js';

/** A call row. */
export type Call = Selectable<CallsTable>;
/** A submission row. */
export type Submission = Selectable<CallSubmissionsTable>;

/** A submission with what pages and the API show beside it: organisation, file and submitter. */
export interface SubmissionRow extends Submission {
  organisation_label: string | null;
  file_name: string | null;
  file_media_type: string | null;
  file_size: number | null;
  file_sha256: string | null;
  submitter_name: string | null;
}

/** A bound on a list page; a call that draws more is paged by the moderation tools of its own. */
const LIST_LIMIT = 1000;

/** SQL for calls for input and their submissions. */
export const callsRepository = {
  async insert(db: Kysely<DB>, row: Omit<Call, 'created_at' | 'updated_at'>): Promise<Call> {
    return db
      .insertInto('calls')
      .values({ ...row, updated_at: new Date() })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async byId(db: Kysely<DB>, id: string): Promise<Call | undefined> {
    return db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** A process's calls, latest opening first. */
  async byProcess(db: Kysely<DB>, processId: string): Promise<Call[]> {
    return db.selectFrom('calls').selectAll().where('process_id', '=', processId).orderBy('opens_at', 'desc').orderBy('id', 'desc').execute();
  },

  /** Accepted submissions per call of a process. */
  async acceptedCounts(db: Kysely<DB>, processId: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('call_submissions as s')
      .innerJoin('calls as c', 'c.id', 's.call_id')
      .select(['s.call_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('c.process_id', '=', processId)
      .where('s.status', '=', 'accepted')
      .groupBy('s.call_id')
      .execute();
    return new Map(rows.map((r) => [r.call_id, Number(r.n)]));
  },

  async insertSubmission(
    db: Kysely<DB>,
    row: Omit<Submission, 'status' | 'moderation_reason' | 'moderated_by' | 'moderated_at'>,
  ): Promise<Submission> {
    return db
      .insertInto('call_submissions')
      .values({ ...row, status: 'pending' })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** One submission row, locked for a moderator's update when `forUpdate`. */
  async submission(db: Kysely<DB>, id: string, forUpdate = false): Promise<Submission | undefined> {
    const q = db.selectFrom('call_submissions').selectAll().where('id', '=', id);
    return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
  },

  async moderate(db: Kysely<DB>, id: string, set: Pick<Submission, 'status' | 'moderation_reason' | 'moderated_by' | 'moderated_at'>): Promise<Submission> {
    return db
      .updateTable('call_submissions')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /**
   * Submissions of a call with their organisation, file metadata (never the bytes) and
   * submitter, oldest first; filtered by status and/or submitter.
   */
  async detailed(db: Kysely<DB>, f: { callId: string; statuses?: Submission['status'][]; submitterId?: string; id?: string }): Promise<SubmissionRow[]> {
    let q = db
      .selectFrom('call_submissions as s')
      .leftJoin('organisations as o', 'o.id', 's.organisation_id')
      .leftJoin('files as f', 'f.id', 's.file_id')
      .leftJoin('users as u', 'u.id', 's.submitter_id')
      .selectAll('s')
      .select((eb) => [
        eb.fn.coalesce('o.name', 's.organisation_name').as('organisation_label'),
        'f.name as file_name',
        'f.media_type as file_media_type',
        'f.size as file_size',
        'f.sha256 as file_sha256',
        'u.name as submitter_name',
      ])
      .where('s.call_id', '=', f.callId);
    if (f.statuses) q = q.where('s.status', 'in', f.statuses);
    if (f.submitterId) q = q.where('s.submitter_id', '=', f.submitterId);
    if (f.id) q = q.where('s.id', '=', f.id);
    return q.orderBy('s.id').limit(LIST_LIMIT).execute();
  },
};
