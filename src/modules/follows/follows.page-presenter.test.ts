import { describe, expect, it } from 'vitest';
import { anActor, modelCtx } from '../../../test/helpers/actors.js';
import { followBox } from './follows.page-presenter.js';

const box = (mode: 'immediate' | 'digest' | undefined) => ({ path: '/processes/labels', mode, label: 'Suivre ce processus', feed: '/fr/processes/labels/activity.atom' });

describe('followBox', () => {
  it('offers following to a confirmed account only, in the reader’s language', () => {
    expect(followBox(box(undefined), modelCtx('fr')).followAction).toBeNull();
    expect(followBox(box(undefined), modelCtx('fr', anActor({ confirmed: false }))).followAction).toBeNull();
    expect(followBox(box(undefined), modelCtx('fr', anActor()))).toEqual({
      label: 'Suivre ce processus',
      following: null,
      unfollowAction: '/fr/processes/labels/unfollow',
      followAction: '/fr/processes/labels/follow',
      idPrefix: '/processes/labels',
      feed: '/fr/processes/labels/activity.atom',
    });
  });
  it('offers unfollowing, not following, to a follower', () => {
    const m = followBox(box('digest'), modelCtx('en', anActor()));
    expect([m.following, m.followAction, m.unfollowAction]).toEqual(['digest', null, '/en/processes/labels/unfollow']);
  });
});
