import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Form } from '../../../platform/web/components/forms.js';
import { can } from '../../../platform/auth/policies.js';

/**
 * Follow or stop following a process or a working group. Signed-out visitors see nothing;
 * the Atom feed link is beside it for everyone.
 */
export function FollowBox({ ctx, path, mode, label, feed }: { ctx: PageCtx; path: string; mode: 'immediate' | 'digest' | undefined; label: string; feed?: string }) {
  const { t, lang } = ctx;
  return (
    <section class="follow" aria-label={label}>
      {mode ? (
        <Form ctx={ctx} action={localPath(lang, `${path}/unfollow`)} class="inline-form">
          <p>
            {t('follows.following', { mode: t(`follows.${mode}`) })}{' '}
            <button type="submit" class="link-button">
              {t('follows.unfollow')}
            </button>
          </p>
        </Form>
      ) : (
        can(ctx.actor, 'follow.set') && (
          <Form ctx={ctx} action={localPath(lang, `${path}/follow`)} class="follow-form">
            <fieldset>
              <legend>{label}</legend>
              <div class="choice">
                <input type="radio" id={`${path}-immediate`} name="mode" value="immediate" checked />
                <label for={`${path}-immediate`}>{t('follows.modeImmediate')}</label>
              </div>
              <div class="choice">
                <input type="radio" id={`${path}-digest`} name="mode" value="digest" />
                <label for={`${path}-digest`}>{t('follows.modeDigest')}</label>
              </div>
              <button type="submit" class="button">
                {t('follows.follow')}
              </button>
            </fieldset>
          </Form>
        )
      )}
      {feed && (
        <p>
          <a href={feed} type="application/atom+xml">
            {t('follows.feed')}
          </a>
        </p>
      )}
    </section>
  );
}
