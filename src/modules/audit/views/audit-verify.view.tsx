import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { AuditVerifyPageModel } from '../audit.page-presenter.js';

/** The server-side verification's result: the chain holds, or its first broken link. */
export function AuditVerifyView(props: { ctx: PageCtx; model: AuditVerifyPageModel }) {
  const { ctx, model } = props;
  const { t } = ctx;
  const r = model.result;
  return (
    <Layout ctx={ctx} title={model.title}>
      <Breadcrumb ctx={ctx} trail={[model.auditCrumb]} current={model.title} />
      <h1>{model.title}</h1>
      {r.ok ? (
        <div class="notice" role="status">
          <p>
            <strong>{r.summary}</strong>
          </p>
          <dl class="facts">
            <dt>{t('audit.result.headSeq')}</dt>
            <dd>{r.headSeq}</dd>
            <dt>{t('audit.result.head')}</dt>
            <dd>
              <code>{r.head}</code>
            </dd>
          </dl>
        </div>
      ) : (
        <div class="notice notice--warning" role="alert">
          <p>
            <strong>{r.broken}</strong>
          </p>
          <p>{r.before}</p>
        </div>
      )}
      <p>
        {t('audit.result.cli')} <code>{model.cliCommand}</code>
      </p>
    </Layout>
  );
}
