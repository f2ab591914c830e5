import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../helpers/app.js';
import { enqueue, jobsSchemaFor, QUEUES } from '../../src/platform/jobs/queue.js';

/**
 * The service status page for people: in both languages, what works and what does not, in
 * words; a job left waiting (a stopped worker) turns it to a warning that says what it means.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const cells = (html: string) => [...html.matchAll(/<th scope="row">([^<]*)<\/th>\s*<td><strong>([^<]*)<\/strong>/g)].map((m) => [m[1], m[2]]);

describe('the status page', () => {
  it('says all is well, part by part, in English and French, and is linked from every page', async () => {
    const en = await t.app.inject({ url: '/en/status' });
    expect(en.statusCode).toBe(200);
    expect(en.headers['cache-control']).toBe('no-store');
    expect(en.body).toContain('Concord is working normally.');
    expect(cells(en.body)).toEqual([
      ['Database', 'Working'],
      ['Database structure', 'Working'],
      ['Background work (emails, reminders, imports)', 'Working'],
      ['This server', 'Working'],
    ]);
    expect(en.body).toContain('Nothing waiting.');

    const fr = await t.app.inject({ url: '/fr/status' });
    expect(fr.body).toContain('Concord fonctionne normalement.');
    expect(cells(fr.body)[0]).toEqual(['Base de données', 'Fonctionne']);

    const home = await t.app.inject({ url: '/fr/' });
    expect(home.body).toContain('<a href="/fr/status">');
  });

  it('warns when background work has waited too long, and says what that delays', async () => {
    const schema = jobsSchemaFor(t.config.databaseSchema);
    const id = await enqueue(t.db, schema, QUEUES.meetingReminder, { meetingId: "none" });
    await sql`update ${sql.id(schema, 'job')} set created_on = now() - interval '2 hours' where id = ${id}`.execute(t.db);
    const res = await t.app.inject({ url: '/en/status' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Concord is working normally.');
    expect(res.body).toContain('Something is wrong');
    expect(cells(res.body)[2]).toEqual(['Background work (emails, reminders, imports)', 'Not working']);
    expect(res.body).toMatch(/Behind: a task has waited since .+? Emails and reminders are delayed/);
  });
});
