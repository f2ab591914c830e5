import { z } from 'zod';

/** True when the runtime knows the IANA time zone name. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * An IANA time zone name, America/Toronto when absent; the message is an i18n key.
 * @example TimeZoneSchema.parse(undefined) // 'America/Toronto'
 */
export const TimeZoneSchema = z
  .string({ error: 'errors.timezone.invalid' })
  .trim()
  .default('America/Toronto')
  .refine(isTimeZone, 'errors.timezone.invalid')
  .meta({ example: 'America/Toronto' });
