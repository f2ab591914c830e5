import { type Kysely, type Migration, Migrator, type MigrationResultSet, type DatabaseIntrospector, sql } from 'kysely';
import { migrations as frameMigrations } from './migrations/index.js';
import { installedModules } from '../modules/registry.js';

/**
 * Every migration: the frame's history (the process core, 0001–0014, written before modules
 * brought their own) followed by each installed module's, by name. Two modules naming the
 * same migration is an error, not a silent overwrite.
 */
export function allMigrations(): Record<string, Migration> {
  const all: Record<string, Migration> = { ...frameMigrations };
  for (const m of installedModules()) {
    for (const [name, migration] of Object.entries(m.migrations ?? {})) {
      if (Object.hasOwn(all, name)) throw new Error(`Migration ${name} of module ${m.name} is already defined`);
      all[name] = migration;
    }
  }
  // In name order, as the migrator applies them: modules list theirs module by module, so
  // participants' 0019 and 0021 would otherwise come before accountability's 0020.
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * What the migrator needs to know about tables, looked up in one schema only.
 *
 * Kysely's own introspector reads every column of every table in the database and calls
 * `pg_get_serial_sequence` on each: slow on a big database, and it fails outright
 * ("relation … does not exist") when another schema is dropped while it reads, which is
 * what parallel test files on one PostgreSQL server do. The migrator only asks whether its
 * two tables and its schema exist, so this answers just that, from the catalogue.
 */
function scopedIntrospector(db: Kysely<any>, schema: string | undefined): DatabaseIntrospector {
  return {
    async getSchemas() {
      const r = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(db);
      return r.rows;
    },
    async getTables() {
      const r = await sql<{ name: string; schema: string }>`
        select c.relname as name, n.nspname as schema
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname = coalesce(${schema ?? null}::text, current_schema())`.execute(db);
      return r.rows.map((t) => ({ ...t, isView: false, columns: [] }));
    },
    getMetadata() {
      return Promise.reject(new Error('not used by the migrator'));
    },
  };
}

function migrator(db: Kysely<any>, schema?: string): Migrator {
  const introspection = scopedIntrospector(db, schema);
  // Kysely keeps its state in private fields, so methods are bound to the real instance.
  const scoped = new Proxy(db, {
    get(target, prop): unknown {
      if (prop === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return new Migrator({
    db: scoped,
    provider: { getMigrations: () => Promise.resolve(allMigrations()) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/**
 * Bring the database to the latest migration; throws with the failing migration's name.
 * @example await migrateToLatest(db)
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<MigrationResultSet> {
  const result = await migrator(db, schema).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error));
    err.message = `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${err.message}`;
    throw err;
  }
  return result;
}

/** Names of migrations known to the code but not yet applied (empty when current). */
export async function pendingMigrations(db: Kysely<any>, schema?: string): Promise<string[]> {
  const all = await migrator(db, schema).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

/**
 * Bring the database to a named migration (tests of a migration over data written before it).
 * @example await migrateTo(db, '0015_signing_keys')
 */
export async function migrateTo(db: Kysely<any>, name: string, schema?: string): Promise<MigrationResultSet> {
  const result = await migrator(db, schema).migrateTo(name);
  if (result.error) throw result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error));
  return result;
}
