import { randomBytes } from 'node:crypto';
import { Command, Option } from 'commander';
import { loadConfig } from '../../platform/config.js';
import { startServer } from '../main.js';
import { migrateToLatest } from '../../platform/db/migrate.js';
import { withDatabase } from './with-db.js';
import { backup, restore } from './backup.js';
import { seedDemo } from '../demo/demo.seed.js';
import { createUser, EmailSchema } from '../../modules/accounts/index.js';
import { mailRepository } from '../../modules/mail/index.js';
import { verifyAllCommand, verifyProcessCommand } from '../../modules/audit/index.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { tFor } from '../../platform/i18n/i18n.js';
import { registerProcessCommands } from './processes.js';
import { registerMeetingsCommand } from './meetings.js';
import { registerSearchCommand } from './search.js';
import { registerKeysCommand } from './keys.js';
import { registerRoleCommands } from './roles.js';

/** Build the `concord` command; exported so tests can run it without a child process. */
export function program(out: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): Command {
  const cli = new Command('concord').description('Concord: multistakeholder policy processes for IoT security').showHelpAfterError();

  cli
    .command('serve')
    .description('migrate, load the demo into an empty database, and serve')
    .action(async () => {
      const running = await startServer(loadConfig(), out);
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
    });

  cli
    .command('migrate')
    .description('bring the database schema up to date')
    .action(() =>
      withDatabase(
        async ({ db }, config) => {
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
        if (o.process) return verifyProcessCommand(db, o.process, out, { head: o.head });
        await verifyAllCommand(db, out, { head: o.head });
      }),
    );

  registerProcessCommands(cli, out);
  registerMeetingsCommand(cli, out);
  registerSearchCommand(cli, out);
  registerKeysCommand(cli, out);
  registerRoleCommands(cli, out);

  const dbCmd = cli.command('db').description('backups');
  dbCmd
    .command('backup <file>')
    .description('write a backup (PGlite data folder, or pg_dump on PostgreSQL)')
    .action(async (file: string) => out(await backup(loadConfig(), file)));
  dbCmd
    .command('restore <file>')
    .description('restore a backup made by `db backup` (stop the server first)')
    .action(async (file: string) => out(await restore(loadConfig(), file)));

  return cli;
}

/** Run the CLI; refusals print as a sentence and set exit code 1 rather than a stack trace. */
export async function main(argv: string[], out?: (s: string) => void): Promise<void> {
  try {
    await program(out).parseAsync(argv);
  } catch (err) {
    if (err instanceof HttpProblem) {
      const t = tFor('en');
      const fields = Object.values(err.fields).map((k) => t(k));
      (out ?? console.error)(`concord: ${[t(err.key, err.params), ...fields].join(' ')}`);
    } else {
      (out ?? console.error)(`concord: ${(err as Error).message}`);
    }
    process.exitCode = 1;
  }
}
