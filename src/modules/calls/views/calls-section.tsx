import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { can } from '../../../platform/auth/policies.js';
import type { CallSummary } from '../calls.service.js';
import { callPath } from '../calls.presenter.js';
import { StateLine, callTitle } from './parts.js';

/**
 * The "Calls for input" part of a process page: open calls first, then upcoming, then past
 * ones, each with its dates and how many reports it has published.
 */
export function CallsSection({
  ctx,
  processId,
  processSlug,
  timezone,
  calls,
}: {
  ctx: PageCtx;
  processId: string;
  processSlug: string;
  timezone: string;
  calls: CallSummary[];
}) {
  const { t, lang } = ctx;
  const order = { open: 0, upcoming: 1, closed: 2 } as const;
  const sorted = [...calls].sort((a, b) => order[a.state] - order[b.state]);
  return (
    <div class="calls">
      {sorted.length === 0 ? (
        <p>{t('calls.none')}</p>
      ) : (
        <ul class="cards">
          {sorted.map((s) => (
            <li class="card" key={s.call.id}>
              <h3>
                <a href={localPath(lang, callPath(processSlug, s.call.id))}>{callTitle(lang, s.call)}</a>
              </h3>
              <StateLine ctx={ctx} call={s.call} state={s.state} timezone={timezone} />
              <p class="meta">{t('calls.acceptedCount', { count: s.acceptedCount })}</p>
            </li>
          ))}
        </ul>
      )}
      {can(ctx.actor, 'call.open', { processId }) && (
        <p>
          <a href={localPath(lang, `/processes/${processSlug}/calls/new`)}>{t('calls.open')}</a>
        </p>
      )}
    </div>
  );
}
