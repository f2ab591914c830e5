import type { PageCtx } from '../../../platform/web/context.js';
import type { VerifyBoxModel } from '../audit.page-presenter.js';

/**
 * The Verify form. Without JavaScript it GETs the server-side check; audit-verify.js takes
 * over its submit to recompute the chain in the browser, reading its messages from data-*
 * attributes (already in the page's language) and writing the result in the live region.
 */
export function VerifyBox(props: { ctx: PageCtx; model: VerifyBoxModel }) {
  const { t } = props.ctx;
  const reason = (r: string) => t(`audit.reasons.${r}`);
  return (
    <section
      id="audit-verify"
      aria-labelledby="audit-verify-title"
      class="card"
      data-chain-url="/api/v1/audit/chain"
      data-chain={props.model.chain}
      data-process-id={props.model.processId}
      data-msg-working={t('audit.js.working')}
      data-msg-progress={t('audit.js.progress')}
      data-msg-ok={t('audit.js.ok')}
      data-msg-broken={t('audit.js.broken')}
      data-msg-failed={t('audit.js.failed')}
      data-reason_hash_mismatch={reason('hash_mismatch')}
      data-reason_broken_link={reason('broken_link')}
      data-reason_gap={reason('gap')}
    >
      <h2 id="audit-verify-title">{t('audit.verifyTitle')}</h2>
      <p>{t('audit.verifyIntro')}</p>
      <form method="get" action={props.model.action}>
        <button type="submit" class="button">
          {t('audit.verify')}
        </button>
      </form>
      <p id="audit-verify-status" role="status" aria-live="polite"></p>
      <script type="module" src="/static/audit-verify.js" />
    </section>
  );
}
