import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { FeedModel, GroupMeetingsModel, MeetingItemModel, MeetingListPageModel, ProcessMeetingsModel } from '../meetings.page-presenter.js';

/** Meetings as a list: title, time in the meeting's zone, format, and any status worth a word. */
export function MeetingItems({ ctx, meetings }: { ctx: PageCtx; meetings: MeetingItemModel[] }) {
  const { t } = ctx;
  return (
    <ul class="meeting-list">
      {meetings.map((m) => (
        <li key={m.id}>
          <a href={m.path}>{m.title}</a>
          {m.cancelled && <strong> — {t('meetings.cancelledBadge')}</strong>}
          {m.live && <strong> — {t('meetings.liveNow')}</strong>}
          {m.membersOnly && ` (${t('meetings.visibilities.members')})`}
          <br />
          <span class="meta">
            {m.when} · {t(`meetings.formats.${m.format}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The calendar links (the .ics feed) and, for those allowed, the link to schedule a meeting. */
function FeedAndSchedule({ ctx, feed }: { ctx: PageCtx; feed: FeedModel }) {
  const { t } = ctx;
  return (
    <ul class="inline-list">
      <li>
        <a href={feed.feedPath} type="text/calendar">
          {t(feed.ofGroup ? 'meetings.groupFeed' : 'meetings.processFeed')}
        </a>
      </li>
      {feed.schedulePath !== null && (
        <li>
          <a href={feed.schedulePath}>{t('meetings.schedule')}</a>
        </li>
      )}
    </ul>
  );
}

/** The meetings section of a working group's page: upcoming and recent meetings, the feed, scheduling. */
export function GroupMeetingsSection({ ctx, model }: { ctx: PageCtx; model: GroupMeetingsModel }) {
  const { t } = ctx;
  return (
    <div class="meetings-section">
      <h3>{t('meetings.upcoming')}</h3>
      {model.upcoming.length ? <MeetingItems ctx={ctx} meetings={model.upcoming} /> : <p>{t('meetings.noUpcoming')}</p>}
      <h3>{t('meetings.past')}</h3>
      {model.past.length ? <MeetingItems ctx={ctx} meetings={model.past} /> : <p>{t('meetings.noPast')}</p>}
      <p>
        <a href={model.allPath}>{t('meetings.allOfGroup')}</a>
      </p>
      <FeedAndSchedule ctx={ctx} feed={model.feed} />
    </div>
  );
}

/** The meetings section of a process's page: the next few meetings, all meetings, the feed. */
export function ProcessMeetingsSection({ ctx, model }: { ctx: PageCtx; model: ProcessMeetingsModel }) {
  const { t } = ctx;
  return (
    <div class="meetings-section">
      {model.upcoming.length ? <MeetingItems ctx={ctx} meetings={model.upcoming} /> : <p>{t('meetings.noUpcoming')}</p>}
      <p>
        <a href={model.allPath}>{t('meetings.allMeetings')}</a>
      </p>
      <FeedAndSchedule ctx={ctx} feed={model.feed} />
    </div>
  );
}

/** All meetings of a process (or of one group): upcoming and past, each paged by a keyset cursor. */
export function MeetingListView({ ctx, model }: { ctx: PageCtx; model: MeetingListPageModel }) {
  const { t } = ctx;
  const { group } = model;
  const title = group ? t('meetings.listTitleGroup', { name: group.name }) : t('meetings.listTitle', { title: model.processTitle });
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: model.processPath, label: model.processTitle }, group && { href: group.path, label: group.name }]} current={title} />
      <h1>{title}</h1>
      <p class="hint">{t('meetings.timeZoneNote')}</p>
      <FeedAndSchedule ctx={ctx} feed={model.feed} />
      <h2>{t('meetings.upcoming')}</h2>
      {model.upcoming.length ? <MeetingItems ctx={ctx} meetings={model.upcoming} /> : <p>{t('meetings.noUpcoming')}</p>}
      {model.laterHref !== null && (
        <p>
          <a href={model.laterHref}>{t('meetings.later')}</a>
        </p>
      )}
      <h2>{t('meetings.past')}</h2>
      {model.past.length ? <MeetingItems ctx={ctx} meetings={model.past} /> : <p>{t('meetings.noPast')}</p>}
      {model.earlierHref !== null && (
        <p>
          <a href={model.earlierHref}>{t('meetings.earlier')}</a>
        </p>
      )}
    </Layout>
  );
}
