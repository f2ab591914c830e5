/**
 * Atom (RFC 4287) feed writer, so people can follow a process, a working group or its
 * meetings in any feed reader without an account.
 */

/** One item in a feed: a meeting, a draft, a report. */
export interface AtomEntry {
  /** A permanent IRI (e.g. `urn:uuid:…`); readers use it to tell new entries from old. */
  id: string;
  title: string;
  updated: Date;
  /** The entry's page (rel="alternate"). */
  url: string;
  summary?: string;
  authorName?: string;
}

/** A whole feed. */
export interface AtomFeed {
  id: string;
  title: string;
  updated: Date;
  /** Where this feed is served (rel="self"). */
  selfUrl: string;
  /** The page the feed mirrors (rel="alternate"). */
  alternateUrl: string;
  lang: 'en' | 'fr';
  entries: AtomEntry[];
  /** The feed's author, required by RFC 4287 when an entry has none; defaults to the title. */
  authorName?: string;
}

/**
 * A complete Atom document, UTF-8, with `xml:lang` on the feed.
 * @example atomFeed({ id: 'urn:uuid:…', title: 'Device labelling', updated, selfUrl, alternateUrl, lang: 'fr', entries: [] })
 */
export function atomFeed(feed: AtomFeed): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.lang}">`,
    `  <id>${xmlEscape(feed.id)}</id>`,
    `  <title type="text">${xmlEscape(feed.title)}</title>`,
    `  <updated>${rfc3339(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(feed.alternateUrl)}"/>`,
  ];
  // RFC 4287 §4.1.1: a feed needs an author unless every entry has its own.
  if (feed.entries.length === 0 || feed.entries.some((e) => !e.authorName)) {
    out.push(`  <author><name>${xmlEscape(feed.authorName ?? feed.title)}</name></author>`);
  }
  out.push('  <generator>Concord</generator>');
  for (const e of feed.entries) {
    out.push(
      '  <entry>',
      `    <id>${xmlEscape(e.id)}</id>`,
      `    <title type="text">${xmlEscape(e.title)}</title>`,
      `    <updated>${rfc3339(e.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>`,
    );
    if (e.authorName) out.push(`    <author><name>${xmlEscape(e.authorName)}</name></author>`);
    if (e.summary) out.push(`    <summary type="text">${xmlEscape(e.summary)}</summary>`);
    out.push('  </entry>');
  }
  out.push('</feed>', '');
  return out.join('\n');
}

/**
 * Escape text for XML content and double- or single-quoted attributes, dropping characters
 * XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) and the C1 controls it
 * discourages; a parser would reject the whole feed for one of them.
 * @example xmlEscape(`<a href="x">Tom & Jerry's</a>\u0007`) // '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;'
 */
export function xmlEscape(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      // A raw CR would be read back as LF; keep line breaks as plain LF.
      .replace(/\r\n?/g, '\n')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** RFC 3339 in UTC; throws RangeError for an invalid date rather than writing "Invalid Date". */
function rfc3339(d: Date): string {
  return d.toISOString();
}
