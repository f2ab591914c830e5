import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import type { StatusPageModel } from '../health.page-presenter.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** The service status for people: one sentence on the whole, then each part in words. */
export function StatusView({ ctx, model: m }: { ctx: PageCtx; model: StatusPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('status.title')}>
      <h1>{t('status.title')}</h1>
      <p class={m.allWell ? 'notice' : 'notice notice--warning'} role="status">
        <strong>{m.allWell ? t('status.allWell') : t('status.trouble')}</strong>
      </p>
      <ScrollTable label={t('status.title')}>
        <thead>
          <tr>
            <th scope="col">{t('status.part')}</th>
            <th scope="col">{t('status.state')}</th>
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>
                <strong>{t(`status.states.${r.state}`)}</strong> — {r.detail}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <p class="meta">{t('status.checkedAt', { time: m.checkedAt })}</p>
      <p class="meta">{t('status.machine')}</p>
    </Layout>
  );
}
