import type { PageCtx } from '../../../platform/web/context.js';
import { BalanceChart } from '../../../platform/web/components/balance-chart.js';
import type { BalanceModel } from '../participants.page-presenter.js';

/**
 * The balance of a process or a working group: a warning naming each stakeholder group that
 * is missing or under its target, then the chart with its table.
 */
export function BalanceSection({ ctx, model, caption, id }: { ctx: PageCtx; model: BalanceModel; caption: string; id: string }) {
  const { t, lang } = ctx;
  return (
    <div class="balance">
      {model.warnings.length > 0 && (
        <div class="warning">
          {model.warnings.map((w) => (
            <p>{w}</p>
          ))}
        </div>
      )}
      <BalanceChart id={id} caption={caption} lang={lang} t={t} rows={model.chart} />
    </div>
  );
}
