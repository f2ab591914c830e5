import type { Kysely } from 'kysely';
import type { DB, User } from '../../platform/db/schema.js';
import type { Actor, ProcessRole } from '../../platform/auth/roles.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { randomToken } from '../../platform/lib/crypto.js';
import { createUser, roleHolders } from '../../modules/accounts/index.js';
import { getProcess } from '../../modules/processes/index.js';
import type { Process } from '../../modules/processes/index.js';
import { blocksOf, createDocument, saveVersion, setDocumentStatus, versionByNumber, type DocumentRow, type VersionRow } from '../../modules/documents/index.js';
import { openPeriod, submitComment, hideComment, recordDisposition } from '../../modules/comments/index.js';
import { emailLocal } from './demo.people.js';
import { normaliseForMatch, plainOf, REPORT_DATES, REPORT_OUTLINE, keyOf, reportMarkdown, reportMeta, reportTitle, type ReportLang, type ReportVersion } from './demo.report.texts.js';
import { planComments, torontoTime, type Commenter, type PlannedDisposition, type StakeholderKey } from './demo.comments.js';

/** What the report's seed needs from the rest of the demo. */
export interface ReportSeedContext {
  process: Process;
  people: { user: User; sector: string; org: string }[];
  baseUrl: string;
}

/** What was made, for tests and the start-up line. */
export interface ReportSeedResult {
  documents: Record<ReportLang, DocumentRow>;
  periodId: string;
  comments: number;
  hidden: number;
  dispositions: number;
}

function actorOf(u: User, processId: string, roles: ProcessRole[] = []): Actor {
  return {
    userId: u.id,
    name: u.name,
    email: u.email,
    lang: u.preferred_lang,
    emailConfirmed: true,
    isAdmin: false,
    processRoles: new Map([[processId, new Set(roles)]]),
    groupRoles: new Map(),
    organisationRoles: new Map(),
    installationRoles: new Set(),
  };
}

/**
 * Our keys → the anchors the documents module gave a version's blocks, matched on the text a
 * reader sees (so nothing here depends on how anchors are made or blocks numbered).
 */
async function anchorsOf(db: Kysely<DB>, lang: ReportLang, version: ReportVersion, v: VersionRow): Promise<Map<string, string>> {
  const blocks = await blocksOf(db, v.id);
  const byText = new Map(blocks.map((b) => [normaliseForMatch(b.plain), b.anchor]));
  const out = new Map<string, string>();
  for (const id of REPORT_OUTLINE[version]) {
    const anchor = byText.get(plainOf(lang, id));
    if (!anchor) throw new Error(`demo report: block ${id} (${lang}, v${version}) not found among the saved blocks`);
    out.set(keyOf(id), anchor);
  }
  return out;
}

/** Spread `n` moments evenly across a Toronto-time day range (the working groups' review). */
function reviewMoment(i: number, n: number): Date {
  const days = 22; // 8 to 29 April 2019
  const slot = Math.floor((i / Math.max(n, 1)) * days * 9 * 60);
  const day = `2019-04-${String(8 + Math.floor(slot / (9 * 60))).padStart(2, '0')}`;
  return torontoTime(day, 9 * 60 + (slot % (9 * 60)));
}

/**
 * The model process's draft outcomes report in English and French: version 1 (20 February
 * 2019), the closed comment period on it (25 February – 5 April 2019, Toronto time) with about
 * three hundred comments — singles, three campaigns of exact duplicates, three spam hidden by
 * a moderator — a response to every visible comment (one per duplicate group for campaigns),
 * version 2 revised in answer (30 April), version 3 final (10 June), and the final status.
 * Everything goes through the documents and comments services, back-dated, with no mail.
 */
export async function seedReport(db: Kysely<DB>, ctx: ReportSeedContext): Promise<ReportSeedResult> {
  const { process, people, baseUrl } = ctx;
  const detail = await getProcess(db, process.slug);
  const groupIds = new Map(detail.stakeholderGroups.map((g) => [g.key, g.id]));
  const byId = new Map(people.map((p) => [p.user.id, p.user]));
  const oversight = (await roleHolders(db, { role: 'oversight', processId: process.id })).map((h) => byId.get(h.user_id)).filter((u): u is User => !!u);
  if (oversight.length < 2) throw new Error('demo report: the oversight committee must be seeded first');
  // One oversight member edits and answers; another moderates.
  const editor = actorOf(oversight[0]!, process.id, ['oversight']);
  const moderator = actorOf(oversight[1]!, process.id, ['oversight']);

  // Version 1 of each language, and the period covering both.
  const v1At = new Date(REPORT_DATES.versions[1]);
  const docs = {} as Record<ReportLang, DocumentRow>;
  for (const lang of ['en', 'fr'] as const) {
    const meta = reportMeta(lang);
    docs[lang] = await createDocument(
      db,
      editor,
      process.id,
      {
        groupId: null,
        slug: meta.slug,
        kind: 'report',
        lang,
        title: reportTitle(lang, 1),
        membersOnly: false,
        translationOf: lang === 'fr' ? docs.en.id : null,
        markdown: reportMarkdown(lang, 1),
        message: meta.message(1),
      },
      // The French text was posted a few minutes after the English.
      { at: new Date(v1At.getTime() + (lang === 'fr' ? 5 * 60_000 : 0)), baseUrl },
    );
  }
  const period = await openPeriod(
    db,
    editor,
    process.id,
    {
      document: docs.en.slug,
      version: 1,
      includeTranslations: true,
      opensAt: new Date(REPORT_DATES.opensAt).toISOString(),
      closesAt: new Date(REPORT_DATES.closesAt).toISOString(),
      timeZone: REPORT_DATES.timeZone,
      instructionsEn: reportMeta('en').instructions,
      instructionsFr: reportMeta('fr').instructions,
      audience: 'confirmed',
    },
    baseUrl,
  );
  const anchorsV1 = {} as Record<ReportLang, Map<string, string>>;
  for (const lang of ['en', 'fr'] as const) anchorsV1[lang] = await anchorsOf(db, lang, 1, (await versionByNumber(db, docs[lang].id, 1))!);

  // The commenters: the demo's participants, and members of the public with accounts of their own.
  const participants: Commenter[] = people.map((p) => ({ name: p.user.name, sector: p.sector as StakeholderKey, org: p.org, lang: p.user.preferred_lang, public: false }));
  const { commenters, comments } = planComments(participants);
  const used = new Set(comments.map((c) => c.author));
  const sharedHash = await hashPassword(randomToken()); // nobody signs in as them
  const actors = new Map<number, Actor>();
  for (const [i, c] of commenters.entries()) {
    if (!used.has(i)) continue;
    if (!c.public) {
      actors.set(i, actorOf(people[i]!.user, process.id));
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
    actors.set(i, actorOf(user, process.id));
  }

  // The comments, in the order they arrived (ids are time-ordered: listing order is arrival order).
  const singles: { commentId: string; lang: ReportLang; disposition: PlannedDisposition }[] = [];
  const campaignGroups = new Map<string, { lang: ReportLang; disposition: PlannedDisposition }>();
  const spam: string[] = [];
  for (const c of comments) {
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
  for (const id of spam) await hideComment(db, moderator, process.id, id, { reason: 'spam', note: '' });

  // Responses that change nothing, through April; then version 2 and the responses pointing
  // to it; then version 3 and the responses pointing to it.
  let dispositions = 0;
  const answer = async (target: { commentId: string } | { groupId: string }, lang: ReportLang, d: PlannedDisposition, at: Date, versions: Record<ReportLang, VersionRow>, anchors: Record<ReportLang, Map<string, string>>) => {
    const change = d.changed ? { versionId: versions[lang].id, anchor: anchors[lang].get(d.changed.key) ?? null } : {};
    await recordDisposition(db, editor, period.id, { ...target, outcome: d.outcome, rationale: d.rationale, lang, ...change }, { at });
    dispositions++;
  };
  const unchanged = singles.filter((s) => !s.disposition.changed);
  const none = {} as Record<ReportLang, VersionRow>;
  const noAnchors = {} as Record<ReportLang, Map<string, string>>;
  for (const [i, s] of unchanged.entries()) await answer({ commentId: s.commentId }, s.lang, s.disposition, reviewMoment(i, unchanged.length), none, noAnchors);

  const later = async (version: 2 | 3) => {
    const at = new Date(REPORT_DATES.versions[version]);
    const versions = {} as Record<ReportLang, VersionRow>;
    const anchors = {} as Record<ReportLang, Map<string, string>>;
    for (const lang of ['en', 'fr'] as const) {
      const meta = reportMeta(lang);
      versions[lang] = await saveVersion(
        db,
        editor,
        docs[lang].id,
        { title: reportTitle(lang, version), markdown: reportMarkdown(lang, version), message: meta.message(version) },
        { at: new Date(at.getTime() + (lang === 'fr' ? 5 * 60_000 : 0)), baseUrl },
      );
      anchors[lang] = await anchorsOf(db, lang, version, versions[lang]);
    }
    // The responses were published with the version, an hour after it.
    const answeredAt = new Date(at.getTime() + 60 * 60_000);
    for (const s of singles) if (s.disposition.changed?.version === version) await answer({ commentId: s.commentId }, s.lang, s.disposition, answeredAt, versions, anchors);
    for (const [groupId, g] of campaignGroups) {
      if ((g.disposition.changed?.version ?? 2) === version) await answer({ groupId }, g.lang, g.disposition, answeredAt, versions, anchors);
    }
  };
  await later(2);
  await later(3);
  for (const lang of ['en', 'fr'] as const) await setDocumentStatus(db, editor, docs[lang].id, 'final');
  return { documents: docs, periodId: period.id, comments: comments.length, hidden: spam.length, dispositions };
}
