/**
 * A value that ends with a full stop, placed at the end of a sentence, gives two: English
 * times end in "p.m." and "a.m." (en-CA), so "The deadline was {{deadline}}." read "…11:59
 * p.m..". Both translators (fast-t and i18next's post-processor) drop the sentence's stop
 * after such a value, so every message, present and future, is right without a variant.
 */

/** The message's literal text that follows a value, without the stop the value already has. */
export function afterValue(value: string, literal: string): string {
  return value.endsWith('.') && literal.startsWith('.') && !literal.startsWith('..') ? literal.slice(1) : literal;
}

/**
 * The same rule applied to finished text (i18next's path, where the values are no longer
 * told apart from the message): each value ending with a stop and followed by a single stop.
 */
export function dropDoubledStops(text: string, values: Record<string, unknown> | undefined): string {
  if (!values || !text.includes('..')) return text;
  let out = text;
  for (const v of Object.values(values)) {
    if (typeof v !== 'string' || !v.endsWith('.')) continue;
    out = out.split(`${v}.`).map((piece, i) => (i > 0 && piece.startsWith('.') ? `.${piece}` : piece)).join(v);
  }
  return out;
}
