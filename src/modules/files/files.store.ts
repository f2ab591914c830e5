import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { newId } from '../../platform/lib/ids.js';
import { sha256Hex } from '../../platform/lib/crypto.js';
import { filesRepository as repo, type FileMeta } from './files.repository.js';

/** A file to keep: its checked name and type, its bytes, and who sent it. */
export interface NewFile {
  name: string;
  mediaType: string;
  data: Buffer;
  createdBy: string | null;
}

/** A kept file as the rest of Concord sees it. */
export interface StoredFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdBy: string | null;
  createdAt: Date;
}

/**
 * Where uploaded files live. The database store is the default, so app servers keep nothing
 * on disk and a backup holds everything; an object store can take its place behind the same
 * two calls.
 */
export interface FileStore {
  put(file: NewFile): Promise<StoredFile>;
  get(id: string): Promise<{ meta: StoredFile; data: Buffer } | undefined>;
}

/** A file row as a StoredFile. */
export function toStoredFile(row: FileMeta): StoredFile {
  return { id: row.id, name: row.name, mediaType: row.media_type, size: row.size, sha256: row.sha256, createdBy: row.created_by, createdAt: row.created_at };
}

/**
 * Files in the `files` table. Pass the transaction that records what the file belongs to,
 * so a file exists exactly when the record pointing at it does.
 * @example const stored = await databaseFileStore(trx).put({ name, mediaType, data, createdBy })
 */
export function databaseFileStore(db: Kysely<DB>): FileStore {
  return {
    async put(file) {
      const row = await repo.insert(db, {
        id: newId(),
        name: file.name,
        media_type: file.mediaType,
        size: file.data.length,
        sha256: sha256Hex(file.data),
        data: file.data,
        created_by: file.createdBy,
      });
      return toStoredFile(row);
    },
    async get(id) {
      const row = await repo.withData(db, id);
      return row ? { meta: toStoredFile(row), data: row.data } : undefined;
    },
  };
}
