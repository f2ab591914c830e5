/**
 * Child-process entry for one benchmark server, so the server and the load generator run on
 * separate event loops. Prints one line `READY <url>` on stdout once listening, and stops
 * cleanly on SIGTERM.
 *
 * Usage: node --import tsx bench/servers/serve.ts <bare|concord|comments> [args…]
 * A server may add facts for the harness as JSON after the URL: `READY <url> {"document":"/en/…"}`.
 */
import { startBare } from './bare.js';
import { startConcord } from './concord.js';
import { startComments } from './comments.js';
import type { ServerName } from '../targets.js';

const SERVERS: readonly ServerName[] = ['bare', 'concord', 'comments'];
const [kind, ...args] = process.argv.slice(2);

function start(name: ServerName): Promise<{ url: string; stop: () => Promise<void>; info?: Record<string, unknown> }> {
  switch (name) {
    case 'bare':
      return startBare(args);
    case 'concord':
      return startConcord();
    case 'comments':
      return startComments();
  }
}

if (!SERVERS.includes(kind as ServerName)) throw new Error(`unknown server ${kind ?? '(none)'}; expected one of ${SERVERS.join(', ')}`);
const server = await start(kind as ServerName);
process.stdout.write(`READY ${server.url}${server.info ? ` ${JSON.stringify(server.info)}` : ''}\n`);

let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  server.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
