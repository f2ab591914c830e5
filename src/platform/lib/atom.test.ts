import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, xmlEscape, type AtomFeed } from './atom.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['entry', 'link', 'author'].includes(name),
});

interface Link {
  '@rel': string;
  '@href': string;
  '@type': string;
}
interface Parsed {
  feed: {
    '@xmlns': string;
    '@xml:lang': string;
    id: string;
    title: { '#text': string; '@type': string };
    updated: string;
    link: Link[];
    author?: { name: string }[];
    entry?: {
      id: string;
      title: { '#text': string };
      updated: string;
      link: Link[];
      summary?: { '#text': string };
      author?: { name: string }[];
    }[];
  };
}

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Parsed;
}

const base: AtomFeed = {
  id: 'urn:uuid:0192f1c4-5b7e-7a3c-9d2e-4f6a8b0c1d2e',
  title: 'Device labelling — meetings',
  updated: new Date('2019-04-18T13:00:00Z'),
  selfUrl: 'https://concord.example/en/groups/labelling/feed.atom',
  alternateUrl: 'https://concord.example/en/groups/labelling',
  lang: 'en',
  entries: [
    {
      id: 'urn:uuid:0192f1c4-5b7e-7a3c-9d2e-000000000001',
      title: 'Meeting 3',
      updated: new Date('2019-04-17T10:00:00Z'),
      url: 'https://concord.example/en/meetings/3?tab=minutes&lang=en',
      summary: 'Minutes posted',
      authorName: 'Secretariat',
    },
    {
      id: 'tag:concord.example,2019:meeting/4',
      title: 'Meeting 4',
      updated: new Date('2019-04-18T13:00:00Z'),
      url: 'https://concord.example/en/meetings/4',
    },
  ],
};

describe('atomFeed', () => {
  it('writes the RFC 4287 structure with xml:lang, self and alternate links', () => {
    const { feed } = parse(atomFeed({ ...base, lang: 'fr' }));
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@xml:lang']).toBe('fr');
    expect(feed.id).toBe(base.id);
    expect(feed.title).toEqual({ '#text': base.title, '@type': 'text' });
    expect(feed.updated).toBe('2019-04-18T13:00:00.000Z');
    expect(feed.link).toEqual([
      { '@rel': 'self', '@type': 'application/atom+xml', '@href': base.selfUrl },
      { '@rel': 'alternate', '@type': 'text/html', '@href': base.alternateUrl },
    ]);
    // Entry 2 has no author, so the feed carries one.
    expect(feed.author).toEqual([{ name: base.title }]);
    expect(feed.entry).toHaveLength(2);
  });

  it('round-trips entry ids, links, dates, summaries and authors', () => {
    const { feed } = parse(atomFeed(base));
    const [a, b] = feed.entry!;
    expect(a!.id).toBe(base.entries[0]!.id);
    expect(a!.link).toEqual([{ '@rel': 'alternate', '@type': 'text/html', '@href': base.entries[0]!.url }]);
    expect(a!.updated).toBe('2019-04-17T10:00:00.000Z');
    expect(a!.summary!['#text']).toBe('Minutes posted');
    expect(a!.author).toEqual([{ name: 'Secretariat' }]);
    expect(b!.id).toBe('tag:concord.example,2019:meeting/4');
    expect(b!.summary).toBeUndefined();
    expect(b!.author).toBeUndefined();
  });

  it('escapes <&>"\' in text and attributes and drops control characters', () => {
    const nasty = `<script>alert("x")</script> & 'quotes' \u0000\u0007\u001b\u0085end`;
    const xml = atomFeed({
      ...base,
      title: nasty,
      selfUrl: `https://concord.example/feed?a=1&b="2"&c='3'<>`,
      entries: [{ id: 'urn:x:1', title: nasty, updated: base.updated, url: 'https://concord.example/?q=<&>', summary: nasty, authorName: nasty }],
    });
    expect(xml).not.toContain('<script>');
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const { feed } = parse(xml);
    const clean = `<script>alert("x")</script> & 'quotes' end`;
    expect(feed.title['#text']).toBe(clean);
    expect(feed.link[0]!['@href']).toBe(`https://concord.example/feed?a=1&b="2"&c='3'<>`);
    const entry = feed.entry![0]!;
    expect(entry.title['#text']).toBe(clean);
    expect(entry.summary!['#text']).toBe(clean);
    expect(entry.author).toEqual([{ name: clean }]);
    expect(entry.link[0]!['@href']).toBe('https://concord.example/?q=<&>');
    // Every entry has an author, so the feed needs none.
    expect(feed.author).toBeUndefined();
  });

  it('keeps accents and emoji, and writes a valid feed with no entries', () => {
    const { feed } = parse(atomFeed({ ...base, title: 'Étiquetage des appareils 🇨🇦', entries: [] }));
    expect(feed.title['#text']).toBe('Étiquetage des appareils 🇨🇦');
    expect(feed.entry).toBeUndefined();
    expect(feed.author).toEqual([{ name: 'Étiquetage des appareils 🇨🇦' }]);
  });

  it('refuses an invalid date', () => {
    expect(() => atomFeed({ ...base, updated: new Date('nope') })).toThrow(RangeError);
  });
});

describe('xmlEscape', () => {
  it('escapes the five special characters, drops lone surrogates and normalises CR', () => {
    expect(xmlEscape(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
    expect(xmlEscape('a\uD800b\uDC00c😀')).toBe('abc😀');
    expect(xmlEscape('line\r\nline\rline\tend')).toBe('line\nline\nline\tend');
  });
});
