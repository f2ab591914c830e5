import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { EmbeddedEngine } from './engine-thread.js';
import { endsTurn, readyStatus, type EngineGate } from './engine-gate.js';

/**
 * The running server's embedded database, reachable by the CLI as a PostgreSQL server on a
 * Unix socket in the data folder: EmbeddedEngine allows one process per folder, so without it every
 * CLI command was refused while the server ran.
 *
 * The socket is `<dataDir>/run/.s.PGSQL.5432` (the name libpq and node-postgres look for when
 * the host is a folder), in a folder only the owner may enter: no password is asked, so the
 * file permissions are the access control, as for PostgreSQL's own socket with `peer`.
 *
 * Why not `@electric-sql/pglite-socket`: its queue takes turns between its own sockets only,
 * while the server's own connection (pglite-connection.ts) also talks to the engine; and it
 * pins one PGlite patch version as a peer. Both sides here take turns through one EngineGate.
 */

/** The folder holding the socket; node-postgres's `host` when it connects. */
export function socketDir(dataDir: string): string {
  return path.join(dataDir, 'run');
}

const SOCKET_NAME = '.s.PGSQL.5432';
const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

/** The messages a server sends after a startup packet, without asking for a password. */
function startupAnswer(): Buffer {
  const msg = (type: string, body: Buffer) => {
    const head = Buffer.alloc(5);
    head.write(type, 0, 'latin1');
    head.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([head, body]);
  };
  const param = (k: string, v: string) => msg('S', Buffer.from(`${k}\0${v}\0`));
  const int32s = (...ns: number[]) => {
    const b = Buffer.alloc(ns.length * 4);
    ns.forEach((n, i) => b.writeInt32BE(n, i * 4));
    return b;
  };
  return Buffer.concat([
    msg('R', int32s(0)), // AuthenticationOk
    param('server_version', '18.0'),
    param('client_encoding', 'UTF8'),
    param('standard_conforming_strings', 'on'),
    param('integer_datetimes', 'on'),
    param('DateStyle', 'ISO, MDY'),
    msg('K', int32s(0, 0)), // BackendKeyData (cancelling is not supported)
    msg('Z', Buffer.from('I')),
  ]);
}

/** One CLI connection: frames its messages and sends them to the engine in its turns. */
class SocketSession {
  #buffer = Buffer.alloc(0);
  #started = false;
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: net.Socket,
    readonly lite: EmbeddedEngine,
    readonly gate: EngineGate,
  ) {
    socket.on('data', (data) => this.#receive(data));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => void this.#closed());
  }

  #receive(data: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, data]);
    for (;;) {
      if (!this.#started) {
        // Startup packets have no type byte: length, then a code.
        if (this.#buffer.length < 8) return;
        const length = this.#buffer.readInt32BE(0);
        if (this.#buffer.length < length) return;
        const code = this.#buffer.readInt32BE(4);
        this.#buffer = this.#buffer.subarray(length);
        if (code === SSL_REQUEST) this.socket.write('N');
        else if (code === PROTOCOL_3) {
          this.#started = true;
          this.socket.write(startupAnswer());
        } else {
          // A cancel request, or a protocol we do not speak.
          if (code !== CANCEL_REQUEST) this.socket.write(Buffer.from('EFATAL: unsupported protocol\0\0'));
          this.socket.end();
          return;
        }
        continue;
      }
      if (this.#buffer.length < 5) return;
      const length = 1 + this.#buffer.readInt32BE(1);
      if (this.#buffer.length < length) return;
      const message = Buffer.from(this.#buffer.subarray(0, length));
      this.#buffer = this.#buffer.subarray(length);
      if (message[0] === 0x58) {
        // Terminate.
        this.socket.end();
        return;
      }
      this.#queue = this.#queue.then(() => this.#run(message)).catch(() => void this.socket.destroy());
    }
  }

  async #run(message: Uint8Array): Promise<void> {
    await this.gate.enter(this);
    if (this.socket.destroyed) return;
    let tail: Uint8Array = new Uint8Array(0);
    await this.lite.execProtocolRawStream(message, {
      onRawData: (bytes) => {
        tail = Buffer.concat([tail, bytes.subarray(-6)]).subarray(-6);
        // write() copies: the engine reuses this memory.
        this.socket.write(Buffer.from(bytes));
      },
    });
    if (endsTurn(message) && readyStatus(tail) === 'I') this.gate.leave(this);
  }

  /** A CLI that went away inside a transaction must not leave the engine in it. */
  async #closed(): Promise<void> {
    await this.#queue.catch(() => {});
    if (this.gate.holds(this)) {
      try {
        await this.lite.exec('rollback');
      } finally {
        this.gate.leave(this);
      }
    } else {
      this.gate.drop(this);
    }
  }
}

/**
 * Listen on the data folder's socket; returns how to stop. A socket file left by a server
 * that died is replaced (the data-folder lock, taken before, says no other server runs).
 */
export async function serveSocket(lite: EmbeddedEngine, gate: EngineGate, dataDir: string): Promise<() => Promise<void>> {
  const dir = socketDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing folder's mode alone.
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, SOCKET_NAME);
  fs.rmSync(file, { force: true });
  const sessions = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sessions.add(socket);
    socket.on('close', () => sessions.delete(socket));
    new SocketSession(socket, lite, gate);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => resolve());
  });
  fs.chmodSync(file, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sessions) s.destroy();
      server.close(() => {
        fs.rmSync(file, { force: true });
        resolve();
      });
    });
}

/** Whether a server's socket is there to connect to. */
export function socketPresent(dataDir: string): boolean {
  try {
    return fs.statSync(path.join(socketDir(dataDir), SOCKET_NAME)).isSocket();
  } catch {
    return false;
  }
}
