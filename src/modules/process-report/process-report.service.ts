import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { StakeholderGroup, ProcessDetail } from '../processes/index.js';
import { balance, organisationsInProcess } from '../participants/index.js';
import { allMeetings, attendanceByMeeting } from '../meetings/index.js';
import { canSee } from '../../platform/auth/policies.js';
import { acceptedSubmissions, listCalls as listInputCalls } from '../calls/index.js';
import { periodSummaries, OUTCOMES } from '../comments/index.js';
import { consensusSummary, listCalls as listConsensusCalls, type CallDetail } from '../consensus/index.js';
import { consensusResults, listRecommendations } from '../recommendations/index.js';
import { buildTracker } from '../accountability/index.js';
import type { ProcessReport } from './process-report.schema.js';
import { reportPaths as paths } from './process-report.paths.js';

type Section<K extends keyof ProcessReport> = ProcessReport[K];
/** What each section builder is given. */
interface Ctx {
  db: Kysely<DB>;
  detail: ProcessDetail;
  lang: Lang;
  actor: Actor | null;
  now: Date;
}

const fig = (value: number, href: string) => ({ value, href });
const pick = (lang: Lang, en: string, fr: string) => (lang === 'fr' ? fr : en);
const groupName = (lang: Lang, g: { nameEn: string; nameFr: string }) => pick(lang, g.nameEn, g.nameFr);

/** Members by stakeholder group against the targets (the balance the process page shows), and organisations. */
async function participation({ db, detail, lang }: Ctx): Promise<Section<'participation'>> {
  const slug = detail.process.slug;
  const [bal, orgs] = await Promise.all([balance(db, detail.process.id, detail.stakeholderGroups), organisationsInProcess(db, detail.process.id)]);
  return {
    members: fig(bal.total, paths.participants(slug)),
    organisations: fig(orgs.length, paths.organisations(slug)),
    groups: bal.rows.map((r) => ({
      key: r.key,
      name: groupName(lang, r),
      members: fig(r.count, paths.participants(slug, r.key)),
      share: r.share,
      targetShare: r.targetShare,
      status: r.status,
    })),
  };
}

/** Meetings as this viewer may see them (members-only ones only for the process's people), and attendance of those held. */
async function meetings({ db, detail, lang, actor, now }: Ctx): Promise<Section<'meetings'>> {
  const { process, stakeholderGroups: groups } = detail;
  const rows = await allMeetings(db, process.id, canSee(actor, { processId: process.id, membersOnly: true }));
  const byGroup = new Map(groups.map((g) => [g.key, 0]));
  let held = 0;
  let upcoming = 0;
  let attendance = 0;
  const items: Section<'meetings'>['items'] = [];
  const stateOf = (m: (typeof rows)[number]) => (m.status === 'cancelled' ? 'cancelled' : m.starts_at.getTime() <= now.getTime() ? 'held' : 'upcoming');
  const attended = await attendanceByMeeting(
    db,
    process.id,
    rows.filter((m) => stateOf(m) === 'held').map((m) => m.id),
    groups,
  );
  for (const m of rows) {
    const state = stateOf(m);
    let attendees = 0;
    if (state === 'held') {
      held++;
      const s = attended.get(m.id)!;
      attendees = s.total;
      attendance += s.total;
      for (const [key, n] of s.byGroup) byGroup.set(key, (byGroup.get(key) ?? 0) + n);
    } else if (state === 'upcoming') upcoming++;
    items.push({
      id: m.id,
      title: pick(lang, m.title_en, m.title_fr),
      startsAt: m.starts_at.toISOString(),
      state,
      membersOnly: m.visibility !== 'public',
      attendees: fig(attendees, paths.meeting(process.slug, m.id)),
    });
  }
  const list = paths.meetings(process.slug);
  return {
    held: fig(held, list),
    upcoming: fig(upcoming, list),
    attendance: fig(attendance, list),
    attendanceByGroup: groups.map((g: StakeholderGroup) => ({ key: g.key, name: pick(lang, g.name_en, g.name_fr), attendances: byGroup.get(g.key) ?? 0 })),
    items,
  };
}

/** Calls for input, oldest first, with the reports accepted (the public ones). */
async function input({ db, detail, lang, now }: Ctx): Promise<Section<'input'>> {
  const slug = detail.process.slug;
  const calls = (await listInputCalls(db, detail.process.id, now)).reverse();
  const items: Section<'input'>['items'] = [];
  for (const { call, state, acceptedCount } of calls) {
    const reports = await acceptedSubmissions(db, call.id);
    items.push({
      id: call.id,
      title: pick(lang, call.title_en, call.title_fr),
      state,
      href: paths.call(slug, call.id),
      accepted: fig(acceptedCount, paths.call(slug, call.id)),
      reports: reports.map((s) => ({
        id: s.id,
        title: s.title,
        organisation: s.organisation_label,
        lang: s.lang,
        href: paths.submission(slug, call.id, s.id),
      })),
    });
  }
  return {
    calls: fig(items.length, paths.process(slug)),
    accepted: fig(
      items.reduce((n, c) => n + c.accepted.value, 0),
      paths.process(slug),
    ),
    items,
  };
}

/** Comment periods from their kept counters: received, distinct texts, hidden, answered and by outcome. */
async function comments({ db, detail, actor, now }: Ctx): Promise<Section<'comments'>> {
  const slug = detail.process.slug;
  const periods = (await periodSummaries(db, detail.process.id, actor, now)).reverse();
  return {
    periods: periods.map((s) => {
      const href = paths.period(slug, s.period.id);
      const reportHref = paths.periodReport(slug, s.period.id);
      return {
        id: s.period.id,
        documents: s.documents.map((d) => d.version.title),
        state: s.state,
        opensAt: s.period.opens_at.toISOString(),
        closesAt: s.period.closes_at.toISOString(),
        href,
        reportHref,
        comments: fig(s.comments, href),
        distinct: fig(s.distinct, href),
        hidden: fig(s.hidden, href),
        answered: fig(s.answered, reportHref),
        awaiting: Math.max(0, s.comments - s.answered),
        byOutcome: OUTCOMES.map((outcome) => ({ outcome, count: fig(s.byOutcome[outcome], reportHref) })),
      };
    }),
  };
}

/** Every consensus call of the process (through the feature's pages of calls), oldest first, with outcome and results by group. */
async function consensus({ db, detail, lang }: Ctx): Promise<Section<'consensus'>> {
  const slug = detail.process.slug;
  const all: CallDetail[] = [];
  let after: string | undefined;
  do {
    const page = await listConsensusCalls(db, detail.process.id, after, 100);
    all.push(...page.items);
    after = page.next ?? undefined;
  } while (after);
  const calls: Section<'consensus'>['calls'] = [];
  for (const { call } of all.reverse()) {
    const s = await consensusSummary(db, call.id);
    calls.push({
      id: call.id,
      question: pick(lang, call.question_en, call.question_fr),
      href: paths.consensusCall(slug, call.id),
      status: call.status,
      deadline: call.deadline.toISOString(),
      outcome: s.outcome?.outcome ?? null,
      options: s.options.map((o) => {
        const r = s.results.find((x) => x.optionId === o.id);
        return {
          id: o.id,
          label: pick(lang, o.label_en, o.label_fr),
          totals: r?.totals ?? { support: 0, live_with: 0, stand_aside: 0, object: 0, noResponse: 0 },
          groups: (r?.groups ?? []).map((g) => ({
            key: g.key,
            name: groupName(lang, g),
            support: g.support,
            live_with: g.live_with,
            stand_aside: g.stand_aside,
            object: g.object,
            noResponse: g.noResponse,
          })),
        };
      }),
    });
  }
  return { calls };
}

/** The recommendations in order, the outcome of their consensus calls, and the tracker's figures. */
async function recommendations({ db, detail, lang, now }: Ctx): Promise<Section<'recommendations'>> {
  const { process, stakeholderGroups } = detail;
  const slug = process.slug;
  const [recs, tracker] = await Promise.all([listRecommendations(db, process.id), buildTracker(db, process, stakeholderGroups, { now })]);
  const results = await consensusResults(db, recs);
  const sections = new Map(tracker.sections.map((s) => [s.recommendation.id, s]));
  return {
    count: fig(recs.length, paths.recommendations(slug)),
    withOwner: fig(tracker.overall.withOwner, paths.tracker(slug)),
    done: fig(tracker.overall.done, paths.tracker(slug)),
    late: fig(tracker.overall.late, paths.tracker(slug)),
    items: recs.map(({ row }) => {
      const actions = sections.get(row.id)?.actions ?? [];
      const byStatus = { not_started: 0, on_track: 0, at_risk: 0, late: 0, done: 0, dropped: 0 };
      for (const a of actions) byStatus[a.late && a.status !== 'late' ? 'late' : a.status]++;
      return {
        number: row.number,
        title: pick(lang, row.title_en, row.title_fr),
        href: paths.recommendation(slug, row.number),
        trackerHref: paths.tracker(slug, row.number),
        consensusOutcome: row.consensus_call_id ? (results.get(row.consensus_call_id)?.outcome ?? null) : null,
        actions: fig(actions.length, paths.tracker(slug, row.number)),
        byStatus,
      };
    }),
  };
}

/**
 * The process report, assembled from what the other features already hold (through their
 * services, never their tables): participation, meetings, input, comments, consensus and
 * recommendations, each figure with the address of its records. Members-only meetings and
 * documents appear only to those who may see them, so `actor` is the reader.
 * @example const report = await buildProcessReport(db, await getProcess(db, 'iot'), 'fr', { actor: null })
 */
export async function buildProcessReport(
  db: Kysely<DB>,
  detail: ProcessDetail,
  lang: Lang,
  opts: { actor?: Actor | null; now?: Date } = {},
): Promise<ProcessReport> {
  const ctx: Ctx = { db, detail, lang, actor: opts.actor ?? null, now: opts.now ?? new Date() };
  // One after the other: PGlite has one connection, and the sections are small.
  const p = await participation(ctx);
  const m = await meetings(ctx);
  const i = await input(ctx);
  const c = await comments(ctx);
  const k = await consensus(ctx);
  const r = await recommendations(ctx);
  const { process } = detail;
  return {
    process: { slug: process.slug, title: pick(lang, process.title_en, process.title_fr), href: paths.process(process.slug) },
    lang,
    generatedAt: ctx.now.toISOString(),
    participation: p,
    meetings: m,
    input: i,
    comments: c,
    consensus: k,
    recommendations: r,
  };
}
