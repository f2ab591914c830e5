import type { CommentChannel } from './comments.tables.js';
import { COMMENT_CHANNELS } from './comments.schema.js';

/**
 * Signals of a flood (issue 11): same-second bursts, the share of each channel, repeated and
 * disposable email domains, and senders behind several display names. They inform
 * moderators; they never hide a comment by themselves. Nothing here names a person: senders
 * are counted by a keyed hash of their email, never shown.
 */

/** A second of arrival holding at least this many comments is a burst. */
export const BURST_MIN = 10;
/** How many bursts, domains and senders are listed (the largest). */
export const SIGNALS_TOP = 5;

/**
 * Well-known disposable ("throwaway") email domains: a short built-in list, not a complete
 * one (such services come and go). A subdomain of one counts as it.
 */
export const DISPOSABLE_DOMAINS: readonly string[] = [
  '10minutemail.com',
  'dispostable.com',
  'fakeinbox.com',
  'getnada.com',
  'guerrillamail.com',
  'guerrillamail.net',
  'mailinator.com',
  'maildrop.cc',
  'mailnesia.com',
  'mintemail.com',
  'sharklasers.com',
  'temp-mail.org',
  'throwawaymail.com',
  'trashmail.com',
  'yopmail.com',
];

/**
 * Whether a domain is a well-known disposable one (or a subdomain of one).
 * @example isDisposable('eu.mailinator.com') // true
 */
export function isDisposable(domain: string): boolean {
  const d = domain.toLowerCase();
  return DISPOSABLE_DOMAINS.some((x) => d === x || d.endsWith(`.${x}`));
}

/** What the repository counts over a set of comments (see signals.repository.ts). */
export interface SignalCounts {
  /** Seconds of arrival holding at least BURST_MIN comments (any order, any number). */
  seconds: { second: Date; count: number }[];
  channels: { channel: CommentChannel; count: number }[];
  /** The most repeated email domains, with how many comments and how many distinct senders. */
  domains: { domain: string; count: number; senders: number }[];
  /** Comments whose sender's email is known, and of those how many came from disposable domains. */
  withSender: number;
  disposable: number;
  /** Senders (by keyed hash) behind more than one display name: the largest few, and how many in all. */
  senders: { names: number; comments: number }[];
  sendersWithManyNames: number;
}

/** The signals as moderators see them. */
export interface Signals {
  total: number;
  bursts: { second: Date; count: number; share: number }[];
  /** Every channel, in a fixed order, with its count and share of the total. */
  channels: { channel: CommentChannel; count: number; share: number }[];
  domains: { domain: string; count: number; senders: number; share: number; disposable: boolean }[];
  withSender: number;
  disposable: { count: number; share: number };
  senders: { withManyNames: number; largest: { names: number; comments: number }[] };
}

const shareOf = (n: number, total: number) => (total > 0 ? n / total : 0);

/**
 * The signals of a set of comments from their counts: the largest bursts (at least `burstMin`
 * in one second, the largest first, ties by time), every channel's share, the most repeated
 * domains (those sent by more than one comment, flagged when disposable), the disposable
 * share, and the senders behind more than one name, the most names first.
 * @example summariseSignals(counts).channels // [{ channel: 'web', count: 3, share: 0.75 }, …]
 */
export function summariseSignals(c: SignalCounts, opts: { burstMin?: number; top?: number } = {}): Signals {
  const burstMin = opts.burstMin ?? BURST_MIN;
  const top = opts.top ?? SIGNALS_TOP;
  const total = c.channels.reduce((n, x) => n + x.count, 0);
  const bursts = c.seconds
    .filter((s) => s.count >= burstMin)
    .sort((a, b) => b.count - a.count || a.second.getTime() - b.second.getTime())
    .slice(0, top)
    .map((s) => ({ ...s, share: shareOf(s.count, total) }));
  const channels = COMMENT_CHANNELS.map((channel) => {
    const count = c.channels.filter((x) => x.channel === channel).reduce((n, x) => n + x.count, 0);
    return { channel, count, share: shareOf(count, total) };
  });
  const domains = c.domains
    .filter((d) => d.count > 1)
    .sort((a, b) => b.count - a.count || a.domain.localeCompare(b.domain))
    .slice(0, top)
    .map((d) => ({ ...d, share: shareOf(d.count, c.withSender), disposable: isDisposable(d.domain) }));
  const largest = c.senders
    .filter((s) => s.names > 1)
    .sort((a, b) => b.names - a.names || b.comments - a.comments)
    .slice(0, top);
  return {
    total,
    bursts,
    channels,
    domains,
    withSender: c.withSender,
    disposable: { count: c.disposable, share: shareOf(c.disposable, c.withSender) },
    senders: { withManyNames: c.sendersWithManyNames, largest },
  };
}

/**
 * Signals read back from JSON (as a campaign stores them): the bursts' seconds become dates
 * again; anything else is taken as written.
 * @example signalsFromJson(JSON.parse(JSON.stringify(s))).bursts[0]?.second instanceof Date // true
 */
export function signalsFromJson(json: unknown): Signals {
  const s = json as Omit<Signals, 'bursts'> & { bursts: { second: string; count: number; share: number }[] };
  return { ...s, bursts: s.bursts.map((b) => ({ ...b, second: new Date(b.second) })) };
}

