import type { User } from '../../platform/db/schema.js';
import type { DemoSeeder } from '../../platform/demo/seeders.js';
import { demoActor } from '../../platform/demo/kit.js';
import { grantRole } from '../accounts/index.js';
import { grantOrganisationRole } from '../participants/index.js';
import { createAction, reportOnAction, reportOnPledge, signPledge } from './accountability.service.js';
import { ACTIONS, PLEDGES, type DemoProgress } from './accountability.demo.texts.js';

/**
 * The follow-up of the recommendations, 2019–2021: the action committee (one representative
 * from each of five stakeholder groups, none from oversight), its actions with owners and due
 * dates, the pledges organisations signed, and the progress reported on both (some done, some
 * late). Back-dated, no mail.
 */
export const accountabilityDemo: DemoSeeder = {
  after: ['processes', 'participants', 'recommendations'],
  async seed(ctx) {
    const { db } = ctx;
    const process = ctx.get('process');
    const people = ctx.get('people');
    const oversight = ctx.get('oversight');
    const recIds = ctx.get('recommendations');
    const member = (u: User) => demoActor(u, { in: process.id, roles: ['member'] });
    // Those who report and pledge for an organisation are confirmed to act for it (issue 10):
    // the demo's history has them added as its representatives, and acting as such.
    const representative = async (u: User, organisationId: string) => {
      await grantOrganisationRole(db, 'console', organisationId, u.id, 'representative');
      const actor = member(u);
      actor.organisationRoles.set(organisationId, new Set(['representative']));
      return actor;
    };

    // The action committee forms as its phase opens (1 May 2019).
    ctx.storyAt(new Date('2019-06-11T10:00:00-04:00'));
    const committee: User[] = [];
    for (const key of ['government', 'civil_society', 'technical', 'academia', 'private_sector']) {
      const p = people.find((x) => x.sector === key && !oversight.includes(x.user));
      if (!p) continue;
      await grantRole(db, { userId: p.user.id, role: 'action_committee', processId: process.id, grantedBy: oversight[0]!.id });
      committee.push(p.user);
    }
    const committeeActor = demoActor(committee[0]!, { in: process.id, roles: ['action_committee'] });

    const progress = (d: DemoProgress) => ({ status: d.status, body: d.body, reason: d.reason, lang: d.lang, evidenceUrls: d.evidence ?? [] });
    for (const a of ACTIONS) {
      const owner = people.find((p) => p.org === a.owner);
      if (!owner) throw new Error(`demo accountability: nobody represents ${a.owner}`);
      ctx.storyAt(new Date(a.created));
      const ownerActor = await representative(owner.user, owner.orgId);
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
      for (const d of a.progress) {
        ctx.storyAt(new Date(d.at));
        await reportOnAction(db, ownerActor, process.id, made.id, progress(d), { at: new Date(d.at) });
      }
    }
    for (const pl of PLEDGES) {
      const signer = people.find((p) => p.org === pl.organisation);
      if (!signer) throw new Error(`demo accountability: nobody represents ${pl.organisation}`);
      ctx.storyAt(new Date(pl.at));
      const signerActor = await representative(signer.user, signer.orgId);
      const made = await signPledge(db, signerActor, process.id, { recommendationId: recIds.get(pl.recommendation)!, text: pl.text, lang: pl.lang, dueOn: pl.due }, { at: new Date(pl.at) });
      for (const d of pl.progress) {
        ctx.storyAt(new Date(d.at));
        await reportOnPledge(db, signerActor, process.id, made.id, progress(d), { at: new Date(d.at) });
      }
    }
  },
};
