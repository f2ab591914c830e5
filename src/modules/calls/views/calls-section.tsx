import type { PageCtx } from '../../../platform/web/context.js';
import type { CallsSectionModel } from '../calls.page-presenter.js';
import { StateLine } from './parts.js';

/**
 * The "Calls for input" part of a process page: open calls first, then upcoming, then past
 * ones, each with its dates and how many reports it has published.
 */
export function CallsSection({ ctx, model }: { ctx: PageCtx; model: CallsSectionModel }) {
  const { t } = ctx;
  return (
    <div class="calls">
      {model.calls.length === 0 ? (
        <p>{t('calls.none')}</p>
      ) : (
        <ul class="cards">
          {model.calls.map((c) => (
            <li class="card" key={c.id}>
              <h3>
                <a href={c.path}>{c.title}</a>
              </h3>
              <StateLine ctx={ctx} state={c.state} />
              <p class="meta">{t('calls.acceptedCount', { count: c.acceptedCount })}</p>
            </li>
          ))}
        </ul>
      )}
      {model.openPath !== null && (
        <p>
          <a href={model.openPath}>{t('calls.open')}</a>
        </p>
      )}
    </div>
  );
}
