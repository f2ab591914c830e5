import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { HTTP_URL_ERROR, httpUrl, optionalHttpUrl } from './http-url.js';
import { AgendaBody, MeetingBody, RecordingsBody } from '../../modules/meetings/meetings.schema.js';
import { NewOrganisation } from '../../modules/participants/participants.schema.js';
import { ProgressBody } from '../../modules/accountability/accountability.schema.js';

/** Addresses that must never become a link on our pages. */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:alert(1)',
  'javascript://example.org/%0aalert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://files.example.org/x',
  'mailto:someone@example.org',
  '//evil.example/path',
  'example.org',
];

/** The issue messages a parse reports (i18n keys). */
function messages(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('httpUrl', () => {
  it('takes http and https addresses as given (trimmed)', () => {
    expect(httpUrl().parse(' https://meet.example.org/j/123?pwd=x#y ')).toBe('https://meet.example.org/j/123?pwd=x#y');
    expect(httpUrl().parse('HTTP://EXAMPLE.ORG')).toBe('HTTP://EXAMPLE.ORG');
    expect(optionalHttpUrl().parse('')).toBeNull();
    expect(optionalHttpUrl().parse(undefined)).toBeNull();
  });

  it.each(HOSTILE_URLS)('refuses %s with the shared message, or the field’s own', (url) => {
    expect(messages(httpUrl(), url)).toEqual([HTTP_URL_ERROR]);
    expect(messages(optionalHttpUrl('meetings.errors.url'), url)).toEqual(['meetings.errors.url']);
  });
});

describe('every user-supplied URL field', () => {
  const meeting = { titleEn: 'T', titleFr: 'T', startsAt: '2030-01-01T09:00', endsAt: '2030-01-01T10:00', mode: 'virtual' };
  const fields: [string, (url: string) => string[]][] = [
    ['organisation website', (url) => messages(NewOrganisation, { name: 'Acme', sector: 'civil_society', website: url })],
    ['meeting join link', (url) => messages(MeetingBody, { ...meeting, joinUrl: url }).filter((m) => m === 'meetings.errors.url')],
    ['meeting stream', (url) => messages(MeetingBody, { ...meeting, streamUrl: url }).filter((m) => m === 'meetings.errors.url')],
    ['agenda document', (url) => messages(AgendaBody, { items: [{ title: 'Item', documentUrl: url }] }).filter((m) => m === 'meetings.errors.url')],
    ['meeting recordings', (url) => messages(RecordingsBody, { urls: ['https://video.example.org/1', url] })],
    ['progress evidence', (url) => messages(ProgressBody, { status: 'on_track', lang: 'en', evidenceUrls: [url] })],
  ];
  it.each(fields)('%s refuses every non-http(s) address', (_name, check) => {
    for (const url of HOSTILE_URLS) expect(check(url), url).toHaveLength(1);
    expect(check('https://example.org/ok')).toEqual([]);
  });

  it('are all made by the shared helper: no schema calls z.url() on its own', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !path.endsWith(join('lib', 'http-url.ts')) && !path.endsWith('config.ts')) {
          if (/\bz\s*\.\s*url\s*\(/.test(readFileSync(path, 'utf8'))) offenders.push(path);
        }
      }
    };
    walk(join(import.meta.dirname, '../..'));
    expect(offenders).toEqual([]);
  });
});
