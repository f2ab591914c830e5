import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, FieldShell, Form, Submit } from '../../../platform/web/components/forms.js';
import type { PublishReportPageModel } from '../recommendations.page-presenter.js';

/** The oversight committee's form to publish a document as the final report (or replace it). */
export function PublishReportView(props: { ctx: PageCtx; model: PublishReportPageModel; value?: string | undefined; errors?: Record<string, string> }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const e = props.errors ?? {};
  const title = t('recommendations.report.publishTitle');
  const chosen = props.value ?? m.currentSlug;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.listPath, label: t('recommendations.listTitle') }]} current={title} />
      <h1>{title}</h1>
      <p>{t('recommendations.report.publishIntro')}</p>
      {m.current && (
        <p>
          {t('recommendations.report.publishedOn', { date: m.current.publishedOn })} <a href={m.current.path}>{t('recommendations.report.link')}</a>
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={e} />
      <Form ctx={ctx} action={m.action}>
        <FieldShell name="document" label={t('recommendations.report.document')} hint={t('recommendations.report.documentHint')} error={e.document}>
          {(w) => (
            <select id={w.id} name="document" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
              {m.documents.map((d) => (
                <option key={d.id} value={d.slug} selected={chosen === d.slug} lang={d.lang}>
                  {`${d.title} (${t(`documents.statuses.${d.status}`)}, v${d.versionCount})`}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <Submit>{t('recommendations.report.publish')}</Submit>
      </Form>
    </Layout>
  );
}
