import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../helpers/cli.js';
import { commandRuns, toolPresent } from '../helpers/tools.js';

/**
 * The `concord` command, run in-process against a real database: PGlite in a temporary
 * data folder, or a private schema on PostgreSQL when DATABASE_URL is set.
 */
const cli = new CliSandbox('cli');
const concord = (...args: string[]) => cli.run(...args);
const dir = cli.dir;

beforeAll(() => cli.setUp());
afterAll(() => cli.tearDown());

describe('concord CLI', { timeout: 180_000 }, () => {
  it('migrates, then says the database is up to date', async () => {
    expect((await concord('migrate')).out).toMatch(/Applied: 0001_foundation|up to date/);
    expect((await concord('migrate')).out).toBe('The database is up to date.');
  });

  it('creates an administrator, generating a password when none is given', async () => {
    const r = await concord('user', 'create', '--email', 'Chair@Example.org', '--name', 'Chair Person', '--admin');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Created chair@example.org \(administrator\), id [0-9a-f-]{36}\nPassword: \S{20,}$/);
  });

  it('refuses a duplicate email and a weak password with a sentence, not a stack trace', async () => {
    const dup = await concord('user', 'create', '--email', 'chair@example.org', '--name', 'Again');
    expect(dup).toEqual({ out: 'concord: An account already uses chair@example.org.', code: 1 });
    const weak = await concord('user', 'create', '--email', 'weak@example.org', '--name', 'Weak', '--password', 'password123');
    expect(weak.code).toBe(1);
    expect(weak.out).toContain('Your password must be at least 12 characters.');
  });

  it('loads the demo once, and prints the outbox', async () => {
    expect((await concord('seed', '--demo')).out).toBe('Demo data loaded (2 sign-in accounts, the model process).');
    expect((await concord('seed', '--demo')).out).toBe('Demo data was already loaded.');
    expect((await concord('outbox', '--to', 'nobody@example.org')).out).toBe('The outbox is empty.');
    // The demo's accepted input reports told their authors.
    expect((await concord('outbox', '--limit', '3')).out).toContain('is published');
  });

  it('creates a process, and a new one from it as a template', async () => {
    const r = await concord('process', 'create', '--slug', 'cli-process', '--title-en', 'From the CLI', '--title-fr', 'Depuis la ligne de commande', '--convener', 'chair@example.org');
    expect(r).toEqual({ out: 'Created cli-process (0 phases, 6 stakeholder groups); convener chair@example.org', code: 0 });
    const copy = await concord('process', 'create', '--slug', 'cli-copy', '--title-en', 'Copy', '--title-fr', 'Copie', '--convener', 'chair@example.org', '--from', 'iot-security-2018', '--starts-on', '2027-01-04');
    expect(copy.out).toBe('Created cli-copy (6 phases, 6 stakeholder groups); convener chair@example.org');
    const bad = await concord('process', 'create', '--slug', 'Bad Slug', '--title-en', 'x', '--title-fr', 'y', '--convener', 'chair@example.org');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('slug: Use 1 to 60 lower-case letters');
    expect((await concord('process', 'list')).out).toContain('cli-copy\tCopy / Copie');
  });

  it('verifies the audit chain', async () => {
    const r = await concord('audit', 'verify');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Audit chains intact: \d{3,} events in \d+ chains\n {2}installation: intact, \d+ events verified, head seq \d+ [0-9a-f]{64}\n/);
    expect(r.out).toMatch(/\n {2}process iot-security-2018: intact, \d{3,} events verified, head seq \d+ [0-9a-f]{64}/);
  });

  // Backups use pg_dump on PostgreSQL only (PGlite dumps its data folder itself).
  const hasPgDump = !process.env.DATABASE_URL || toolPresent('pg_dump', commandRuns('pg_dump'), 'Debian package postgresql-client');
  it.skipIf(!hasPgDump)('backs up and restores the database', async () => {
    const count = async () => Number(/(\d+) events/.exec((await concord('audit', 'verify')).out)![1]);
    const atBackup = await count();
    const file = path.join(dir, 'backup.dump');
    const b = await concord('db', 'backup', file);
    expect(b.code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    await concord('user', 'create', '--email', 'after-backup@example.org', '--name', 'Later', '--password', 'a passphrase made later');
    expect(await count()).toBe(atBackup + 1);
    const r = await concord('db', 'restore', file);
    expect(r.code).toBe(0);
    expect(await count()).toBe(atBackup); // the account made after the backup is gone
    const again = await concord('user', 'create', '--email', 'after-backup@example.org', '--name', 'Later', '--password', 'a passphrase made later');
    expect(again.code).toBe(0);
  });
});
