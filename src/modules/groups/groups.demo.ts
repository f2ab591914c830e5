import type { User } from '../../platform/db/schema.js';
import type { DemoSeeder } from '../../platform/demo/seeders.js';
import { demoActor, frenchTypography } from '../../platform/demo/kit.js';
import { grantRole } from '../accounts/index.js';
import { createGroup, joinGroup, postAnnouncement } from './groups.service.js';
import { ANNOUNCEMENTS, GROUPS } from './groups.demo.texts.js';

declare module '../../platform/demo/seeders.js' {
  interface DemoRecords {
    /** The working groups' ids by slug (`network-resilience`, `device-labelling`, `consumer-education`). */
    workingGroups: Map<string, string>;
  }
}

/**
 * The demo's three working groups: each representative joins one or two (drawn from the
 * story's random sequence, as self-selection goes), two chairs per group, the announcements,
 * and the demo member in consumer education.
 */
export const groupsDemo: DemoSeeder = {
  after: ['participants'],
  async seed(ctx) {
    const { db, admin, rand } = ctx;
    const process = ctx.get('process');
    const people = ctx.get('people');
    const groupIds = new Map<string, string>();
    const memberActor = (u: User) => demoActor(u, { in: process.id, roles: ['member'] });
    for (const [gi, g] of GROUPS.entries()) {
      // The working groups phase opens on 1 October 2018.
      ctx.storyAt(new Date(`2018-10-0${gi + 1}T10:00:00-04:00`));
      const group = await createGroup(db, admin, process.id, { ...g, charterFr: frenchTypography(g.charterFr), status: 'active' });
      groupIds.set(g.slug, group.id);
      // Groups draw different shares of the participants, as self-selection does.
      const share = [0.42, 0.33, 0.27][gi]!;
      const members = people.filter(() => rand() < share);
      for (const p of members) await joinGroup(db, memberActor(p.user), group);
      for (const chair of [members[0], members[Math.floor(members.length / 2)]]) {
        if (chair) await grantRole(db, { userId: chair.user.id, role: 'chair', processId: process.id, groupId: group.id, grantedBy: admin.userId });
      }
      for (const a of ANNOUNCEMENTS[g.slug] ?? []) await postAnnouncement(db, memberActor(members[0]!.user), group, a);
      if (g.slug === 'consumer-education') await joinGroup(db, memberActor(ctx.member), group);
    }
    ctx.put('workingGroups', groupIds);
  },
};
