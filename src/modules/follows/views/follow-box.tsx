import type { PageCtx } from '../../../platform/web/context.js';
import { Form } from '../../../platform/web/components/forms.js';
import type { FollowBoxModel } from '../follows.page-presenter.js';

/**
 * Follow or stop following a process or a working group. Signed-out visitors see nothing;
 * the Atom feed link is beside it for everyone.
 */
export function FollowBox({ ctx, model: m }: { ctx: PageCtx; model: FollowBoxModel }) {
  const { t } = ctx;
  return (
    <section class="follow" aria-label={m.label}>
      {m.following ? (
        <Form ctx={ctx} action={m.unfollowAction} class="inline-form">
          <p>
            {t('follows.following', { mode: t(`follows.${m.following}`) })}{' '}
            <button type="submit" class="link-button">
              {t('follows.unfollow')}
            </button>
          </p>
        </Form>
      ) : (
        m.followAction && (
          <Form ctx={ctx} action={m.followAction} class="follow-form">
            <fieldset>
              <legend>{m.label}</legend>
              <div class="choice">
                <input type="radio" id={`${m.idPrefix}-immediate`} name="mode" value="immediate" checked />
                <label for={`${m.idPrefix}-immediate`}>{t('follows.modeImmediate')}</label>
              </div>
              <div class="choice">
                <input type="radio" id={`${m.idPrefix}-digest`} name="mode" value="digest" />
                <label for={`${m.idPrefix}-digest`}>{t('follows.modeDigest')}</label>
              </div>
              <button type="submit" class="button">
                {t('follows.follow')}
              </button>
            </fieldset>
          </Form>
        )
      )}
      {m.feed && (
        <p>
          <a href={m.feed} type="application/atom+xml">
            {t('follows.feed')}
          </a>
        </p>
      )}
    </section>
  );
}
