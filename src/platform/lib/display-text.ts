import { z } from 'zod';

/**
 * Characters that change how a name or title reads without showing themselves: bidirectional
 * controls (U+202A–202E embeddings and overrides, U+2066–2069 isolates, U+200E/200F marks,
 * U+061C Arabic letter mark) and invisible characters (zero-width space, joiners, word joiner
 * and invisible operators, byte-order mark, soft hyphen, combining grapheme joiner, Mongolian
 * vowel separator, Hangul fillers). In a name they let someone pass for another ("Admin" with a
 * zero-width space, or a name reversed by a right-to-left override); in a title they hide text.
 */
// U+034F (a combining mark) stands outside the class, where it cannot attach to a neighbour.
export const HIDDEN_CHARACTERS = /\u034F|[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0]/g;

/**
 * A name or title as it should be stored: Unicode NFC (so "é" typed two ways is one name),
 * without hidden characters, with runs of whitespace as one space — except French's no-break
 * space before : ; ? ! » and after « (« Séance plénière : rédaction »), which stays one
 * no-break space (U+00A0, as i18n/french-spacing.ts writes it) so the sign never starts a line.
 * @example cleanDisplayText('Ad\u200Bmin\u202E') // 'Admin'
 */
export function cleanDisplayText(s: string): string {
  return s
    .normalize('NFC')
    .replace(HIDDEN_CHARACTERS, '')
    .replace(/\s+/g, (run: string, at: number, all: string) => (/^[\u00a0\u202f]$/.test(run) && (/[:;?!»]/.test(all[at + 1] ?? '') || all[at - 1] === '«') ? '\u00a0' : ' '));
}

/** Messages and bounds of a name or title field. */
export interface DisplayTextOptions {
  /** The message when it is missing or empty (after cleaning). */
  required?: string;
  tooLong?: string;
  min?: number;
}

/**
 * The one schema for a required name or title (people, organisations, processes, groups,
 * documents, meetings, calls, actions, recommendations): cleaned before it is checked, so a
 * name of zero-width spaces is empty.
 * @example displayText(200, { required: 'errors.name.required', tooLong: 'errors.name.tooLong' })
 */
export function displayText(max: number, o: DisplayTextOptions = {}) {
  const required = o.required ?? 'errors.text.required';
  return z
    .string({ error: required })
    .overwrite(cleanDisplayText)
    .trim()
    .min(o.min ?? 1, required)
    .max(max, o.tooLong ?? 'errors.text.tooLong');
}

/** An optional name (a display name, an organisation named in a submission), cleaned the same way. */
export function optionalDisplayText(max: number, tooLong = 'errors.text.tooLong') {
  return z.string().overwrite(cleanDisplayText).trim().max(max, tooLong).optional();
}
