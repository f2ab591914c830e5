import { readFileSync } from 'node:fs';
import { startConcord } from './concord.js';
import { seedCommentFixture } from '../fixtures/comments.js';

/** How many comments the fixture loads (BENCH_COMMENTS, default 100,000). */
function commentCount(): number {
  const raw = process.env.BENCH_COMMENTS;
  const n = raw ? Number(raw) : 100_000;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`BENCH_COMMENTS must be a positive integer, got ${raw}`);
  return n;
}

/** The "Last page" link of a comment list page, as a visitor would follow it. */
function lastPageLink(html: string): string {
  const locale = JSON.parse(readFileSync(new URL('../../src/platform/i18n/locales/en/comments.json', import.meta.url), 'utf8')) as { lastPage: string };
  const links = [...html.matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([^<]*)<\/a>/g)];
  const last = links.find((m) => m[2]!.trim() === locale.lastPage);
  if (!last) throw new Error('the first page of the comment list has no "Last page" link');
  return last[1]!.replace(/&amp;/g, '&');
}

/**
 * Concord (as `concord serve` runs it, demo loaded) plus a document with a very long comment
 * period. Reports the pages to measure and how long the fixture took, for bench/run.ts.
 */
export async function startComments(): Promise<{ url: string; stop: () => Promise<void>; info: Record<string, unknown> }> {
  const concord = await startConcord();
  try {
    const fixture = await seedCommentFixture(concord.db, commentCount());
    process.stderr.write(
      `[comments] ${fixture.comments.toLocaleString('en-US')} comments: setup ${fixture.setupMs} ms, bulk insert ${fixture.insertMs} ms, analyze ${fixture.analyzeMs} ms\n`,
    );
    const first = `/en/processes/${fixture.processSlug}/comment-periods/${fixture.periodId}/comments`;
    const res = await fetch(new URL(first, concord.url));
    if (res.status !== 200) throw new Error(`GET ${first} answered ${res.status}`);
    // A signed-in member (the demo's), whose pages are rendered for every request.
    const signIn = await fetch(new URL('/api/v1/auth/sign-in', concord.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'membre@concord.example', password: 'demo-phrase-de-passe-concord' }),
    });
    const cookie = (signIn.headers.getSetCookie().find((c) => c.startsWith('concord_session=')) ?? '').split(';')[0];
    if (!cookie) throw new Error(`signing in the demo member answered ${signIn.status} with no session cookie`);
    return {
      url: concord.url,
      stop: concord.stop,
      info: {
        cookie,
        document: `/en/processes/${fixture.processSlug}/documents/${fixture.documentSlug}`,
        first,
        last: lastPageLink(await res.text()),
        fixture,
      },
    };
  } catch (err) {
    await concord.stop();
    throw err;
  }
}
