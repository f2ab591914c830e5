import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { formatNumber } from '../../../platform/i18n/i18n.js';
import type { Process } from '../../processes/index.js';
import type { ProcessVerifyResult } from '../audit-view.service.js';

/** The server-side verification's result: the chain holds, or its first broken link. */
export function AuditVerifyView(props: { ctx: PageCtx; process: Process; result: ProcessVerifyResult }) {
  const { ctx, process, result: r } = props;
  const { t, lang } = ctx;
  const title = t('audit.verifyResultTitle');
  const n = (x: number) => formatNumber(lang, x);
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, `/processes/${process.slug}/audit`), label: t('audit.title') }]} current={title} />
      <h1>{title}</h1>
      {r.ok ? (
        <div class="notice" role="status">
          <p>
            <strong>{t('audit.result.chainOk', { count: r.count, n: n(r.count) })}</strong>
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
            <strong>{t('audit.result.broken', { seq: r.brokenAt, reason: t(`audit.reasons.${r.reason}`) })}</strong>
          </p>
          <p>{t('audit.result.before', { count: r.count, n: n(r.count) })}</p>
        </div>
      )}
      <p>
        {t('audit.result.cli')} <code>{`concord audit verify --process ${process.slug}`}</code>
      </p>
    </Layout>
  );
}
