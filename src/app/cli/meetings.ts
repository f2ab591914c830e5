import { type Command, Option } from 'commander';
import { withDatabase } from './with-db.js';

interface ListOptions {
  process: string;
  format: 'table' | 'json' | 'ics';
  lang: 'en' | 'fr';
  membersOnly: boolean;
}

/**
 * Add `concord meetings list --process <slug> [--format ics|json|table]` to the CLI: a
 * convener's script reads a process's meetings as the feed does (public ones, unless asked).
 * @example registerMeetingsCommand(cli, out)
 */
export function registerMeetingsCommand(cli: Command, out: (s: string) => void): void {
  const meetings = cli.command('meetings').description('meetings of a process');
  meetings
    .command('list')
    .description('list a process’s meetings, oldest first')
    .requiredOption('--process <slug>', 'the process')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'ics']).default('table'))
    .addOption(new Option('--lang <lang>', 'language of titles and links').choices(['en', 'fr']).default('en'))
    .option('--members-only', 'include members-only meetings (never in ics feeds served to the public)', false)
    .action((o: ListOptions) =>
      withDatabase(async ({ db }, config) => {
        const [{ processScope }, { allMeetings, countsOf, meetingsCalendar, presentMeetingSummary }, { wallTime }] = await Promise.all([
          import('../../modules/processes/index.js'),
          import('../../modules/meetings/index.js'),
          import('../../platform/time/zoned.js'),
        ]);
        const { processId } = await processScope(db, o.process);
        const rows = await allMeetings(db, processId, o.membersOnly);
        if (o.format === 'ics') {
          out(meetingsCalendar(rows, o.lang, config.baseUrl, o.process).replace(/\r\n$/, ''));
          return;
        }
        if (o.format === 'json') {
          for (const m of rows) out(JSON.stringify(presentMeetingSummary(m, config.baseUrl)));
          return;
        }
        if (rows.length === 0) out('No meetings.');
        for (const m of rows) {
          const { registered, waitlisted } = await countsOf(db, m.id);
          const title = o.lang === 'fr' ? m.title_fr : m.title_en;
          const place = m.capacity === null ? `${registered}` : `${registered}/${m.capacity}`;
          out([`${wallTime(m.starts_at, m.timezone)} ${m.timezone}`, m.status, m.visibility, m.group_slug ?? '-', `${place}${waitlisted ? `+${waitlisted}` : ''}`, title].join('\t'));
        }
      }),
    );
}
