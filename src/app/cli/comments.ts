import fs from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { withDatabase } from './with-db.js';
import { jobsSchemaFor } from '../../platform/jobs/queue.js';

interface ImportCliOptions {
  period: string;
  as: string;
  format?: 'csv' | 'jsonl';
  errors?: string;
  lang: 'en' | 'fr';
}

/** A CSV field, quoted when it needs to be (RFC 4180). */
const csvField = (s: string | number) => (/[",\r\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));

/** How many refused rows are printed; the rest are in the errors file. */
const PRINTED_REFUSALS = 20;

/** The exit code when the import ran but refused some rows (1 is for a file or import refused whole). */
export const EXIT_ROWS_REFUSED = 3;

/** A positive whole number from the environment, or undefined. */
function envCount(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, not “${v}”`);
  return n;
}

/**
 * CONCORD_IMPORT_STALL_AT=CHUNK:STEP (crash tests only): stop for ever after that statement of
 * that chunk, inside its transaction, saying so on stderr, so a test can kill the process there.
 */
function stallAt(): ((step: string, chunk: number) => Promise<void>) | undefined {
  const v = process.env.CONCORD_IMPORT_STALL_AT;
  if (!v) return undefined;
  const [chunk, step] = v.split(':');
  return async (s, n) => {
    if (s !== step || n !== Number(chunk)) return;
    process.stderr.write(`stalled at chunk ${n}, after ${s}\n`);
    await new Promise(() => {});
  };
}

/**
 * `concord comments import FILE --period ID --as EMAIL [--format csv|jsonl] [--errors FILE]
 * [--lang en|fr]`: bulk-import comments collected elsewhere (a partner's form, a mailbox) into
 * a period, as a convener or moderator of its process. Refused rows are printed with their
 * line and written to the errors file (line, key, reason) when one is named.
 * @example registerCommentsCommand(cli, out)
 */
export function registerCommentsCommand(cli: Command, out: (s: string) => void): void {
  const comments = cli.command('comments').description('comments on documents');
  comments
    .command('import <file>')
    .description('import comments from a CSV or JSON Lines file into a comment period (idempotent: re-running adds nothing twice)')
    .requiredOption('--period <id>', 'the comment period’s id')
    .requiredOption('--as <email>', 'the account importing: a convener or moderator of the period’s process')
    .addOption(new Option('--format <format>', 'file format (default: from the file name)').choices(['csv', 'jsonl']))
    .option('--errors <file>', 'write refused rows to this CSV file (line, key, reason)')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['en', 'fr']).default('en'))
    .action((file: string, o: ImportCliOptions) =>
      withDatabase(async (database, config) => {
        const [{ importComments, formatOf }, { accountsRepository }, { actorForUser }, { tFor }, { HttpProblem }] = await Promise.all([
          import('../../modules/comments/index.js'),
          import('../../modules/accounts/index.js'),
          import('../../platform/auth/sessions.js'),
          import('../../platform/i18n/i18n.js'),
          import('../../platform/http/problem.js'),
        ]);
        const t = tFor(o.lang);
        const format = o.format ?? formatOf(file);
        if (!format) throw new Error(t('commentImport.errors.format'));
        try {
          fs.accessSync(file, fs.constants.R_OK);
          if (fs.statSync(file).isDirectory()) throw new Error('it is a folder');
        } catch (err) {
          throw new Error(t('commentImport.errors.fileNotFound', { file, reason: (err as Error).message }));
        }
        const user = await accountsRepository.findByEmail(database.db, o.as);
        const actor = user ? await actorForUser(database.db, user.id) : undefined;
        if (!actor) throw new Error(`No account uses ${o.as}; create it first with \`concord user create\``);

        const chunkRows = envCount('CONCORD_IMPORT_CHUNK');
        const stall = stallAt();
        const errors = o.errors ? fs.createWriteStream(o.errors) : undefined;
        errors?.write('line,key,reason\n');
        let printed = 0;
        try {
          const r = await importComments(database, actor, o.period, () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }), {
            fileName: path.basename(file),
            format,
            lang: o.lang,
            onRefused: (row) => {
              errors?.write(`${row.line},${csvField(row.key)},${csvField(row.reason)}\n`);
              if (printed++ < PRINTED_REFUSALS) out(t('commentImport.refusedLine', { line: row.line, reason: row.reason }));
            },
            // After each chunk has committed: a line rewritten in place on a terminal, one line each otherwise (logs).
            onProgress: (read, total) => process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}${t('commentImport.progress', { read, total })}${process.stderr.isTTY ? '' : '\n'}`),
            jobsSchema: jobsSchemaFor(config.databaseSchema),
            ...(chunkRows ? { chunkRows } : {}),
            ...(stall ? { onStep: stall } : {}),
          });
          if (process.stderr.isTTY) process.stderr.write('\n');
          if (printed > PRINTED_REFUSALS) out(t('commentImport.moreRefused', { n: printed - PRINTED_REFUSALS }));
          out(t('commentImport.summary', { file: path.basename(file), read: r.read, added: r.added, skipped: r.skipped, refused: r.refused, id: r.import.id }));
          if (o.errors && r.refused) out(t('commentImport.errorsWritten', { file: o.errors }));
          // Scripts can tell a clean import from one that left rows behind.
          if (r.refused) process.exitCode = EXIT_ROWS_REFUSED;
        } catch (err) {
          if (err instanceof HttpProblem) throw new Error(t(err.key, err.params));
          throw err;
        } finally {
          if (errors) await new Promise<void>((resolve) => errors.end(resolve));
        }
      }),
    );

  comments
    .command('campaigns')
    .description('detect the campaigns of a comment period now (as the campaigns.detect job does) and print them, largest first')
    .requiredOption('--period <id>', 'the comment period’s id')
    .addOption(new Option('--lang <lang>', 'language of the output').choices(['en', 'fr']).default('en'))
    .action((o: { period: string; lang: 'en' | 'fr' }) =>
      withDatabase(async (database) => {
        const [{ detectAndList }, { tFor }, { HttpProblem }] = await Promise.all([
          import('../../modules/campaigns/index.js'),
          import('../../platform/i18n/i18n.js'),
          import('../../platform/http/problem.js'),
        ]);
        const t = tFor(o.lang);
        try {
          const r = await detectAndList(database.db, o.period);
          out(t('campaigns.cli.summary', { count: r.campaigns.length, texts: r.texts }));
          for (const c of r.campaigns) out(t('campaigns.cli.line', { kind: t(`campaigns.kinds.${c.kind}`), count: c.memberCount, texts: c.textCount, excerpt: c.excerpt }));
        } catch (err) {
          if (err instanceof HttpProblem) throw new Error(t(err.key, err.params));
          throw err;
        }
      }),
    );
}
