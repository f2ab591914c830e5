import type { Kysely } from 'kysely';
import type { DB, User } from '../../platform/db/schema.js';
import type { Actor, ProcessRole } from '../../platform/auth/roles.js';
import { grantRole, roleHolders } from '../../modules/accounts/index.js';
import { getProcess } from '../../modules/processes/index.js';
import type { Process } from '../../modules/processes/index.js';
import { blocksOf, versionByNumber, type DocumentRow } from '../../modules/documents/index.js';
import { openCall, statePosition, recordOutcome } from '../../modules/consensus/index.js';
import { createRecommendation, publishFinalReport } from '../../modules/recommendations/index.js';
import { createAction, reportOnAction, reportOnPledge, signPledge } from '../../modules/accountability/index.js';
import { normaliseForMatch, plainOf } from './demo.report.texts.js';
import { seeded } from './demo.people.js';
import { ACTIONS, CONSENSUS, PLEDGES, RECOMMENDATIONS, type DemoProgress } from './demo.outcomes.texts.js';

/** What the outcomes' seed needs from the rest of the demo. */
export interface OutcomesSeedContext {
  process: Process;
  people: { user: User; sector: string; org: string; orgId: string }[];
  /** The outcomes report (English), whose version 2 goes to consensus and which becomes the final report. */
  report: DocumentRow;
}

/** What was made, for tests. */
export interface OutcomesSeedResult {
  callId: string;
  positions: number;
  recommendations: number;
  actions: number;
  pledges: number;
}

function actorOf(u: User, processId: string, roles: ProcessRole[]): Actor {
  return { userId: u.id, name: u.name, email: u.email, lang: u.preferred_lang, emailConfirmed: true, isAdmin: false, processRoles: new Map([[processId, new Set(roles)]]), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
}

const STANCES = ['support', 'support', 'support', 'support', 'live_with', 'live_with', 'stand_aside'] as const;

/**
 * The end of the model process, after its final meeting: a consensus call on version 2 of the
 * outcomes report (May 2019) with positions from members of all six stakeholder groups — one
 * member changes their mind, one objects and is answered — and a rough-consensus outcome; the
 * twelve recommendations of section 4, each tied to its paragraph and to that call; the final
 * report published on 10 June 2019; the action committee, its actions with owners and dates in
 * 2019–2021, pledges, and the progress reported (some done, some late). Everything goes
 * through the services, back-dated, with no mail.
 */
export async function seedOutcomes(db: Kysely<DB>, ctx: OutcomesSeedContext): Promise<OutcomesSeedResult> {
  const { process, people, report } = ctx;
  const rand = seeded(2019);
  const { stakeholderGroups } = await getProcess(db, process.slug);
  const groupIds = new Map(stakeholderGroups.map((g) => [g.key, g.id]));
  const byId = new Map(people.map((p) => [p.user.id, p.user]));
  const oversight = (await roleHolders(db, { role: 'oversight', processId: process.id })).map((h) => byId.get(h.user_id)).filter((u): u is User => !!u);
  const chair = actorOf(oversight[0]!, process.id, ['oversight', 'member']);
  const member = (u: User) => actorOf(u, process.id, ['member']);

  // The consensus call on version 2, and positions from about two members in three.
  const call = await openCall(
    db,
    chair,
    process.id,
    {
      target: 'document',
      document: report.slug,
      version: 2,
      anchor: null,
      questionEn: CONSENSUS.questionEn,
      questionFr: CONSENSUS.questionFr,
      options: [{ labelEn: CONSENSUS.optionEn, labelFr: CONSENSUS.optionFr }],
      deadline: new Date(CONSENSUS.deadline).toISOString(),
      timeZone: 'America/Toronto',
      appealDays: 14,
    },
    { at: new Date(CONSENSUS.opened) },
  );
  const optionId = call.options[0]!.id;
  const opened = new Date(CONSENSUS.opened).getTime();
  const span = new Date(CONSENSUS.deadline).getTime() - opened;
  let positions = 0;
  let objection: string | undefined;
  const objector = people.find((p) => p.sector === 'private_sector')!;
  const changer = people.find((p) => p.sector === 'academia')!;
  for (const [i, p] of people.entries()) {
    const isObjector = p === objector;
    const isChanger = p === changer;
    if (!isObjector && !isChanger && rand() > 0.66) continue;
    const at = new Date(opened + Math.floor(((i + 1) / (people.length + 1)) * span * 0.9));
    if (isChanger) {
      await statePosition(db, member(p.user), call.call.id, { optionId, stance: 'stand_aside', reason: 'I have not read the labelling sections closely enough.' }, { at });
      await statePosition(db, member(p.user), call.call.id, { optionId, stance: 'support', reason: CONSENSUS.changedMind }, { at: new Date(at.getTime() + 5 * 86_400_000) });
      positions += 2;
      continue;
    }
    const stance = isObjector ? 'object' : STANCES[Math.floor(rand() * STANCES.length)]!;
    const stated = await statePosition(db, member(p.user), call.call.id, { optionId, stance, reason: isObjector ? CONSENSUS.objection : null }, { at });
    if (isObjector) objection = stated.id;
    positions++;
  }
  await recordOutcome(
    db,
    chair,
    call.call.id,
    { outcome: 'rough_consensus', optionId, rationale: CONSENSUS.rationaleEn, lang: 'en', answers: [{ positionId: objection!, answer: CONSENSUS.answer }] },
    { at: new Date(CONSENSUS.decided) },
  );

  // The recommendations, tied to their paragraphs of the final version and to the call.
  const v3 = (await versionByNumber(db, report.id, 3))!;
  const blocks = await blocksOf(db, v3.id);
  const anchorOf = (key: string) => blocks.find((b) => normaliseForMatch(b.plain) === plainOf('en', key))?.anchor;
  const recIds = new Map<string, string>();
  for (const [i, r] of RECOMMENDATIONS.entries()) {
    const orgIds = (r.organisations ?? []).map((name) => people.find((p) => p.org === name)?.orgId).filter((x): x is string => !!x);
    const made = await createRecommendation(
      db,
      chair,
      process.id,
      {
        number: r.number,
        titleEn: r.en[0],
        titleFr: r.fr[0],
        textEn: r.en[1],
        textFr: r.fr[1],
        priority: r.priority,
        group: r.group,
        document: report.slug,
        anchor: anchorOf(r.from),
        consensusCallId: call.call.id,
        stakeholderGroupIds: r.addressees.map((k) => groupIds.get(k)!),
        organisationIds: orgIds,
      },
      { at: new Date(new Date('2019-06-10T12:00:00-04:00').getTime() + i * 60_000) },
    );
    recIds.set(r.number, made.row.id);
  }
  await publishFinalReport(db, chair, process.id, { document: report.slug }, { at: new Date('2019-06-10T15:00:00-04:00') });

  // The action committee: one person from each of five stakeholder groups.
  const committee: User[] = [];
  for (const key of ['government', 'civil_society', 'technical', 'academia', 'private_sector']) {
    const p = people.find((x) => x.sector === key && !oversight.includes(x.user));
    if (!p) continue;
    await grantRole(db, { userId: p.user.id, role: 'action_committee', processId: process.id, grantedBy: oversight[0]!.id });
    committee.push(p.user);
  }
  const committeeActor = actorOf(committee[0]!, process.id, ['action_committee']);

  const progress = (d: DemoProgress) => ({ status: d.status, body: d.body, reason: d.reason, lang: d.lang, evidenceUrls: d.evidence ?? [] });
  let actions = 0;
  for (const a of ACTIONS) {
    const owner = people.find((p) => p.org === a.owner);
    if (!owner) throw new Error(`demo outcomes: nobody represents ${a.owner}`);
    const made = await createAction(
      db,
      committeeActor,
      process.id,
      {
        recommendationId: recIds.get(a.recommendation)!,
        titleEn: a.en[0],
        titleFr: a.fr[0],
        ownerOrganisationId: owner.orgId,
        contactUserId: owner.user.id,
        dueOn: a.due,
        measureEn: a.en[1],
        measureFr: a.fr[1],
      },
      { at: new Date(a.created), remindersSent: true },
    );
    for (const d of a.progress) await reportOnAction(db, member(owner.user), process.id, made.id, progress(d), { at: new Date(d.at) });
    actions++;
  }
  let pledges = 0;
  for (const pl of PLEDGES) {
    const signer = people.find((p) => p.org === pl.organisation);
    if (!signer) throw new Error(`demo outcomes: nobody represents ${pl.organisation}`);
    const made = await signPledge(db, member(signer.user), process.id, { recommendationId: recIds.get(pl.recommendation)!, text: pl.text, lang: pl.lang, dueOn: pl.due }, { at: new Date(pl.at) });
    for (const d of pl.progress) await reportOnPledge(db, member(signer.user), process.id, made.id, progress(d), { at: new Date(d.at) });
    pledges++;
  }
  return { callId: call.call.id, positions, recommendations: RECOMMENDATIONS.length, actions, pledges };
}
