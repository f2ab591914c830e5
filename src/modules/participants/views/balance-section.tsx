import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { BalanceChart } from '../../../platform/web/components/balance-chart.js';
import type { BalanceRow } from '../participants.service.js';

/**
 * The balance of a process or a working group: a warning naming each stakeholder group that
 * is missing or under its target, then the chart with its table.
 */
export function BalanceSection({ ctx, rows, caption, id }: { ctx: PageCtx; rows: BalanceRow[]; caption: string; id: string }) {
  const { t, lang } = ctx;
  const name = (r: BalanceRow) => (pick(lang, r, 'name'));
  const missing = rows.filter((r) => r.status === 'missing');
  const below = rows.filter((r) => r.status === 'below');
  return (
    <div class="balance">
      {(missing.length > 0 || below.length > 0) && (
        <div class="warning">
          {missing.length > 0 && <p>{t('participants.balanceMissing', { groups: missing.map(name).join(', ') })}</p>}
          {below.length > 0 && <p>{t('participants.balanceBelow', { groups: below.map(name).join(', ') })}</p>}
        </div>
      )}
      <BalanceChart id={id} caption={caption} lang={lang} t={t} rows={rows.map((r) => ({ key: r.key, label: name(r), count: r.count, targetShare: r.targetShare }))} />
    </div>
  );
}
