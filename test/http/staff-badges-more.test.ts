import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { makeComment, makeCommentPeriod, makeDocument, makeGroup, makeMember, makeOrganisation, makeProcess, makeRecommendation, makeUser } from '../helpers/factories.js';
import { openCall, statePosition } from '../../src/modules/consensus/consensus.service.js';
import { fileAppeal, recordOutcome } from '../../src/modules/consensus/outcomes.service.js';
import { postAnnouncement } from '../../src/modules/groups/groups.service.js';
import { createAction, signPledge } from '../../src/modules/accountability/accountability.service.js';
import { meetingsDeps, scheduleMeeting } from '../../src/modules/meetings/meetings.service.js';
import { register, setAttendance } from '../../src/modules/meetings/registrations.service.js';
import { saveVersion } from '../../src/modules/documents/documents.service.js';
import { newId } from '../../src/platform/lib/ids.js';

/**
 * Issue 10, the pages added after the first four: a meeting's named attendees, a document's
 * version line and history, the disposition-of-comments report (each comment's heading and the
 * senders of a duplicate group), the public audit trail, and where members act: objections
 * answered and appeals on a call's record, a working group's announcements, pledge signers and
 * action contacts in the tracker. On each, the administrator and the
 * process's convener carry their badge and an ordinary account named exactly like the
 * administrator carries none; on the audit trail, an event whose actor is withheld shows no
 * badge either.
 */
let t: TestApp;
const SLUG = 'staff-badges-more';
type Who = 'admin' | 'imitator' | 'convener';
const WHO: Who[] = ['admin', 'imitator', 'convener'];
const people = {} as Record<Who, Awaited<ReturnType<typeof makeUser>>>;
const ids = { process: '', meeting: '', period: '', comments: {} as Record<Who, string>, receipts: {} as Record<Who, string>, duplicate: '' };

const LABELS = {
  en: { admin: 'Administrator', convener: 'Convener' },
  fr: { admin: 'Administrateur', convener: 'Organisateur' },
} as const;
const badge = (lang: 'en' | 'fr', kind: 'admin' | 'convener') => `<span class="staff-badge staff-badge--${kind}">${LABELS[lang][kind]}</span>`;
const NAME = { admin: 'Site Admin', imitator: 'Site Admin', convener: 'Connie Vener' } as const;

/** What follows a person's name up to the end of its element: the badge, or nothing. */
const afterName = (html: string, name: string, close: string) => {
  const all = [...html.matchAll(new RegExp(`<span class="person-name">${name}</span>(.*?)${close}`, 'g'))].map((m) => m[1]!);
  expect(all.length, `${name} shown`).toBeGreaterThan(0);
  return all;
};

beforeAll(async () => {
  t = await testApp();
  people.admin = await makeUser(t.db, { admin: true, name: NAME.admin });
  const { process } = await makeProcess(t.db, people.admin.actor, SLUG);
  ids.process = process.id;
  people.imitator = await makeUser(t.db, { name: NAME.imitator });
  people.convener = await makeUser(t.db, { name: NAME.convener, roles: [{ role: 'convener', processId: process.id }] });

  // A document in three versions: the administrator's, the convener's, and one by another namesake
  // of the administrator's, who may edit as oversight (a role that carries no badge).
  const doc = await makeDocument(t.db, people.admin.actor, process.id, { slug: 'draft', markdown: '# Draft\n\nText.\n' });
  const editor = await makeUser(t.db, { name: NAME.admin, roles: [{ role: 'oversight', processId: process.id }] });
  for (const [n, actor] of [
    [2, people.convener.actor],
    [3, editor.actor],
  ] as const)
    await saveVersion(t.db, actor, doc.id, { title: 'Draft', markdown: `# Draft\n\nText ${n}.\n`, message: `Edit ${n}` });

  // Comments: one each, then the same words sent by all three (a group of duplicates).
  ids.period = (await makeCommentPeriod(t.db, people.admin.actor, process.id, { document: 'draft', version: 3 })).id;
  for (const w of WHO) {
    const c = await makeComment(t.db, ids.period, { text: `Own words of ${w}.`, displayName: NAME[w] }, { actor: people[w].actor });
    ids.comments[w] = c.id;
    ids.receipts[w] = c.receipt;
  }
  for (const w of WHO) {
    const c = await makeComment(t.db, ids.period, { text: 'The very same words.', displayName: NAME[w] }, { actor: people[w].actor });
    if (w === 'admin') ids.duplicate = c.id;
  }

  // A meeting held yesterday that all three attended and agreed to be named at; registering for a
  // meeting that is over is refused, so the registrations are written directly.
  const deps = meetingsDeps(t.app.deps);
  const base = { descriptionEn: '', descriptionFr: '', format: 'in_person', venue: 'Ottawa', address: '', joinUrl: null, streamUrl: null, timeZone: 'America/Toronto', languages: 'both', capacity: 10, visibility: 'public' } as const;
  const day = 86_400_000;
  const local = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16);
  const held = await scheduleMeeting(deps, people.admin.actor, { processId: process.id }, { ...base, titleEn: 'Held', titleFr: 'Tenue', startsAt: local(-day), endsAt: local(-day + 3_600_000) });
  ids.meeting = held.id;
  await t.db
    .insertInto('meeting_registrations')
    .values(WHO.map((w) => ({ id: newId(), meeting_id: held.id, user_id: people[w].user.id, status: 'registered' as const, show_name: true, reminded_at: null })))
    .execute();
  await setAttendance(t.db, people.admin.actor, process.id, held.id, WHO.map((w) => people[w].user.id));
  // The administrator registers for a meeting to come: an event whose actor the trail withholds.
  const future = await scheduleMeeting(deps, people.admin.actor, { processId: process.id }, { ...base, titleEn: 'To come', titleFr: 'À venir', startsAt: local(7 * day), endsAt: local(7 * day + 3_600_000) });
  await register(t.db, t.config.baseUrl, people.admin.actor, future.id, { showName: true }, new Date(), { skipMail: true });
});
afterAll(async () => t?.close());

describe('staff badges on a meeting’s named attendees', () => {
  it.each(['en', 'fr'] as const)('marks the administrator and the convener, not their namesake (%s)', async (lang) => {
    const res = await t.app.inject({ url: `/${lang}/processes/${SLUG}/meetings/${ids.meeting}` });
    expect(res.statusCode).toBe(200);
    // The two "Site Admin" rows: the administrator's and the namesake's, one badge between them.
    const admins = afterName(res.body, NAME.admin, '</li>');
    expect(admins).toHaveLength(2);
    expect(admins.filter((a) => a.includes(badge(lang, 'admin')))).toHaveLength(1);
    expect(admins.filter((a) => !a.includes('class="staff-badge'))).toHaveLength(1);
    expect(afterName(res.body, NAME.convener, '</li>')).toEqual([` ${badge(lang, 'convener')}`]);
  });

  it('keeps the JSON API’s names as plain strings', async () => {
    const res = await t.app.inject({ url: `/api/v1/processes/${SLUG}/meetings/${ids.meeting}/attendance` });
    expect(res.json().names).toEqual(['Connie Vener', 'Site Admin', 'Site Admin']);
  });
});

describe('staff badges on document versions', () => {
  it.each(['en', 'fr'] as const)('marks the author of each version on its page, inside the version line (%s)', async (lang) => {
    const line = async (n: number) => {
      const res = await t.app.inject({ url: `/${lang}/processes/${SLUG}/documents/draft/versions/${n}` });
      expect(res.statusCode).toBe(200);
      const m = /<p class="meta">(.*?)<\/p>/s.exec(res.body);
      expect(m, 'version line').not.toBeNull();
      return m![1]!;
    };
    const by = lang === 'en' ? 'by ' : 'par ';
    expect(await line(1)).toContain(`${by}<span class="person-name">Site Admin</span> ${badge(lang, 'admin')}.`);
    expect(await line(2)).toContain(`${by}<span class="person-name">Connie Vener</span> ${badge(lang, 'convener')}.`);
    const imitated = await line(3);
    expect(imitated).toContain(`${by}<span class="person-name">Site Admin</span>.`);
    expect(imitated).not.toContain('class="staff-badge');
  });

  it.each(['en', 'fr'] as const)('marks the authors in the version history (%s)', async (lang) => {
    const res = await t.app.inject({ url: `/${lang}/processes/${SLUG}/documents/draft/versions` });
    expect(res.statusCode).toBe(200);
    const cell = (n: number) => {
      const m = new RegExp(`<a href="[^"]*/versions/${n}">${n}</a></th><td>(.*?)</td>`).exec(res.body);
      expect(m, `version ${n} listed`).not.toBeNull();
      return m![1]!;
    };
    expect(cell(1)).toBe(`<span class="person-name">Site Admin</span> ${badge(lang, 'admin')}`);
    expect(cell(2)).toBe(`<span class="person-name">Connie Vener</span> ${badge(lang, 'convener')}`);
    expect(cell(3)).toBe('<span class="person-name">Site Admin</span>');
  });
});

describe('staff badges in the disposition-of-comments report', () => {
  it.each(['en', 'fr'] as const)('marks the commenters in each heading and among the senders of duplicates (%s)', async (lang) => {
    const res = await t.app.inject({ url: `/${lang}/processes/${SLUG}/comment-periods/${ids.period}/report` });
    expect(res.statusCode).toBe(200);
    const heading = (id: string) => {
      const m = new RegExp(`<h4 id="e-${id}">(.*?)</h4>`, 's').exec(res.body);
      expect(m, `comment ${id} in the report`).not.toBeNull();
      return m![1]!;
    };
    expect(heading(ids.comments.admin)).toContain(`<span class="person-name">Site Admin</span> ${badge(lang, 'admin')}`);
    expect(heading(ids.comments.convener)).toContain(`<span class="person-name">Connie Vener</span> ${badge(lang, 'convener')}`);
    expect(heading(ids.comments.imitator)).toContain('<span class="person-name">Site Admin</span>');
    expect(heading(ids.comments.imitator)).not.toContain('class="staff-badge');
    // The duplicate group: sent by the three, in order.
    const m = new RegExp(`<h4 id="e-${ids.duplicate}">.*?</h4><p class="meta">(.*?)</p>`, 's').exec(res.body);
    expect(m, 'the duplicates line').not.toBeNull();
    expect(m![1]).toMatch(lang === 'en' ? /^Sent 3 times, by / : /^Envoyé 3 fois, par /);
    expect(m![1]).toContain(
      `<span class="person-name">Site Admin</span> ${badge(lang, 'admin')}, <span class="person-name">Site Admin</span>, <span class="person-name">Connie Vener</span> ${badge(lang, 'convener')}`,
    );
  });
});

describe('staff badges on the public audit trail', () => {
  it.each(['en', 'fr'] as const)('marks a named actor by role, never by name, and never an actor the trail withholds (%s)', async (lang) => {
    const res = await t.app.inject({ url: `/${lang}/processes/${SLUG}/audit?action=comment.` });
    expect(res.statusCode).toBe(200);
    const rows = [...res.body.matchAll(/<tr id="event-\d+">(.*?)<\/tr>/gs)].map((r) => r[1]!);
    const who = (w: Who) => {
      // A comment's event links to the comment; its "who" is the name it was published under.
      const row = rows.find((r) => r.includes(`/comments/${ids.comments[w]}"`));
      expect(row, `the submission of ${w}'s comment`).toBeDefined();
      return /<td>(<span class="person-name">.*?)<\/td>/.exec(row!)![1]!;
    };
    expect(who('admin')).toBe(`<span class="person-name">Site Admin</span> ${badge(lang, 'admin')}`);
    expect(who('convener')).toBe(`<span class="person-name">Connie Vener</span> ${badge(lang, 'convener')}`);
    expect(who('imitator')).toBe('<span class="person-name">Site Admin</span>');

    const all = await t.app.inject({ url: `/${lang}/processes/${SLUG}/audit?action=meeting.` });
    const events = [...all.body.matchAll(/<tr id="event-\d+">(.*?)<\/tr>/gs)].map((r) => r[1]!);
    const registered = events.find((r) => r.includes('<code class="meta">meeting.register</code>'));
    expect(registered, 'the administrator’s registration').toBeDefined();
    expect(registered).not.toContain('Site Admin');
    expect(registered).not.toContain('class="staff-badge');
    // Scheduling is public: there the administrator is named, with the badge.
    const scheduled = events.find((r) => r.includes('<code class="meta">meeting.schedule</code>'));
    expect(scheduled).toContain(`<span class="person-name">Site Admin</span> ${badge(lang, 'admin')}`);
  });
});

describe('staff badges where members act: objections answered, appeals, announcements, pledges and action contacts', () => {
  type Key = 'admin' | 'imitator' | 'convener';
  const KEYS: Key[] = ['admin', 'imitator', 'convener'];
  const MEMBER = { admin: 'Member Admin', imitator: 'Member Admin', convener: 'Member Convener' } as const;
  const call = { id: '' };
  const positions = {} as Record<Key, string>;
  const appeals = {} as Record<Key, string>;
  const actions = {} as Record<Key, string>;
  const announced = { admin: 'From the administrator', imitator: 'From a chair named like the administrator', convener: 'From the convener' } as const;

  beforeAll(async () => {
    const org = await makeOrganisation(t.db, people.admin.actor, 'Badge Org');
    const joined = {} as Record<Key, Awaited<ReturnType<typeof makeMember>>>;
    for (const k of KEYS) joined[k] = await makeMember(t, SLUG, org, 'government', k === 'convener' ? { role: 'convener' } : {});
    await t.db.insertInto('role_assignments').values({ id: newId(), user_id: joined.admin.userId, role: 'admin', process_id: null, group_id: null, granted_by: null }).execute();
    for (const k of KEYS) await t.db.updateTable('users').set({ name: MEMBER[k] }).where('id', '=', joined[k].userId).execute();

    // Each objects on a call; the call is decided with an answer to each objection; each appeals.
    const d = await openCall(t.db, people.admin.actor, ids.process, {
      target: 'document',
      document: 'draft',
      questionEn: 'Can you accept the draft?',
      questionFr: 'Pouvez-vous accepter le projet ?',
      options: [{ labelEn: 'As written', labelFr: 'Tel quel' }],
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      timeZone: 'America/Toronto',
      appealDays: 10,
    } as never);
    call.id = d.call.id;
    for (const k of KEYS) positions[k] = (await statePosition(t.db, joined[k].actor, call.id, { optionId: d.options[0]!.id, stance: 'object', reason: `Objection of ${k}` })).id;
    await recordOutcome(t.db, people.admin.actor, call.id, {
      outcome: 'rough_consensus',
      optionId: d.options[0]!.id,
      rationale: 'Most can live with it.',
      lang: 'en',
      answers: KEYS.map((k) => ({ positionId: positions[k], answer: `Answer to ${k}` })),
    });
    for (const k of KEYS) appeals[k] = (await fileAppeal(t.db, joined[k].actor, call.id, { grounds: `Grounds of ${k}`, lang: 'en' })).id;

    // A working group's announcements by the administrator, a chair named like them, and the convener.
    const group = await makeGroup(t.db, people.admin.actor, ids.process, 'wg');
    const chair = await makeUser(t.db, { name: NAME.admin, roles: [{ role: 'chair', processId: ids.process, groupId: group.id }] });
    const by = { admin: people.admin.actor, imitator: chair.actor, convener: people.convener.actor };
    for (const k of KEYS) await postAnnouncement(t.db, by[k], group, { title: announced[k], body: 'Text.', lang: 'en' });

    // Pledges signed by each member, and actions with each of them as contact.
    const recommendation = await makeRecommendation(t.db, ids.process, '2.1');
    for (const k of KEYS) {
      await signPledge(t.db, joined[k].actor, ids.process, { recommendationId: recommendation, organisationId: org, text: `Pledge of ${k}`, lang: 'en', dueOn: undefined });
      actions[k] = (
        await createAction(t.db, people.admin.actor, ids.process, {
          recommendationId: recommendation,
          titleEn: `Action of ${k}`,
          titleFr: `Action de ${k}`,
          ownerOrganisationId: org,
          contactUserId: joined[k].userId,
          dueOn: '2099-01-01',
          measureEn: 'Done.',
          measureFr: 'Fait.',
        })
      ).id;
    }
  });

  /** The text of a pattern's first group, which must be there. */
  const grab = (html: string, re: RegExp, what: string) => {
    const m = re.exec(html);
    expect(m, what).not.toBeNull();
    return m![1]!;
  };
  const expectMarks = (lang: 'en' | 'fr', seen: Record<Key, string>) => {
    expect(seen.admin).toContain(`<span class="person-name">${MEMBER.admin}</span> ${badge(lang, 'admin')}`);
    expect(seen.convener).toContain(`<span class="person-name">${MEMBER.convener}</span> ${badge(lang, 'convener')}`);
    expect(seen.imitator).toContain(`<span class="person-name">${MEMBER.imitator}</span>`);
    expect(seen.imitator).not.toContain('class="staff-badge');
  };

  it.each(['en', 'fr'] as const)('marks objectors answered and appellants on the call’s record (%s)', async (lang) => {
    const res = await t.app.inject({ url: `/${lang}/processes/${SLUG}/consensus/${call.id}` });
    expect(res.statusCode).toBe(200);
    const of = (re: (k: Key) => RegExp) => Object.fromEntries(KEYS.map((k) => [k, grab(res.body, re(k), k)])) as Record<Key, string>;
    const objections = of((k) => new RegExp(`<li id="answer-${positions[k]}"><p><strong>(.*?)</strong>`, 's'));
    expectMarks(lang, objections);
    expect(objections.admin).toMatch(lang === 'en' ? /^Objection by / : /^Objection de /);
    expectMarks(lang, of((k) => new RegExp(`<li id="appeal-${appeals[k]}"><p><strong>(.*?)</strong>`, 's')));
  });

  it.each(['en', 'fr'] as const)('marks the authors of a working group’s announcements (%s)', async (lang) => {
    const res = await t.app.inject({ url: `/${lang}/processes/${SLUG}/groups/wg` });
    expect(res.statusCode).toBe(200);
    const byline = (k: Key) => grab(res.body, new RegExp(`<h3>${announced[k]}</h3><p class="meta">(.*?)</p>`, 's'), k);
    expect(byline('admin')).toContain(`<span class="person-name">Site Admin</span> ${badge(lang, 'admin')}`);
    expect(byline('convener')).toContain(`<span class="person-name">Connie Vener</span> ${badge(lang, 'convener')}`);
    expect(byline('imitator')).toContain('<span class="person-name">Site Admin</span>');
    expect(byline('imitator')).not.toContain('class="staff-badge');
  });

  it.each(['en', 'fr'] as const)('marks pledge signers and action contacts in the tracker (%s)', async (lang) => {
    const res = await t.app.inject({ url: `/${lang}/processes/${SLUG}/tracker` });
    expect(res.statusCode).toBe(200);
    const of = (re: (k: Key) => RegExp) => Object.fromEntries(KEYS.map((k) => [k, grab(res.body, re(k), k)])) as Record<Key, string>;
    expectMarks(lang, of((k) => new RegExp(`<blockquote lang="en">Pledge of ${k}</blockquote><p>(.*?)</p>`, 's')));
    expectMarks(lang, of((k) => new RegExp(`<article class="card" id="action-${actions[k]}">.*?<dd>(.*?)</dd>`, 's')));
  });
});
