import type { CreatedAt } from '../../platform/db/columns.js';

/** Uploaded files, stored in the database so that app servers keep no state of their own. */
export interface FilesTable {
  id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_by: string | null;
  created_at: CreatedAt;
}

/** The files module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    files: FilesTable;
  }
}
