import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Raised when another live process already holds the PGlite data folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Concord process ` +
        `(pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}). ` +
        `PGlite allows one process per folder: stop that process, or set CONCORD_DATA_DIR ` +
        `to another folder, or use DATABASE_URL for PostgreSQL to run several.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** What the lock file records about its holder. */
export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

/** Folders this process holds, so a second open in the same process is refused too. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take an exclusive lock on a PGlite data folder; PGlite itself does not lock, and two
 * processes writing one folder corrupt it. A lock left by a dead process is taken over.
 * @example const release = acquireDataDirLock('./data'); … release();
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'concord.lock');
  const key = path.resolve(dataDir);
  const mine: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      held.add(key);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(key);
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: LockInfo | undefined;
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
      } catch {
        holder = undefined; // unreadable or half-written: treat as stale
      }
      const sameHost = holder?.host === os.hostname();
      // A lock naming our own pid that we do not hold was left by an earlier run that got
      // the same pid (common in containers): it is stale.
      const ours = holder?.pid === process.pid && !held.has(key);
      if (holder && (held.has(key) || (!ours && (!sameHost || isAlive(holder.pid))))) {
        throw new DataDirLockedError(dataDir, holder);
      }
      // Stale lock from a process that died: remove it and try once more.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}`);
}

/**
 * The live process holding a data folder, if any (a lock left by a dead process on this host
 * does not count). Read without taking the lock: the CLI asks before reaching the server's socket.
 */
export function lockHolder(dataDir: string): LockInfo | undefined {
  let holder: LockInfo;
  try {
    holder = JSON.parse(fs.readFileSync(path.join(dataDir, 'concord.lock'), 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
  if (holder.host !== os.hostname()) return holder;
  // Our own pid counts only if we hold the folder (a lock left by an earlier run with our pid is stale).
  const live = holder.pid === process.pid ? held.has(path.resolve(dataDir)) : isAlive(holder.pid);
  return live ? holder : undefined;
}
