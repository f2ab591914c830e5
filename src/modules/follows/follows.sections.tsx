import type { ProcessSectionInput } from '../processes/index.js';
import { localPath } from '../../platform/web/context.js';
import { followOf } from './follows.service.js';
import { FollowBox } from './views/follow-box.js';
import { followBox } from './follows.page-presenter.js';

/** The process page's follow button and Atom feed link. */
export async function processFollowSection({ db, ctx, process }: ProcessSectionInput) {
  const mode = ctx.actor ? (await followOf(db, ctx.actor.userId, { processId: process.id, groupId: null }))?.mode : undefined;
  return (
    <FollowBox
      ctx={ctx}
      model={followBox({ path: `/processes/${process.slug}`, mode, label: ctx.t('follows.followProcess'), feed: localPath(ctx.lang, `/processes/${process.slug}/activity.atom`) }, ctx)}
    />
  );
}
