import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_convene.js';

/**
 * Every migration, in order. Listed by hand rather than read from the folder so that the
 * set is the same under tsx, vitest and a compiled build.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_convene': m0002,
};
