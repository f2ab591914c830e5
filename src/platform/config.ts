import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** Environment variables Concord reads, validated in one place so a typo fails at start, not at first use. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  BASE_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  /** PostgreSQL schema to hold Concord's tables (default: public). Lets installs share a database. */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier')
    .optional(),
  CONCORD_DATA_DIR: z.string().default('./data'),
  /** Where the prepared demo image is kept between installs (see src/app/demo/demo-image.ts). */
  CONCORD_CACHE_DIR: z.string().optional(),
  /** The largest comment file the web page or the bulk API takes, in MiB (the CLI takes any size). */
  CONCORD_IMPORT_MAX_MB: z.coerce.number().int().min(1).max(1024 * 1024).default(1024),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Concord <no-reply@concord.invalid>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty`: readable lines (the default in development); `json`: one JSON object a line (the default in production, and in tests, which read them). */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** How long signed-out visitors may be served a public page rendered for another (0 turns it off). */
  PAGE_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** Searches one client address may run a minute, per app server (page and API counted apart). */
  SEARCH_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Load the demo process when the database is empty (`npm start` does; set 0 for a blank install). */
  CONCORD_DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  /**
   * Work the background jobs in this server (default). `0` leaves them to `concord worker`
   * processes (PostgreSQL only), as `concord serve --no-jobs` does.
   */
  CONCORD_JOBS: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For): unset believes
   * none; a number is how many hops; otherwise addresses or ranges, comma-separated.
   */
  TRUST_PROXY: z.string().optional(),
  /** Secret used to sign cookies; generated per data folder when absent (see secrets.ts). */
  COOKIE_SECRET: z.string().min(32).optional(),
  /**
   * Secret that encrypts the signing keys' private halves at rest (AES-256-GCM). When unset, a
   * key file is generated once in the data folder (see src/platform/signing/key-secret.ts).
   */
  CONCORD_KEY_SECRET: z.string().min(32, 'at least 32 characters (for example `openssl rand -base64 32`)').optional(),
});

/** The parsed configuration every part of Concord receives. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  secureCookies: boolean;
  databaseUrl: string | undefined;
  /** PGlite data folder, or `memory://` for tests. */
  dataDir: string;
  /** Machine-wide cache (the prepared demo image): CONCORD_CACHE_DIR, else $XDG_CACHE_HOME/concord or ~/.cache/concord. */
  cacheDir: string;
  /** The largest comment file the web page or the bulk API takes, in bytes (CONCORD_IMPORT_MAX_MB). */
  importMaxBytes: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  /** How log lines are written: readable, or JSON for a log collector. */
  logFormat: 'pretty' | 'json';
  sessionDays: number;
  /** Milliseconds a public page is kept for signed-out visitors; 0 keeps none. */
  pageCacheMs: number;
  /** Searches a client address may run a minute on one app server. */
  searchPerMinute: number;
  loadDemo: boolean;
  /** Whether `concord serve` works the background jobs too (CONCORD_JOBS; `serve --no-jobs` turns it off). */
  runJobs: boolean;
  cookieSecret: string | undefined;
  /** CONCORD_KEY_SECRET: encrypts private signing keys; undefined means the data folder's key file. */
  keySecret?: string | undefined;
  /** Fastify's trustProxy: false, a hop-count function, or addresses/ranges. */
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  /** PostgreSQL schema to use (tests isolate each file in its own). */
  databaseSchema?: string | undefined;
  /**
   * In-memory PGlite only: start from this data folder dump (`dumpDataDir`) instead of an
   * empty cluster. Tests start each file from a prepared, migrated image: initdb is most of
   * the cost of a fresh PGlite. Never set from the environment.
   */
  pgliteImage?: Blob | undefined;
}

/** TRUST_PROXY as Fastify takes it: nothing trusted, the first N hops, or addresses. */
function trustProxyOf(v: string | undefined): Config['trustProxy'] {
  if (!v) return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  return v;
}

/**
 * Parse the environment into a Config, throwing a readable error listing every bad variable.
 * @example loadConfig({ PORT: '3001' }).port // 3001
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    secureCookies: baseUrl.startsWith('https:'),
    databaseUrl: e.DATABASE_URL || undefined,
    databaseSchema: e.DATABASE_SCHEMA || undefined,
    dataDir: e.CONCORD_DATA_DIR.startsWith('memory://')
      ? e.CONCORD_DATA_DIR
      : path.resolve(e.CONCORD_DATA_DIR),
    cacheDir: path.resolve(e.CONCORD_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'concord')),
    importMaxBytes: e.CONCORD_IMPORT_MAX_MB * 1024 * 1024,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === 'development' ? 'pretty' : 'json'),
    sessionDays: e.SESSION_DAYS,
    pageCacheMs: e.PAGE_CACHE_MS,
    searchPerMinute: e.SEARCH_PER_MINUTE,
    loadDemo: e.CONCORD_DEMO,
    runJobs: e.CONCORD_JOBS,
    cookieSecret: e.COOKIE_SECRET,
    keySecret: e.CONCORD_KEY_SECRET || undefined,
    trustProxy: trustProxyOf(e.TRUST_PROXY),
  };
}
