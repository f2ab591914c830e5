import type { PageCtx } from '../../../platform/web/context.js';
import type { DeadlineModel, TargetModel } from '../consensus.page-presenter.js';

/** Where a call stands: its deadline with the time left, or that it is closed. */
export function DeadlineLine({ ctx, deadline: d }: { ctx: PageCtx; deadline: DeadlineModel }) {
  const { t } = ctx;
  if (d.state === 'closed') return <p class="meta">{t('consensus.state.closed', { deadline: d.deadline })}</p>;
  if (d.state === 'pastDeadline') return <p class="meta">{t('consensus.state.pastDeadline', { deadline: d.deadline })}</p>;
  return (
    <p class="meta">
      {t('consensus.state.open', { deadline: d.deadline, zone: d.zone })} <strong>{t('consensus.state.left', { left: d.left })}</strong>
    </p>
  );
}

/** The call's target as a link: a document version (and section), or a recommendation. */
export function TargetLink({ ctx, target }: { ctx: PageCtx; target: TargetModel }) {
  const { t } = ctx;
  if (target.membersOnly) {
    return (
      <p>
        {t('consensus.target.on')} {t('consensus.target.membersOnly')}
      </p>
    );
  }
  return (
    <p>
      {t('consensus.target.on')} {target.path ? <a href={target.path}>{target.text}</a> : target.text}
    </p>
  );
}
