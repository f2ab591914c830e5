import type { Command } from 'commander';
import { Option } from 'commander';
import type { Actor } from '../../platform/auth/roles.js';
import { withDatabase } from './with-db.js';

/** The processes module's face, loaded by the command that runs (see index.ts). */
const processes = () => import('../../modules/processes/index.js');

/**
 * `concord process create|list`: what a convener scripts. The process is created as the
 * account named by --convener, who becomes its convener.
 */
export function registerProcessCommands(cli: Command, out: (s: string) => void): void {
  const process = cli.command('process').description('processes');

  process
    .command('list')
    .description('list processes')
    .option('--json', 'one JSON object per line')
    .action((o: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const { listProcesses } = await processes();
        const all = await listProcesses(db);
        if (all.length === 0) out('No processes yet.');
        for (const p of all) out(o.json ? JSON.stringify({ slug: p.slug, titleEn: p.title_en, titleFr: p.title_fr }) : `${p.slug}\t${p.title_en} / ${p.title_fr}`);
      }),
    );

  process
    .command('create')
    .description('create a process, or copy one as a template with --from')
    .requiredOption('--slug <slug>', 'short name for its address')
    .requiredOption('--title-en <title>', 'title in English')
    .requiredOption('--title-fr <title>', 'title in French')
    .requiredOption('--convener <email>', 'the account that becomes its convener')
    .option('--summary-en <text>', 'summary in English', '')
    .option('--summary-fr <text>', 'summary in French', '')
    .option('--from <slug>', 'copy this process as a template (phases, stakeholder groups, working groups)')
    .option('--starts-on <date>', 'with --from: the new first phase starts on this date (YYYY-MM-DD)')
    .addOption(new Option('--registration <who>', 'who may join').choices(['open', 'invitation']).default('open'))
    .option('--timezone <zone>', 'IANA time zone', 'America/Toronto')
    .action(
      (o: { slug: string; titleEn: string; titleFr: string; convener: string; summaryEn: string; summaryFr: string; from?: string; startsOn?: string; registration: 'open' | 'invitation'; timezone: string }) =>
        withDatabase(async ({ db }) => {
          const [{ createProcess, getProcess, copyProcess, CopyProcessBody, CreateProcessBody }, { accountsRepository }, { fieldErrors }, { tFor }] = await Promise.all([
            processes(),
            import('../../modules/accounts/index.js'),
            import('../../platform/http/validation.js'),
            import('../../platform/i18n/i18n.js'),
          ]);
          const user = await accountsRepository.findByEmail(db, o.convener);
          if (!user) throw new Error(`No account uses ${o.convener}; create it first with \`concord user create\``);
          const actor: Actor = { userId: user.id, name: user.name, email: user.email, lang: user.preferred_lang, emailConfirmed: true, isAdmin: false, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
          const t = tFor('en');
          const fail = (issues: Parameters<typeof fieldErrors>[0]) => {
            throw new Error(Object.entries(fieldErrors(issues, t)).map(([f, m]) => `${f}: ${m}`).join('; '));
          };
          let slug: string;
          if (o.from) {
            const body = CopyProcessBody.safeParse({ slug: o.slug, titleEn: o.titleEn, titleFr: o.titleFr, startsOn: o.startsOn });
            if (!body.success) return fail(body.error.issues);
            slug = (await copyProcess(db, actor, o.from, body.data)).slug;
          } else {
            const body = CreateProcessBody.safeParse({ slug: o.slug, titleEn: o.titleEn, titleFr: o.titleFr, summaryEn: o.summaryEn, summaryFr: o.summaryFr, registration: o.registration, timezone: o.timezone });
            if (!body.success) return fail(body.error.issues);
            slug = (await createProcess(db, actor, body.data)).slug;
          }
          const d = await getProcess(db, slug);
          out(`Created ${d.process.slug} (${d.phases.length} phases, ${d.stakeholderGroups.length} stakeholder groups); convener ${user.email}`);
        }),
    );
}
