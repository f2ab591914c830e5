import type { User } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { DemoSeeder } from '../../platform/demo/seeders.js';
import { daysAfter, demoActor, emailLocal, frenchTypography } from '../../platform/demo/kit.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { randomToken } from '../../platform/lib/crypto.js';
import { createUser } from '../accounts/index.js';
import { saveVersion, setDocumentStatus, versionByNumber, type VersionRow } from '../documents/index.js';
import { submitComment } from './comments.service.js';
import { hideComment } from './moderation.service.js';
import { recordDisposition } from './dispositions.service.js';
import { openPeriod } from './periods.service.js';
import { LIVE_PERIOD, PERIOD } from './comments.demo.texts.js';
import { planComments, torontoTime, type Commenter, type PlannedDisposition, type StakeholderKey } from './comments.demo.plan.js';

/** Spread `n` moments evenly across a Toronto-time day range (the working groups' review). */
function reviewMoment(i: number, n: number): Date {
  const days = 22; // 8 to 29 April 2019
  const slot = Math.floor((i / Math.max(n, 1)) * days * 9 * 60);
  const day = `2019-04-${String(8 + Math.floor(slot / (9 * 60))).padStart(2, '0')}`;
  return torontoTime(day, 9 * 60 + (slot % (9 * 60)));
}

/**
 * The closed comment period on version 1 of the draft outcomes report (25 February – 5 April
 * 2019, Toronto time) with about three hundred comments — singles, three campaigns of exact
 * duplicates, three spam hidden by a moderator — a response to every visible comment (one per
 * duplicate group for campaigns), version 2 revised in answer (30 April), version 3 final
 * (10 June), and the final status. Everything goes through the services, back-dated, with no mail.
 */
export const commentsDemo: DemoSeeder = {
  after: ['processes', 'participants', 'documents'],
  async seed(ctx) {
    const { db, baseUrl } = ctx;
    const process = ctx.get('process');
    const people = ctx.get('people');
    const report = ctx.get('report');
    const docs = report.documents;
    const groupIds = new Map(ctx.get('stakeholderGroups').map((g) => [g.key, g.id]));
    const oversight = ctx.get('oversight');
    if (oversight.length < 2) throw new Error('demo comments: the oversight committee needs two members');
    // One oversight member edits and answers; another moderates.
    const editor = demoActor(oversight[0]!, { in: process.id, roles: ['oversight'] });
    const moderator = demoActor(oversight[1]!, { in: process.id, roles: ['oversight'] });

    // The period covers version 1 of both languages; it was announced the week before it opened.
    ctx.storyAt(new Date(new Date(PERIOD.opensAt).getTime() - 7 * 86_400_000));
    const period = await openPeriod(
      db,
      editor,
      process.id,
      {
        document: docs.en.slug,
        version: 1,
        includeTranslations: true,
        opensAt: new Date(PERIOD.opensAt).toISOString(),
        closesAt: new Date(PERIOD.closesAt).toISOString(),
        timeZone: PERIOD.timeZone,
        instructionsEn: PERIOD.instructions.en,
        instructionsFr: frenchTypography(PERIOD.instructions.fr),
        audience: 'confirmed',
      },
      baseUrl,
    );
    const anchorsV1 = {} as Record<Lang, Map<string, string>>;
    for (const lang of ['en', 'fr'] as const) anchorsV1[lang] = await report.anchors(lang, 1, (await versionByNumber(db, docs[lang].id, 1))!);

    // The commenters: the demo's participants, and members of the public with accounts of their own.
    const participants: Commenter[] = people.map((p) => ({ name: p.user.name, sector: p.sector as StakeholderKey, org: p.org, lang: p.user.preferred_lang, public: false }));
    const { commenters, comments } = planComments(participants);
    const used = new Set(comments.map((c) => c.author));
    const sharedHash = await hashPassword(randomToken()); // nobody signs in as them
    const actors = new Map<number, Actor>();
    const commenter = (u: User) => demoActor(u, { in: process.id });
    for (const [i, c] of commenters.entries()) {
      if (!used.has(i)) continue;
      if (!c.public) {
        actors.set(i, commenter(people[i]!.user));
        continue;
      }
      const [first = 'Pat', ...rest] = c.name.split(' ');
      const user = await createUser(db, {
        email: `${emailLocal(first, rest.join(' '), i)}@public.concord.example`,
        name: c.name,
        password: 'unused',
        skipStrengthCheck: true,
        passwordHash: sharedHash,
        lang: c.lang,
      });
      actors.set(i, commenter(user));
    }

    // The comments, in the order they arrived (ids are time-ordered: listing order is arrival order).
    const singles: { commentId: string; lang: Lang; disposition: PlannedDisposition }[] = [];
    const campaignGroups = new Map<string, { lang: Lang; disposition: PlannedDisposition }>();
    const spam: string[] = [];
    for (const c of comments) {
      ctx.storyAt(c.at);
      const { comment } = await submitComment(
        db,
        actors.get(c.author)!,
        period.id,
        {
          document: docs[c.lang].slug,
          anchor: c.key ? anchorsV1[c.lang].get(c.key)! : null,
          text: c.body,
          displayName: c.displayName,
          organisation: c.organisation ?? undefined,
          stakeholderGroupId: groupIds.get(c.group),
          lang: c.lang,
        },
        {},
        { at: c.at, skipWindow: true, skipMail: true, baseUrl },
      );
      if (c.kind === 'spam') spam.push(comment.id);
      else if (c.kind === 'campaign') campaignGroups.set(comment.group_id, { lang: c.lang, disposition: c.disposition! });
      else singles.push({ commentId: comment.id, lang: c.lang, disposition: c.disposition! });
    }
    const hiddenAt = new Date(PERIOD.closesAt);
    ctx.storyAt(hiddenAt);
    for (const id of spam) await hideComment(db, moderator, process.id, id, { reason: 'spam', note: '' }, { at: hiddenAt });

    // Responses that change nothing, through April; then version 2 and the responses pointing
    // to it; then version 3 and the responses pointing to it.
    const answer = async (target: { commentId: string } | { groupId: string }, lang: Lang, d: PlannedDisposition, at: Date, versions: Record<Lang, VersionRow>, anchors: Record<Lang, Map<string, string>>) => {
      const change = d.changed ? { versionId: versions[lang].id, anchor: anchors[lang].get(d.changed.key) ?? null } : {};
      ctx.storyAt(at);
      await recordDisposition(db, editor, period.id, { ...target, outcome: d.outcome, rationale: d.rationale, lang, ...change }, { at });
    };
    const unchanged = singles.filter((s) => !s.disposition.changed);
    const none = {} as Record<Lang, VersionRow>;
    const noAnchors = {} as Record<Lang, Map<string, string>>;
    for (const [i, s] of unchanged.entries()) await answer({ commentId: s.commentId }, s.lang, s.disposition, reviewMoment(i, unchanged.length), none, noAnchors);

    const later = async (version: 2 | 3) => {
      const versions = {} as Record<Lang, VersionRow>;
      const anchors = {} as Record<Lang, Map<string, string>>;
      for (const lang of ['en', 'fr'] as const) {
        const v = report.version(lang, version);
        ctx.storyAt(v.at);
        versions[lang] = await saveVersion(db, editor, docs[lang].id, { title: v.title, markdown: v.markdown, message: v.message }, { at: v.at, baseUrl });
        anchors[lang] = await report.anchors(lang, version, versions[lang]);
      }
      // The responses were published with the version, an hour after it.
      const answeredAt = new Date(report.version('en', version).at.getTime() + 60 * 60_000);
      for (const s of singles) if (s.disposition.changed?.version === version) await answer({ commentId: s.commentId }, s.lang, s.disposition, answeredAt, versions, anchors);
      for (const [groupId, g] of campaignGroups) {
        if ((g.disposition.changed?.version ?? 2) === version) await answer({ groupId }, g.lang, g.disposition, answeredAt, versions, anchors);
      }
    };
    await later(2);
    await later(3);
    ctx.storyAt(new Date(report.version('en', 3).at.getTime() + 2 * 60 * 60_000));
    for (const lang of ['en', 'fr'] as const) await setDocumentStatus(db, editor, docs[lang].id, 'final');

    // The live process: its draft guideline's comment period opened a week before the demo was
    // loaded and closes three weeks after, with its first comments; anyone may add theirs.
    const live = ctx.get('liveProcess');
    const guideline = ctx.get('liveGuideline');
    const liveGroups = new Map(ctx.get('liveStakeholderGroups').map((g) => [g.key, g.id]));
    ctx.storyAt(daysAfter(ctx.now, LIVE_PERIOD.opensAfterDays - 1));
    const livePeriod = await openPeriod(
      db,
      ctx.admin,
      live.id,
      {
        document: guideline.en.slug,
        version: 1,
        includeTranslations: true,
        opensAt: daysAfter(ctx.now, LIVE_PERIOD.opensAfterDays).toISOString(),
        closesAt: daysAfter(ctx.now, LIVE_PERIOD.closesAfterDays).toISOString(),
        timeZone: 'America/Toronto',
        instructionsEn: LIVE_PERIOD.instructions.en,
        instructionsFr: frenchTypography(LIVE_PERIOD.instructions.fr),
        audience: 'confirmed',
      },
      baseUrl,
    );
    for (const [i, c] of LIVE_PERIOD.comments.entries()) {
      const p = ctx.get('livePeople')[i * 3]!;
      const lang = p.user.preferred_lang;
      ctx.storyAt(daysAfter(ctx.now, c.afterDays));
      await submitComment(
        db,
        demoActor(p.user, { in: live.id, roles: ['member'] }),
        livePeriod.id,
        {
          document: guideline[lang].slug,
          anchor: null,
          text: lang === 'fr' ? frenchTypography(c.fr) : c.en,
          displayName: p.user.name,
          organisation: p.org,
          stakeholderGroupId: liveGroups.get(p.sector),
          lang,
        },
        {},
        { at: daysAfter(ctx.now, c.afterDays), skipMail: true, baseUrl },
      );
    }
  },
};
