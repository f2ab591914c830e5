import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSearchCommand } from '../../src/app/cli/search.js';
import { withDatabase } from '../../src/app/cli/with-db.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';
import { createProcess, getProcess } from '../../src/modules/processes/processes.service.js';
import { scheduleMeeting } from '../../src/modules/meetings/meetings.service.js';
import { joinProcess } from '../../src/modules/participants/participants.service.js';
import { JoinBody } from '../../src/modules/participants/participants.schema.js';
import { jobsSchemaFor } from '../../src/platform/jobs/queue.js';
import type { Actor } from '../../src/platform/auth/roles.js';

/**
 * `concord search reindex`, run in-process against a real database: PGlite in a temporary
 * data folder, or a private schema on PostgreSQL when DATABASE_URL is set.
 */
const saved = { ...process.env };
let dir: string;
let schema: string | undefined;

async function concord(...args: string[]): Promise<string> {
  const lines: string[] = [];
  const cli = new Command('concord').exitOverride();
  registerSearchCommand(cli, (s) => lines.push(s));
  await cli.parseAsync(['node', 'concord', ...args]);
  return lines.join('\n');
}

const entries = () => withDatabase(({ db }) => db.selectFrom('search_entries').select(['kind', 'lang', 'title', 'members_only']).orderBy('kind').orderBy('lang').orderBy('title').execute());

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-search-cli-'));
  process.env.CONCORD_DATA_DIR = path.join(dir, 'data');
  process.env.BASE_URL = 'http://localhost:3000';
  if (process.env.DATABASE_URL) {
    schema = `cli_${randomBytes(5).toString('hex')}`;
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
    process.env.DATABASE_SCHEMA = schema;
  }
  await withDatabase(async ({ db }, config) => {
    const user = await createUser(db, { email: 'convener@example.org', name: 'Convener', password: 'x', skipStrengthCheck: true, admin: true });
    const actor: Actor = { userId: user.id, name: 'Convener', email: user.email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
    const blank = { summaryEn: '', summaryFr: '', descriptionEn: '', descriptionFr: '', registration: 'open' as const, timezone: 'America/Toronto', phases: [] };
    const p = await createProcess(db, actor, { slug: 'iot', titleEn: 'IoT', titleFr: 'IdO', ...blank });
    await createProcess(db, actor, { slug: 'empty', titleEn: 'Empty', titleFr: 'Vide', ...blank });
    const deps = { db, baseUrl: config.baseUrl, jobsSchema: jobsSchemaFor(config.databaseSchema) };
    const base = { descriptionEn: '', descriptionFr: '', format: 'in_person', venue: 'Ottawa', address: '', joinUrl: null, streamUrl: null, timeZone: 'America/Toronto', languages: 'both', capacity: 10 } as const;
    await scheduleMeeting(deps, actor, { processId: p.id }, { ...base, titleEn: 'Final meeting', titleFr: 'Réunion finale', startsAt: '2019-04-18T09:00', endsAt: '2019-04-18T16:00', visibility: 'public' });
    await scheduleMeeting(deps, actor, { processId: p.id }, { ...base, titleEn: 'Closed prep', titleFr: 'Préparation à huis clos', startsAt: '2019-04-17T09:00', endsAt: '2019-04-17T10:00', visibility: 'members' });
    const d = await getProcess(db, 'iot');
    await joinProcess(db, actor, d.process, d.stakeholderGroups, JoinBody.parse({ stakeholderGroupId: d.stakeholderGroups[0]!.id, preferredLang: 'en', newOrganisation: { name: 'Acme', sector: 'government', country: 'CA' } }));
  });
});

afterAll(async () => {
  process.env = saved;
  if (schema && saved.DATABASE_URL) {
    const c = new pg.Client({ connectionString: saved.DATABASE_URL });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.query(`drop schema if exists ${schema}_pgboss cascade`);
    await c.end();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('concord search reindex', () => {
  it('rebuilds the index of meetings and participants from the records', async () => {
    const before = await entries();
    // Written as the services ran: two meetings in two languages, and the member.
    expect(before).toHaveLength(5);
    await withDatabase(({ db }) => db.deleteFrom('search_entries').execute());
    expect(await entries()).toEqual([]);

    expect(await concord('search', 'reindex', '--process', 'iot')).toBe('iot: 2 meetings, 1 participant');
    expect(await entries()).toEqual(before);
    expect((await entries()).filter((e) => e.members_only).map((e) => e.title).sort()).toEqual(['Closed prep', 'Préparation à huis clos']);

    expect((await concord('search', 'reindex')).split('\n').sort()).toEqual(['empty: 0 meetings, 0 participants', 'iot: 2 meetings, 1 participant']);
    expect(await entries()).toHaveLength(5);
  });

  it('names a process that does not exist', async () => {
    await expect(concord('search', 'reindex', '--process', 'nope')).rejects.toThrow('errors.notFound');
  });
});
