import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { can } from '../../../platform/auth/policies.js';
import type { MeetingRow } from '../meetings.repository.js';
import { feedPath, meetingPath } from '../links.js';
import { isLive } from '../time.js';
import { formatSpan } from '../../../platform/time/zoned.js';

/** Meetings as a list: title, time in the meeting's zone, format, and any status worth a word. */
export function MeetingItems({ ctx, meetings }: { ctx: PageCtx; meetings: MeetingRow[] }) {
  const { t, lang } = ctx;
  return (
    <ul class="meeting-list">
      {meetings.map((m) => (
        <li key={m.id}>
          <a href={localPath(lang, meetingPath(m.process_slug, m.id))}>{pick(lang, m, 'title')}</a>
          {m.status === 'cancelled' && <strong> — {t('meetings.cancelledBadge')}</strong>}
          {isLive(m) && <strong> — {t('meetings.liveNow')}</strong>}
          {m.visibility === 'members' && ` (${t('meetings.visibilities.members')})`}
          <br />
          <span class="meta">
            {formatSpan(lang, m.starts_at, m.ends_at, m.timezone)} · {t(`meetings.formats.${m.format}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The calendar links (the .ics feed) and, for those allowed, the link to schedule a meeting. */
function FeedAndSchedule(props: { ctx: PageCtx; processSlug: string; groupSlug?: string | undefined; scope: { processId: string; groupId?: string } }) {
  const { ctx, processSlug, groupSlug } = props;
  const { t, lang } = ctx;
  const newPath = groupSlug ? `/processes/${processSlug}/groups/${groupSlug}/meetings/new` : `/processes/${processSlug}/meetings/new`;
  return (
    <ul class="inline-list">
      <li>
        <a href={feedPath(processSlug, lang, groupSlug)} type="text/calendar">
          {t(groupSlug ? 'meetings.groupFeed' : 'meetings.processFeed')}
        </a>
      </li>
      {can(ctx.actor, 'meeting.schedule', props.scope) && (
        <li>
          <a href={localPath(lang, newPath)}>{t('meetings.schedule')}</a>
        </li>
      )}
    </ul>
  );
}

/** The meetings section of a working group's page: upcoming and recent meetings, the feed, scheduling. */
export function GroupMeetingsSection(props: { ctx: PageCtx; processSlug: string; groupSlug: string; scope: { processId: string; groupId: string }; upcoming: MeetingRow[]; past: MeetingRow[] }) {
  const { ctx } = props;
  const { t, lang } = ctx;
  return (
    <div class="meetings-section">
      <h3>{t('meetings.upcoming')}</h3>
      {props.upcoming.length ? <MeetingItems ctx={ctx} meetings={props.upcoming} /> : <p>{t('meetings.noUpcoming')}</p>}
      <h3>{t('meetings.past')}</h3>
      {props.past.length ? <MeetingItems ctx={ctx} meetings={props.past} /> : <p>{t('meetings.noPast')}</p>}
      <p>
        <a href={localPath(lang, `/processes/${props.processSlug}/meetings?group=${props.groupSlug}`)}>{t('meetings.allOfGroup')}</a>
      </p>
      <FeedAndSchedule ctx={ctx} processSlug={props.processSlug} groupSlug={props.groupSlug} scope={props.scope} />
    </div>
  );
}

/** The meetings section of a process's page: the next few meetings, all meetings, the feed. */
export function ProcessMeetingsSection(props: { ctx: PageCtx; processSlug: string; processId: string; upcoming: MeetingRow[] }) {
  const { ctx } = props;
  const { t, lang } = ctx;
  return (
    <div class="meetings-section">
      {props.upcoming.length ? <MeetingItems ctx={ctx} meetings={props.upcoming} /> : <p>{t('meetings.noUpcoming')}</p>}
      <p>
        <a href={localPath(lang, `/processes/${props.processSlug}/meetings`)}>{t('meetings.allMeetings')}</a>
      </p>
      <FeedAndSchedule ctx={ctx} processSlug={props.processSlug} scope={{ processId: props.processId }} />
    </div>
  );
}

/** All meetings of a process (or of one group): upcoming and past, each paged by a keyset cursor. */
export function MeetingListView(props: {
  ctx: PageCtx;
  processSlug: string;
  processId: string;
  processTitle: string;
  group: { slug: string; id: string; name: string } | undefined;
  upcoming: MeetingRow[];
  past: MeetingRow[];
  laterHref: string | undefined;
  earlierHref: string | undefined;
}) {
  const { ctx, group } = props;
  const { t, lang } = ctx;
  const title = group ? t('meetings.listTitleGroup', { name: group.name }) : t('meetings.listTitle', { title: props.processTitle });
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb
        ctx={ctx}
        trail={[
          { href: localPath(lang, `/processes/${props.processSlug}`), label: props.processTitle },
          group && { href: localPath(lang, `/processes/${props.processSlug}/groups/${group.slug}`), label: group.name },
        ]}
        current={title}
      />
      <h1>{title}</h1>
      <p class="hint">{t('meetings.timeZoneNote')}</p>
      <FeedAndSchedule ctx={ctx} processSlug={props.processSlug} groupSlug={group?.slug} scope={group ? { processId: props.processId, groupId: group.id } : { processId: props.processId }} />
      <h2>{t('meetings.upcoming')}</h2>
      {props.upcoming.length ? <MeetingItems ctx={ctx} meetings={props.upcoming} /> : <p>{t('meetings.noUpcoming')}</p>}
      {props.laterHref && (
        <p>
          <a href={props.laterHref}>{t('meetings.later')}</a>
        </p>
      )}
      <h2>{t('meetings.past')}</h2>
      {props.past.length ? <MeetingItems ctx={ctx} meetings={props.past} /> : <p>{t('meetings.noPast')}</p>}
      {props.earlierHref && (
        <p>
          <a href={props.earlierHref}>{t('meetings.earlier')}</a>
        </p>
      )}
    </Layout>
  );
}
