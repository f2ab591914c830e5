import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../helpers/app.js';
import { seedDemo } from '../../src/app/demo/demo.seed.js';
import { frenchSpacingFaults } from '../../src/platform/i18n/french-spacing.js';

/**
 * The French demo content as it is stored (so as every page shows it): no-break spaces before
 * : ; ? ! and inside « » (platform/i18n/french-spacing.ts). Read from the database rather than
 * from the seeders' texts, so a text a seeder forgets to pass through frenchTypography fails
 * here: every column ending in _fr, every text column of a row whose lang is 'fr', and every
 * translation column (`translation`, `*_translation`) of a row whose lang is 'en' — a text kept
 * in "the other language". Consensus answers have no lang of their own: theirs is their outcome's.
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
      const isTranslation = (c: string) => c === 'translation' || c.endsWith('_translation');
      const french = columns.filter((c) => c.endsWith('_fr'));
      const hasLang = columns.includes('lang');
      const byLang = hasLang ? columns.filter((c) => c !== 'lang' && !isTranslation(c)) : [];
      const translations = hasLang ? columns.filter(isTranslation) : [];
      const read = async (col: string, lang: 'fr' | 'en' | null) => {
        const where = lang ? sql`where ${sql.ref('lang')} = ${lang}` : sql``;
        const { rows } = await sql<{ v: string | null }>`select ${sql.ref(col)} as v from ${sql.table(table)} ${where}`.execute(t.db);
        for (const { v } of rows) {
          if (!v) continue;
          checked++;
          for (const f of frenchSpacingFaults(v)) faults.push(`${table}.${col}: ${f}`);
        }
      };
      for (const col of french) await read(col, null);
      for (const col of byLang) await read(col, 'fr');
      for (const col of translations) await read(col, 'en');
    }
    // An answer to an objection is in its outcome's language, its translation in the other.
    const { rows: answers } = await sql<{ v: string; at: string }>`
      select case when o.lang = 'fr' then a.answer else a.translation end as v,
             case when o.lang = 'fr' then 'answer' else 'translation' end as at
      from consensus_objection_answers a join consensus_outcomes o on o.id = a.outcome_id`.execute(t.db);
    for (const { v, at } of answers) {
      if (!v) continue;
      checked++;
      for (const f of frenchSpacingFaults(v)) faults.push(`consensus_objection_answers.${at}: ${f}`);
    }
    expect(answers.some((a) => a.v)).toBe(true);
    expect(checked).toBeGreaterThan(100);
    expect([...new Set(faults.map((f) => f.split(":")[0]))]).toEqual([]);
    expect(faults.slice(0, 40)).toEqual([]);
  });
});
