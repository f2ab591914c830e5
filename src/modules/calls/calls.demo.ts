import type { DemoSeeder } from '../../platform/demo/seeders.js';
import { demoActor, frenchTypography } from '../../platform/demo/kit.js';
import { getCall, moderate, openCall, submit } from './calls.service.js';
import { DEMO_CALL } from './calls.demo.texts.js';

/** The demo's call for input (November 2018 – February 2019) and the three reports it accepted. */
export const callsDemo: DemoSeeder = {
  after: ['participants'],
  async seed(ctx) {
    const { db, admin, baseUrl } = ctx;
    const process = ctx.get('process');
    const people = ctx.get('people');
    ctx.storyAt(new Date(DEMO_CALL.opensAt));
    const call = await openCall(db, admin, process.id, DEMO_CALL, baseUrl);
    for (const r of DEMO_CALL.reports) {
      // Sent by someone who represents the organisation.
      const author = people.find((p) => p.org === r.organisation) ?? people[0]!;
      ctx.storyAt(new Date(r.at));
      const submission = await submit(db, demoActor(author.user), process, call.id, { title: r.lang === 'fr' ? frenchTypography(r.title) : r.title, lang: r.lang, organisationName: r.organisation, text: r.lang === 'fr' ? frenchTypography(r.text) : r.text }, undefined, { now: new Date(r.at) });
      const acceptedAt = new Date(new Date(r.at).getTime() + 2 * 86_400_000);
      ctx.storyAt(acceptedAt);
      await moderate(db, admin, process, await getCall(db, process.id, call.id), submission.id, { decision: 'accept', reason: '' }, baseUrl, { at: acceptedAt });
    }
  },
};
