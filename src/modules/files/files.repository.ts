import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { FilesTable } from './files.tables.js';

/** A file's row without its bytes: what lists and headers need. */
export type FileMeta = Omit<Selectable<FilesTable>, 'data'>;

const META = ['id', 'name', 'media_type', 'size', 'sha256', 'created_by', 'created_at'] as const;

/** SQL for stored files. Lists never select `data`; only a download reads the bytes. */
export const filesRepository = {
  async insert(db: Kysely<DB>, row: Omit<Selectable<FilesTable>, 'created_at'>): Promise<FileMeta> {
    return db.insertInto('files').values(row).returning(META).executeTakeFirstOrThrow();
  },

  async meta(db: Kysely<DB>, id: string): Promise<FileMeta | undefined> {
    return db.selectFrom('files').select(META).where('id', '=', id).executeTakeFirst();
  },

  async withData(db: Kysely<DB>, id: string): Promise<Selectable<FilesTable> | undefined> {
    return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  },
};
