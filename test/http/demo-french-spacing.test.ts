import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../helpers/app.js';
import { seedDemo } from '../../src/app/demo/demo.seed.js';
import { frenchSpacingFaults } from '../../src/platform/i18n/french-spacing.js';

/**
 * The French demo content as it is stored (so as every page shows it): no-break spaces before
 * : ; ? ! and inside « » (platform/i18n/french-spacing.ts). Read from the database rather than
 * from the seeders' texts, so a text a seeder forgets to pass through frenchTypography fails
 * here: every column ending in _fr, and every text column of a row whose lang is 'fr'.
 */
let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.db, { schema: t.config.databaseSchema });
}, 240_000);
afterAll(async () => t.close());

// The search index copies the texts above (and their tsvectors); mail is written from messages
// and these texts, and an iCalendar file's lines are not prose.
const SKIP = /^(search_|mail_|outbox_|pgboss|kysely_)/;

describe('the French demo content', () => {
  it('has no-break spaces before : ; ? ! and inside « »', async () => {
    const schema = t.config.databaseSchema ?? 'public';
    const { rows: cols } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = ${schema} and data_type in ('text', 'character varying')`.execute(t.db);
    const tables = new Map<string, string[]>();
    for (const c of cols) if (!SKIP.test(c.table_name)) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c.column_name]);
    const faults: string[] = [];
    let checked = 0;
    for (const [table, columns] of tables) {
      const french = columns.filter((c) => c.endsWith('_fr'));
      const byLang = columns.includes('lang') ? columns.filter((c) => c !== 'lang') : [];
      const read = async (col: string, onlyFrench: boolean) => {
        const where = onlyFrench ? sql`where ${sql.ref('lang')} = 'fr'` : sql``;
        const { rows } = await sql<{ v: string | null }>`select ${sql.ref(col)} as v from ${sql.table(table)} ${where}`.execute(t.db);
        for (const { v } of rows) {
          if (!v) continue;
          checked++;
          for (const f of frenchSpacingFaults(v)) faults.push(`${table}.${col}: ${f}`);
        }
      };
      for (const col of french) await read(col, false);
      for (const col of byLang) await read(col, true);
    }
    expect(checked).toBeGreaterThan(100);
    expect([...new Set(faults.map((f) => f.split(":")[0]))]).toEqual([]);
    expect(faults.slice(0, 40)).toEqual([]);
  });
});
