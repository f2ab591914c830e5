/**
 * Write the served OpenAPI document without a server or a configured database, and lint it.
 *   tsx scripts/openapi.ts [out.json]          writes the document (default: stdout)
 *   tsx scripts/openapi.ts --lint              writes it to a temporary file and runs
 *                                              `redocly lint` on it (REDOCLY_BIN, else the
 *                                              `redocly` that npm puts on PATH)
 * The app is built on an in-memory PGlite, so the document is exactly what /api/openapi.json
 * serves, routes and schemas included.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildApp } from '../src/app/app.js';
import '../src/app/modules.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/client.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

const config = loadConfig({ NODE_ENV: 'test', CONCORD_DATA_DIR: 'memory://', CONCORD_DEMO: '0', BASE_URL: 'http://localhost:3000' });
const database = await openDatabase(config);
let text: string;
try {
  await migrateToLatest(database.db, config.databaseSchema);
  const app = await buildApp({ config, db: database.db, engine: database.engine, schema: config.databaseSchema }, { logger: false });
  const res = await app.inject({ url: '/api/openapi.json' });
  text = `${JSON.stringify(res.json(), null, 2)}\n`;
  await app.close();
} finally {
  await database.close();
}

const arg = process.argv[2];
if (arg === '--lint') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-openapi-'));
  const file = path.join(dir, 'openapi.json');
  fs.writeFileSync(file, text);
  const r = spawnSync(process.env.REDOCLY_BIN ?? 'redocly', ['lint', '--format', 'stylish', file], { stdio: 'inherit' });
  fs.rmSync(dir, { recursive: true, force: true });
  if (r.error) console.error(`Could not run Redocly (${r.error.message}): install the devDependencies, or set REDOCLY_BIN.`);
  process.exitCode = r.status ?? 1;
} else if (arg) fs.writeFileSync(arg, text);
else process.stdout.write(text);
