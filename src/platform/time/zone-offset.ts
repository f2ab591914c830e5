/**
 * A zone's offset and wall-clock fields at an instant, from Intl: what zoned.ts (instants for
 * people) and wall-clock.ts (wall-clock input read in a zone) both stand on.
 */

// Building an Intl.DateTimeFormat costs far more than formatting with one: keep one per zone.
const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    partsFormatters.set(zone, f);
  }
  return f;
}

export type Fields = [year: number, month: number, day: number, hour: number, minute: number, second: number];

/** The wall-clock fields of an instant in a zone. */
export function wallFields(zone: string, t: number): Fields {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return [p.year ?? 0, p.month ?? 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0];
}

/** Milliseconds the zone is ahead of UTC at an instant. */
export function offsetMs(zone: string, t: number): number {
  const whole = Math.floor(t / 1000) * 1000;
  const [y, mo, d, h, mi, s] = wallFields(zone, whole);
  return Date.UTC(y, mo - 1, d, h, mi, s) - whole;
}
