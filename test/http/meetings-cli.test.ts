import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../src/app/cli/with-db.js';
import { CliSandbox } from '../helpers/cli.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';
import { createProcess } from '../../src/modules/processes/processes.service.js';
import { scheduleMeeting } from '../../src/modules/meetings/meetings.service.js';
import { jobsSchemaFor } from '../../src/platform/jobs/queue.js';
import type { Actor } from '../../src/platform/auth/roles.js';

/**
 * `concord meetings list`, run in-process against a real database: PGlite in a temporary data
 * folder, or a private schema on PostgreSQL when DATABASE_URL is set (as test/cli does).
 */
const cli = new CliSandbox('meetings-cli');
const concord = async (...args: string[]): Promise<string> => (await cli.run(...args)).out;

beforeAll(async () => {
  await cli.setUp();
  await withDatabase(async ({ db }, config) => {
    const user = await createUser(db, { email: 'convener@example.org', name: 'Convener', password: 'x', skipStrengthCheck: true, admin: true });
    const actor: Actor = { userId: user.id, name: 'Convener', email: user.email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
    const p = await createProcess(db, actor, { slug: 'iot', titleEn: 'IoT', titleFr: 'IdO', summaryEn: '', summaryFr: '', descriptionEn: '', descriptionFr: '', registration: 'open', timezone: 'America/Toronto', phases: [] });
    const deps = { db, baseUrl: config.baseUrl, jobsSchema: jobsSchemaFor(config.databaseSchema) };
    const base = { titleFr: 'Réunion', descriptionEn: '', descriptionFr: '', format: 'in_person', venue: 'Ottawa', address: '', joinUrl: null, streamUrl: null, timeZone: 'America/Toronto', languages: 'both', capacity: 10 } as const;
    await scheduleMeeting(deps, actor, { processId: p.id }, { ...base, titleEn: 'Final meeting', startsAt: '2019-04-18T09:00', endsAt: '2019-04-18T16:00', visibility: 'public' });
    await scheduleMeeting(deps, actor, { processId: p.id }, { ...base, titleEn: 'Closed prep', startsAt: '2019-04-17T09:00', endsAt: '2019-04-17T10:00', visibility: 'members' });
  });
});

afterAll(() => cli.tearDown());

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

  it('links the iCalendar feed to the configured base URL', async () => {
    process.env.BASE_URL = 'https://concord.example.org/';
    try {
      const ics = await concord('meetings', 'list', '--process', 'iot', '--format', 'ics');
      const [event] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
      expect(event!.getFirstPropertyValue('url')).toMatch(/^https:\/\/concord\.example\.org\/en\/processes\/iot\/meetings\/[0-9a-f-]{36}$/);
      expect(ics).not.toContain('localhost');
    } finally {
      process.env.BASE_URL = 'http://localhost:3000';
    }
  });

  it('names a process that does not exist', async () => {
    const r = await cli.run('meetings', 'list', '--process', 'nope');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^concord: We could not find/);
  });
});
