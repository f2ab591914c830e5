import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, acquireDataDirLock } from './lock.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('data folder lock', () => {
  it('refuses a second holder in the same process, naming the folder and the holder', () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`${dir}.*pid ${process.pid}`));
    } finally {
      release();
    }
    // Released: it can be taken again.
    acquireDataDirLock(dir)();
  });

  it('refuses while another live process holds it, and takes over once that process is gone', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await new Promise((r) => child.once('spawn', r));
    fs.writeFileSync(path.join(dir, 'concord.lock'), JSON.stringify({ pid: child.pid, host: os.hostname(), startedAt: new Date().toISOString(), command: 'concord serve' }));
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(`pid ${child.pid}`);
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    const release = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'concord.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, 'concord.lock'))).toBe(false);
  });

  it('is taken by openDatabase, so a second opening of the same PGlite folder is refused', async () => {
    const { openDatabase } = await import('./client.js');
    const dir = tempDir();
    const first = await openDatabase({ databaseUrl: undefined, dataDir: dir });
    try {
      await expect(openDatabase({ databaseUrl: undefined, dataDir: dir })).rejects.toThrow(DataDirLockedError);
    } finally {
      await first.close();
    }
  }, 60_000);

  it('treats an unreadable lock file as stale', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'concord.lock'), '{half a');
    acquireDataDirLock(dir)();
  });
});
