import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { vi } from 'vitest';
import { main } from '../../src/app/cli/index.js';

/**
 * Run the `concord` command in-process against a database of its own: PGlite in a temporary
 * data folder, or a private schema on PostgreSQL when DATABASE_URL is set. `setUp` before the
 * tests, `tearDown` after (it restores the environment and drops the schema).
 */
export class CliSandbox {
  readonly dir: string;
  private schema: string | undefined;
  private readonly saved = { ...process.env };

  constructor(name: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `concord-${name}-`));
  }

  async setUp(): Promise<void> {
    process.env.CONCORD_DATA_DIR = path.join(this.dir, 'data');
    process.env.BASE_URL = 'http://localhost:3000';
    process.env.LOG_LEVEL = 'silent';
    if (process.env.DATABASE_URL) {
      this.schema = `cli_${randomBytes(5).toString('hex')}`;
      await this.sql(`create schema ${this.schema}`);
      process.env.DATABASE_SCHEMA = this.schema;
    }
  }

  async tearDown(): Promise<void> {
    if (this.schema) await this.sql(`drop schema ${this.schema} cascade; drop schema if exists ${this.schema}_pgboss cascade`);
    process.env = this.saved;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** `concord …args`: what it printed, and its exit code. */
  async run(...args: string[]): Promise<{ out: string; code: number }> {
    const lines: string[] = [];
    process.exitCode = 0;
    // The CLI must end by setting the exit code, never by process.exit: run in-process it would
    // end the test worker with whatever else it was running (commander exits on a usage error
    // unless told otherwise).
    let exited: number | undefined;
    const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
      exited = Number(code ?? 0);
      throw new Error(`process.exit(${exited})`);
    });
    try {
      await main(['node', 'concord', ...args], (s) => lines.push(s));
    } finally {
      exit.mockRestore();
    }
    if (exited !== undefined) throw new Error(`concord ${args.join(' ')} called process.exit(${exited})`);
    const code = Number(process.exitCode ?? 0);
    process.exitCode = 0;
    return { out: lines.join('\n'), code };
  }

  private async sql(text: string): Promise<void> {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL ?? this.saved.DATABASE_URL });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  }
}
