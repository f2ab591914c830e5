import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { formatNumber, type Lang } from '../../../platform/i18n/i18n.js';
import type { Call } from '../calls.repository.js';
import type { CallState, SubmissionStatus } from '../calls.schema.js';
import { formatInstant } from '../../../platform/time/zoned.js';

/** A call's title in the reader's language. */
export const callTitle = (lang: Lang, c: Call) => (pick(lang, c, 'title'));

/** Where a call stands, in words with its dates (never by colour alone). */
export function StateLine({ ctx, call, state, timezone }: { ctx: PageCtx; call: Call; state: CallState; timezone: string }) {
  const { t, lang } = ctx;
  const opens = formatInstant(lang, call.opens_at, timezone);
  const closes = formatInstant(lang, call.closes_at, timezone);
  return (
    <p class="status-line">
      <span class="badge">{t(`calls.states.${state}`)}</span> {t(`calls.stateLine.${state}`, { opens, closes })}
    </p>
  );
}

/** A submission's status as a badge. */
export function StatusBadge({ ctx, status }: { ctx: PageCtx; status: SubmissionStatus }) {
  return <span class="badge">{ctx.t(`calls.statuses.${status}`)}</span>;
}

/** A file size for people: bytes, KiB or MiB, with the language's number format. */
export function formatSize(ctx: PageCtx, bytes: number): string {
  if (bytes < 1024) return ctx.t('files.size.bytes', { n: formatNumber(ctx.lang, bytes) });
  if (bytes < 1024 * 1024) return ctx.t('files.size.kib', { n: formatNumber(ctx.lang, Math.round(bytes / 102.4) / 10) });
  return ctx.t('files.size.mib', { n: formatNumber(ctx.lang, Math.round(bytes / (1024 * 102.4)) / 10) });
}

/** The language of a report, named in that language (it is the same in every page language). */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français' };
