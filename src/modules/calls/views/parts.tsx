import type { PageCtx } from '../../../platform/web/context.js';
import type { SubmissionStatus } from '../calls.schema.js';
import type { CallStateModel } from '../calls.page-presenter.js';

/** Where a call stands, in words with its dates (never by colour alone). */
export function StateLine({ ctx, state: s }: { ctx: PageCtx; state: CallStateModel }) {
  const { t } = ctx;
  return (
    <p class="status-line">
      <span class="badge">{t(`calls.states.${s.state}`)}</span> {t(`calls.stateLine.${s.state}`, { opens: s.opens, closes: s.closes })}
    </p>
  );
}

/** A submission's status as a badge. */
export function StatusBadge({ ctx, status }: { ctx: PageCtx; status: SubmissionStatus }) {
  return <span class="badge">{ctx.t(`calls.statuses.${status}`)}</span>;
}
