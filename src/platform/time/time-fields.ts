import { z } from 'zod';
import type { T } from '../i18n/i18n.js';
import { HttpProblem } from '../http/problem.js';
import { isIsoDate, isStamp, readWallClock, resolveWallClock } from './wall-clock.js';

/**
 * The Zod fields every module's schemas use for dates and times, so that each one refuses
 * what is not on the calendar (30 February, 29 February of a common year, 24:00, month 13)
 * instead of letting Date roll it into another day. `key` is the module's i18n message.
 */

/** A day, 'YYYY-MM-DD'. */
export const dateField = (key: string) => z.iso.date({ error: key }).refine(isIsoDate, key);

/** An instant with its offset, as the API takes deadlines and windows ('2027-04-18T09:00:00-04:00'). */
export const instantField = (key: string) => z.iso.datetime({ offset: true, error: key }).refine((s) => isStamp(s), key);

/**
 * A wall-clock time in the zone of the thing ('2027-04-18T09:00', what a datetime-local
 * field sends), or an instant with its offset. Which instant a wall-clock time names (and
 * whether it names one: see wallProblem) is settled with the zone, by the service.
 */
export const wallOrInstantField = (key: string) =>
  z
    .string({ error: key })
    .trim()
    .refine((s) => isStamp(s) || readWallClock(s) !== undefined, key);

/** The parameters of the message for a time the clocks skip. */
function gapParams(local: string, suggestion: string, zone: string) {
  const [date, time] = local.trim().split('T');
  return { date, time: time?.slice(0, 5), suggestion: suggestion.replace('T', ' '), zone };
}

/**
 * The refusal for a wall-clock time that does not exist in its zone (the hour skipped when
 * clocks spring forward), naming the time that does; undefined when the time exists.
 * @example wallProblem('startsAt', '2027-03-14T02:30', 'America/Toronto') // 422 'errors.time.gap' … suggestion '2027-03-14 03:30'
 */
export function wallProblem(field: string, local: string, zone: string): HttpProblem | undefined {
  const r = resolveWallClock(local, zone);
  if (r.kind !== 'gap') return undefined;
  return new HttpProblem(422, 'errors.time.gap', gapParams(local, r.suggestion, zone), { [field]: 'errors.time.gap' });
}

/**
 * A form's wall-clock fields that name no time in the zone, as translated field errors
 * (empty when all exist). Forms check this before turning the fields into instants.
 */
export function wallGapErrors(values: Record<string, string | undefined>, fields: readonly string[], zone: string, t: T): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const p = values[field] ? wallProblem(field, values[field], zone) : undefined;
    if (p) errors[field] = t(p.key, p.params);
  }
  return errors;
}
