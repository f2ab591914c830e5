/** How long remains until an instant, in whole units, for "closes in 3 days, 4 hours". */
export interface TimeLeft {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/**
 * What is left between now and an instant, broken into days, hours, minutes and seconds
 * (null when it is already past). The page shows the two largest units that are not zero.
 */
export function timeLeft(until: Date, now: Date): TimeLeft | null {
  let s = Math.floor((until.getTime() - now.getTime()) / 1000);
  if (s <= 0) return null;
  const days = Math.floor(s / 86_400);
  s -= days * 86_400;
  const hours = Math.floor(s / 3600);
  s -= hours * 3600;
  const minutes = Math.floor(s / 60);
  return { days, hours, minutes, seconds: s - minutes * 60 };
}

/**
 * The words for a TimeLeft: the two largest non-zero units, each through the translator so
 * plurals follow the language ("3 days, 4 hours"; « 3 jours, 4 heures »).
 * @example timeLeftWords(t, { days: 3, hours: 4, minutes: 5, seconds: 0 }) // '3 days, 4 hours'
 */
export function timeLeftWords(t: (key: string, o: { count: number }) => string, left: TimeLeft): string {
  const units: [keyof TimeLeft, number][] = [
    ['days', left.days],
    ['hours', left.hours],
    ['minutes', left.minutes],
    ['seconds', left.seconds],
  ];
  const first = units.findIndex(([, n]) => n > 0);
  const shown = units.slice(first, first + 2).filter(([, n]) => n > 0);
  return shown.map(([unit, n]) => t(`time.units.${unit}`, { count: n })).join(', ');
}
