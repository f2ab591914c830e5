import type { DemoSeeder } from '../../platform/demo/seeders.js';
import { demoActor } from '../../platform/demo/kit.js';
import { versionByNumber } from '../documents/index.js';
import { createRecommendation } from './recommendations.service.js';
import { publishFinalReport } from './final-report.service.js';
import { RECOMMENDATIONS } from './recommendations.demo.texts.js';

declare module '../../platform/demo/seeders.js' {
  interface DemoRecords {
    /** The recommendations' ids by number (`4.1.1`). */
    recommendations: Map<string, string>;
  }
}

/**
 * The twelve recommendations of section 4 of the outcomes report, each tied to its paragraph
 * of the final version, to the stakeholder groups and organisations that should act, and to
 * the consensus call; then the final report, published on 10 June 2019. Back-dated, no mail.
 */
export const recommendationsDemo: DemoSeeder = {
  after: ['processes', 'participants', 'documents', 'comments', 'consensus'],
  async seed(ctx) {
    const { db } = ctx;
    const process = ctx.get('process');
    const people = ctx.get('people');
    const report = ctx.get('report');
    const doc = report.documents.en;
    const groupIds = new Map(ctx.get('stakeholderGroups').map((g) => [g.key, g.id]));
    const chair = demoActor(ctx.get('oversight')[0]!, { in: process.id, roles: ['oversight', 'member'] });

    // Tied to their paragraphs of the final version (which the comments' seeder saved) and to the call.
    const anchorOf = await report.anchorFinder('en', (await versionByNumber(db, doc.id, 3))!);
    const recIds = new Map<string, string>();
    for (const [i, r] of RECOMMENDATIONS.entries()) {
      const orgIds = (r.organisations ?? []).map((name) => people.find((p) => p.org === name)?.orgId).filter((x): x is string => !!x);
      const at = new Date(new Date('2019-06-10T12:00:00-04:00').getTime() + i * 60_000);
      ctx.storyAt(at);
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
          document: doc.slug,
          anchor: anchorOf(r.from),
          consensusCallId: ctx.get('consensusCall'),
          stakeholderGroupIds: r.addressees.map((k) => groupIds.get(k)!),
          organisationIds: orgIds,
        },
        { at },
      );
      recIds.set(r.number, made.row.id);
    }
    ctx.storyAt(new Date('2019-06-10T15:00:00-04:00'));
    await publishFinalReport(db, chair, process.id, { document: doc.slug }, { at: new Date('2019-06-10T15:00:00-04:00') });
    ctx.put('recommendations', recIds);
  },
};
