import { z } from 'zod';
import { OUTCOMES } from '../comments/index.js';

/** A number and the address of the records behind it (without the language prefix; pages add /en or /fr). */
export const Figure = z.object({
  value: z.number().int().min(0),
  href: z.string().describe('The records behind the figure, a path without the language prefix'),
});
/** A number and where its records are. */
export type Figure = z.infer<typeof Figure>;

const GroupName = { key: z.string(), name: z.string() };
const STANCES = {
  support: z.number().int(),
  live_with: z.number().int(),
  stand_aside: z.number().int(),
  object: z.number().int(),
  noResponse: z.number().int(),
};
const PROGRESS = ['not_started', 'on_track', 'at_risk', 'late', 'done', 'dropped'] as const;

/** Who took part: members per stakeholder group against the targets, and organisations. */
export const ParticipationOut = z.object({
  members: Figure,
  organisations: Figure,
  groups: z.array(
    z.object({
      ...GroupName,
      members: Figure,
      share: z.number().min(0).max(1),
      targetShare: z.number().min(0).max(1).nullable(),
      status: z.enum(['missing', 'below', 'met', 'noTarget']),
    }),
  ),
});

/** Meetings held and to come, and who attended by stakeholder group. */
export const MeetingsOut = z.object({
  held: Figure,
  upcoming: Figure,
  attendance: Figure.describe('Attendances over the meetings held (one person at two meetings counts twice)'),
  attendanceByGroup: z.array(z.object({ ...GroupName, attendances: z.number().int() })),
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      startsAt: z.iso.datetime(),
      state: z.enum(['held', 'upcoming', 'cancelled']),
      membersOnly: z.boolean(),
      attendees: Figure,
    }),
  ),
});

/** Calls for input and the reports accepted. */
export const InputOut = z.object({
  calls: Figure,
  accepted: Figure,
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      state: z.enum(['upcoming', 'open', 'closed']),
      href: z.string(),
      accepted: Figure,
      reports: z.array(z.object({ id: z.uuid(), title: z.string(), organisation: z.string().nullable(), lang: z.enum(['en', 'fr']), href: z.string() })),
    }),
  ),
});

/** Comment periods: what came in (campaigns counted once), what was hidden, and how it was answered. */
export const CommentsOut = z.object({
  periods: z.array(
    z.object({
      id: z.uuid(),
      documents: z.array(z.string()).describe('Titles of the documents the period asked about'),
      state: z.enum(['upcoming', 'open', 'closed']),
      opensAt: z.iso.datetime(),
      closesAt: z.iso.datetime(),
      href: z.string(),
      reportHref: z.string().describe('The disposition-of-comments report'),
      comments: Figure.describe('Every comment received, duplicates included'),
      distinct: Figure.describe('Distinct texts, each campaign counted once: a group of exact duplicates counts once, and so does each campaign the last detection found (its other texts are folded under it)'),
      hidden: Figure,
      answered: Figure.describe('Comments covered by a response'),
      awaiting: z.number().int(),
      byOutcome: z.array(z.object({ outcome: z.enum(OUTCOMES), count: Figure })),
    }),
  ),
});

/** Consensus calls: the declared outcome and the results by stakeholder group. */
export const ConsensusOut = z.object({
  calls: z.array(
    z.object({
      id: z.uuid(),
      question: z.string(),
      href: z.string(),
      status: z.enum(['open', 'closed']),
      deadline: z.iso.datetime(),
      outcome: z.enum(['consensus', 'rough_consensus', 'no_consensus']).nullable(),
      options: z.array(z.object({ id: z.uuid(), label: z.string(), totals: z.object(STANCES), groups: z.array(z.object({ ...GroupName, ...STANCES })) })),
    }),
  ),
});

/** The recommendations, their consensus outcomes, and what is being done about them. */
export const RecommendationsOut = z.object({
  count: Figure,
  withOwner: Figure,
  done: Figure,
  late: Figure,
  items: z.array(
    z.object({
      number: z.string(),
      title: z.string(),
      href: z.string(),
      trackerHref: z.string(),
      consensusOutcome: z.enum(['consensus', 'rough_consensus', 'no_consensus']).nullable(),
      actions: Figure,
      byStatus: z.object(Object.fromEntries(PROGRESS.map((s) => [s, z.number().int()])) as Record<(typeof PROGRESS)[number], z.ZodNumber>),
    }),
  ),
});

/** The process report: everything Concord already holds about how the process ran, in one object. */
export const ProcessReportOut = z.object({
  process: z.object({ slug: z.string(), title: z.string(), href: z.string() }),
  lang: z.enum(['en', 'fr']),
  generatedAt: z.iso.datetime(),
  participation: ParticipationOut,
  meetings: MeetingsOut,
  input: InputOut,
  comments: CommentsOut,
  consensus: ConsensusOut,
  recommendations: RecommendationsOut,
});
/** The process report as the service builds it and every format presents it. */
export type ProcessReport = z.infer<typeof ProcessReportOut>;
