import { randomBytes } from 'node:crypto';
import { Command, CommanderError, Option } from 'commander';
import { loadConfig } from '../../platform/config.js';
import { withDatabase } from './with-db.js';
import { HttpProblem } from '../../platform/http/problem.js';

/*
 * Every module is imported where a command uses it, not here: a command loads what it needs,
 * so a read command beside a running server starts in well under a second rather than loading
 * every module, the server and PGlite (3–7 s).
 */

/** The command groups kept in files of their own, each loaded only when named (or for --help). */
const GROUPS: Record<string, () => Promise<(cli: Command, out: (s: string) => void) => void>> = {
  process: async () => (await import('./processes.js')).registerProcessCommands,
  meetings: async () => (await import('./meetings.js')).registerMeetingsCommand,
  comments: async () => (await import('./comments.js')).registerCommentsCommand,
  search: async () => (await import('./search.js')).registerSearchCommand,
  keys: async () => (await import('./keys.js')).registerKeysCommand,
  role: async () => (await import('./roles.js')).registerRoleCommands,
};

/** Stop a server or a worker cleanly on SIGINT or SIGTERM, then exit. */
function stopOnSignal(running: { stop(): Promise<void> }, out: (s: string) => void): void {
  const shutdown = (signal: string) => {
    out(`${signal} received, stopping…`);
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

/** Build the `concord` command; exported so tests can run it without a child process. */
export async function program(out: (s: string) => void = (s) => process.stdout.write(`${s}\n`), argv: string[] = process.argv): Promise<Command> {
  // exitOverride: commander throws instead of calling process.exit on a usage error or --help,
  // so `main` sets the exit code and returns — the same for the binary, and for tests that
  // run the CLI in their own process (where process.exit would end the test worker).
  const cli = new Command('concord').description('Concord: multistakeholder policy processes for IoT security').showHelpAfterError().exitOverride();

  cli
    .command('serve')
    .description('migrate, load the demo into an empty database, and serve')
    .option('--no-jobs', 'leave the background jobs to `concord worker` processes (PostgreSQL only; also CONCORD_JOBS=0)')
    .action(async (opts: { jobs: boolean }) => {
      const { startServer } = await import('../main.js');
      const config = loadConfig();
      const running = await startServer({ ...config, runJobs: config.runJobs && opts.jobs }, out);
      stopOnSignal(running, out);
    });

  cli
    .command('worker')
    .description('work the background jobs (counters, reminders, digests, housekeeping) without serving HTTP; PostgreSQL only')
    .action(async () => {
      const { startWorker } = await import('../worker-process.js');
      stopOnSignal(await startWorker(loadConfig(), out), out);
    });

  cli
    .command('migrate')
    .description('bring the database schema up to date')
    .action(() =>
      withDatabase(
        async ({ db }, config) => {
          const [{ migrateToLatest }] = await Promise.all([import('../../platform/db/migrate.js'), import('../modules.js')]);
          const r = await migrateToLatest(db, config.databaseSchema);
          const applied = r.results?.filter((x) => x.status === 'Success').map((x) => x.migrationName) ?? [];
          out(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        },
        { migrate: false },
      ),
    );

  cli
    .command('seed')
    .description('load data')
    .requiredOption('--demo', 'load the demo process (idempotent)')
    .action(() =>
      withDatabase(async ({ db }, config) => {
        const { seedDemo } = await import('../demo/demo.seed.js');
        const { created, process } = await seedDemo(db, { baseUrl: config.baseUrl, schema: config.databaseSchema });
        if (!created.length && !process) out('Demo data was already loaded.');
        else out(`Demo data loaded (${created.length} sign-in accounts${process ? ', the model process' : ''}).`);
      }),
    );

  const user = cli.command('user').description('manage accounts');
  user
    .command('create')
    .description('create a confirmed account')
    .requiredOption('--email <email>', 'email address')
    .requiredOption('--name <name>', 'full name')
    .option('--password <password>', 'password (a strong one is generated and printed when omitted)')
    .addOption(new Option('--lang <lang>', 'preferred language').choices(['en', 'fr']).default('en'))
    .option('--admin', 'make the account a site administrator', false)
    .action((o: { email: string; name: string; password?: string; lang: 'en' | 'fr'; admin: boolean }) =>
      withDatabase(async ({ db }) => {
        const { createUser, EmailSchema } = await import('../../modules/accounts/index.js');
        if (!EmailSchema.safeParse(o.email).success) throw new Error(`${o.email} is not an email address`);
        const password = o.password ?? randomBytes(18).toString('base64url');
        const u = await createUser(db, { email: o.email, name: o.name, password, admin: o.admin, lang: o.lang });
        out(`Created ${u.email}${o.admin ? ' (administrator)' : ''}, id ${u.id}`);
        if (!o.password) out(`Password: ${password}`);
      }),
    );

  cli
    .command('outbox')
    .description('print the emails Concord has written, newest first')
    .option('--to <email>', 'only messages to this address')
    .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 10)
    .option('--json', 'one JSON object per line')
    .action((o: { to?: string; limit: number; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const { mailRepository } = await import('../../modules/mail/index.js');
        const rows = await mailRepository.list(db, { limit: o.limit, to: o.to });
        if (rows.length === 0) out('The outbox is empty.');
        for (const m of rows) {
          if (o.json) {
            out(JSON.stringify({ id: m.id, to: m.to_address, subject: m.subject, body: m.body_text, createdAt: m.created_at, sentAt: m.sent_at }));
            continue;
          }
          out(`── ${m.created_at.toISOString()}  ${m.sent_at ? 'sent' : 'not sent'}  ${m.id}`);
          out(`To: ${m.to_address}\nSubject: ${m.subject}\n\n${m.body_text}\n`);
        }
      }),
    );

  const audit = cli.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description("recompute every audit chain (or one process's) and name the first broken link")
    .option('--process <slug>', "only that process's chain")
    .option('--head <jws>', 'a signed head (compact JWS) to hold its chain to, instead of the last one recorded')
    .action((o: { process?: string; head?: string }) =>
      withDatabase(async ({ db }) => {
        const { verifyAllCommand, verifyProcessCommand } = await import('../../modules/audit/index.js');
        if (o.process) return verifyProcessCommand(db, o.process, out, { head: o.head });
        await verifyAllCommand(db, out, { head: o.head });
      }),
    );

  const dbCmd = cli.command('db').description('backups');
  dbCmd
    .command('backup <file>')
    .description('write a backup (PGlite data folder, or pg_dump on PostgreSQL)')
    .action(async (file: string) => out(await (await import('./backup.js')).backup(loadConfig(), file)));
  dbCmd
    .command('restore <file>')
    .description('restore a backup made by `db backup` (stop the server first)')
    .action(async (file: string) => out(await (await import('./backup.js')).restore(loadConfig(), file)));

  // Only the group named on the command line; all of them for help or a word that names none.
  const named = argv.slice(2).find((a) => !a.startsWith('-'));
  const inline = cli.commands.some((c) => c.name() === named);
  for (const [name, load] of Object.entries(GROUPS)) if (named === name || (!inline && !(named !== undefined && named in GROUPS))) (await load())(cli, out);

  return cli;
}

/** Run the CLI; refusals print as a sentence and set exit code 1 rather than a stack trace. */
export async function main(argv: string[], out?: (s: string) => void): Promise<void> {
  try {
    await (await program(out, argv)).parseAsync(argv);
  } catch (err) {
    // A usage error or --help: commander has already printed what it had to say.
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    if (err instanceof HttpProblem) {
      const { tFor } = await import('../../platform/i18n/i18n.js');
      const t = tFor('en');
      const fields = Object.values(err.fields).map((k) => t(k));
      (out ?? console.error)(`concord: ${[t(err.key, err.params), ...fields].join(' ')}`);
    } else {
      (out ?? console.error)(`concord: ${(err as Error).message}`);
    }
    process.exitCode = 1;
  }
}
