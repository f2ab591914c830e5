import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import ICAL from 'ical.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerMeetingsCommand } from '../../src/cli/meetings.js';
import { withDatabase } from '../../src/cli/with-db.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';
import { createProcess } from '../../src/modules/processes/processes.service.js';
import { scheduleMeeting } from '../../src/modules/meetings/meetings.service.js';
import { jobsSchemaFor } from '../../src/jobs/queue.js';
import type { Actor } from '../../src/auth/roles.js';

/**
 * `concord meetings list`, run in-process against a real database: PGlite in a temporary data
 * folder, or a private schema on PostgreSQL when DATABASE_URL is set (as test/cli does).
 */
const saved = { ...process.env };
let dir: string;
let schema: string | undefined;

async function concord(...args: string[]): Promise<string> {
  const lines: string[] = [];
  const cli = new Command('concord').exitOverride();
  registerMeetingsCommand(cli, (s) => lines.push(s));
  await cli.parseAsync(['node', 'concord', ...args]);
  return lines.join('\n');
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-meetings-cli-'));
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
    const actor: Actor = { userId: user.id, name: 'Convener', email: user.email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map() };
    const p = await createProcess(db, actor, { slug: 'iot', titleEn: 'IoT', titleFr: 'IdO', summaryEn: '', summaryFr: '', descriptionEn: '', descriptionFr: '', registration: 'open', timezone: 'America/Toronto', phases: [] });
    const deps = { db, baseUrl: config.baseUrl, jobsSchema: jobsSchemaFor(config.databaseSchema) };
    const base = { titleFr: 'Réunion', descriptionEn: '', descriptionFr: '', format: 'in_person', venue: 'Ottawa', address: '', joinUrl: null, streamUrl: null, timeZone: 'America/Toronto', languages: 'both', capacity: 10 } as const;
    await scheduleMeeting(deps, actor, { processId: p.id }, { ...base, titleEn: 'Final meeting', startsAt: '2019-04-18T09:00', endsAt: '2019-04-18T16:00', visibility: 'public' });
    await scheduleMeeting(deps, actor, { processId: p.id }, { ...base, titleEn: 'Closed prep', startsAt: '2019-04-17T09:00', endsAt: '2019-04-17T10:00', visibility: 'members' });
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

describe('concord meetings list', () => {
  it('prints a table, JSON lines or an iCalendar feed of public meetings', async () => {
    const table = await concord('meetings', 'list', '--process', 'iot');
    expect(table).toBe('2019-04-18T09:00 America/Toronto\tscheduled\tpublic\t-\t0/10\tFinal meeting');
    expect(await concord('meetings', 'list', '--process', 'iot', '--members-only')).toContain('Closed prep');

    const json = (await concord('meetings', 'list', '--process', 'iot', '--format', 'json')).split('\n').map((l) => JSON.parse(l));
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ title: { en: 'Final meeting' }, startsAt: '2019-04-18T13:00:00.000Z', local: { start: '2019-04-18T09:00' } });

    const ics = await concord('meetings', 'list', '--process', 'iot', '--format', 'ics', '--lang', 'fr');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('summary'))).toEqual(['Réunion']);
    expect(events[0]!.getFirstPropertyValue('uid')).toBe(`meeting-${json[0].id}@concord`);
  });

  it('names a process that does not exist', async () => {
    await expect(concord('meetings', 'list', '--process', 'nope')).rejects.toThrow('errors.notFound');
  });
});
