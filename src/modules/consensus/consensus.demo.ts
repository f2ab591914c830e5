import type { User } from '../../platform/db/schema.js';
import type { DemoSeeder } from '../../platform/demo/seeders.js';
import { daysAfter, demoActor, frenchTypography, seeded } from '../../platform/demo/kit.js';
import { openCall, statePosition } from './consensus.service.js';
import { recordOutcome } from './outcomes.service.js';
import { CONSENSUS, LIVE_CONSENSUS } from './consensus.demo.texts.js';

declare module '../../platform/demo/seeders.js' {
  interface DemoRecords {
    /** The id of the consensus call on version 2 of the outcomes report. */
    consensusCall: string;
  }
}

const STANCES = ['support', 'support', 'support', 'support', 'live_with', 'live_with', 'stand_aside'] as const;

/**
 * The consensus call on version 2 of the outcomes report (May 2019), chaired by the oversight
 * committee, with positions from members of all six stakeholder groups — one member changes
 * their mind, one objects and is answered — and a rough-consensus outcome, its rationale and
 * answer written in English and French. Back-dated, no mail.
 * Then the live process's call on its draft guideline, open until two weeks after the demo is
 * loaded, with its first positions (the demo member has not stated one: theirs to try).
 */
export const consensusDemo: DemoSeeder = {
  after: ['participants', 'documents', 'comments'],
  async seed(ctx) {
    const { db } = ctx;
    const process = ctx.get('process');
    const people = ctx.get('people');
    const report = ctx.get('report').documents.en;
    const rand = seeded(2019);
    const chair = demoActor(ctx.get('oversight')[0]!, { in: process.id, roles: ['oversight', 'member'] });
    const member = (u: User) => demoActor(u, { in: process.id, roles: ['member'] });

    // The call on version 2 (which the comments' seeder saved), and positions from about two members in three.
    ctx.storyAt(new Date(CONSENSUS.opened));
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
    let objection: string | undefined;
    const objector = people.find((p) => p.sector === 'private_sector')!;
    const changer = people.find((p) => p.sector === 'academia')!;
    for (const [i, p] of people.entries()) {
      const isObjector = p === objector;
      const isChanger = p === changer;
      if (!isObjector && !isChanger && rand() > 0.66) continue;
      const at = new Date(opened + Math.floor(((i + 1) / (people.length + 1)) * span * 0.9));
      ctx.storyAt(at);
      if (isChanger) {
        await statePosition(db, member(p.user), call.call.id, { optionId, stance: 'stand_aside', reason: 'I have not read the labelling sections closely enough.' }, { at });
        ctx.storyAt(new Date(at.getTime() + 5 * 86_400_000));
        await statePosition(db, member(p.user), call.call.id, { optionId, stance: 'support', reason: CONSENSUS.changedMind }, { at: new Date(at.getTime() + 5 * 86_400_000) });
        continue;
      }
      const stance = isObjector ? 'object' : STANCES[Math.floor(rand() * STANCES.length)]!;
      const stated = await statePosition(db, member(p.user), call.call.id, { optionId, stance, reason: isObjector ? CONSENSUS.objection : null }, { at });
      if (isObjector) objection = stated.id;
    }
    ctx.storyAt(new Date(CONSENSUS.decided));
    await recordOutcome(
      db,
      chair,
      call.call.id,
      {
        outcome: 'rough_consensus',
        optionId,
        rationale: CONSENSUS.rationaleEn,
        lang: 'en',
        rationaleTranslation: frenchTypography(CONSENSUS.rationaleFr),
        answers: [{ positionId: objection!, answer: CONSENSUS.answer, translation: frenchTypography(CONSENSUS.answerFr) }],
      },
      { at: new Date(CONSENSUS.decided) },
    );
    ctx.put('consensusCall', call.call.id);

    const live = ctx.get('liveProcess');
    const liveOpened = daysAfter(ctx.now, LIVE_CONSENSUS.openedAfterDays);
    ctx.storyAt(liveOpened);
    const liveCall = await openCall(
      db,
      ctx.admin,
      live.id,
      {
        target: 'document',
        document: ctx.get('liveGuideline').en.slug,
        version: 1,
        anchor: null,
        questionEn: LIVE_CONSENSUS.questionEn,
        questionFr: frenchTypography(LIVE_CONSENSUS.questionFr),
        options: [{ labelEn: LIVE_CONSENSUS.optionEn, labelFr: LIVE_CONSENSUS.optionFr }],
        deadline: daysAfter(ctx.now, LIVE_CONSENSUS.deadlineAfterDays).toISOString(),
        timeZone: 'America/Toronto',
        appealDays: 14,
      },
      { at: liveOpened },
    );
    const liveOption = liveCall.options[0]!.id;
    for (const [i, p] of ctx.get('livePeople').slice(0, 9).entries()) {
      const stance = (['support', 'support', 'live_with', 'support', 'stand_aside', 'support', 'live_with', 'support', 'support'] as const)[i]!;
      const at = new Date(liveOpened.getTime() + (i + 1) * 6 * 3_600_000);
      ctx.storyAt(at);
      await statePosition(db, demoActor(p.user, { in: live.id, roles: ['member'] }), liveCall.call.id, { optionId: liveOption, stance, reason: null }, { at });
    }
  },
};
