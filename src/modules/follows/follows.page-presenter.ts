import { can } from '../../platform/auth/policies.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';

/**
 * Page presenters: records in, the model a view lays out (in the reader's language, with the
 * `can…` flags the page needs) out.
 */

/** The follow box of a process or a working group. */
export interface FollowBoxModel {
  /** What is followed ("Follow this process"), the box's name and legend. */
  label: string;
  /** Following now: how (the unfollow form is shown); null when not following. */
  following: 'immediate' | 'digest' | null;
  unfollowAction: string;
  /** The follow form, for a confirmed account not following yet; else null (signed-out visitors see nothing). */
  followAction: string | null;
  /** Prefix of the radios' ids: the followed page's path, unique on a page. */
  idPrefix: string;
  /** The Atom feed, when there is one. */
  feed: string | null;
}

/**
 * The box for the page at `path` (without the language): `mode` is how the reader follows it, if they do.
 * @example followBox({ path: '/processes/iot', mode: undefined, label: 'Follow this process' }, ctx)
 */
export function followBox(r: { path: string; mode: 'immediate' | 'digest' | undefined; label: string; feed?: string | undefined }, ctx: ModelCtx): FollowBoxModel {
  return {
    label: r.label,
    following: r.mode ?? null,
    unfollowAction: localPath(ctx.lang, `${r.path}/unfollow`),
    followAction: !r.mode && can(ctx.actor, 'follow.set') ? localPath(ctx.lang, `${r.path}/follow`) : null,
    idPrefix: r.path,
    feed: r.feed ?? null,
  };
}
