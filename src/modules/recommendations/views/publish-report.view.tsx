import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, FieldShell, Form, Submit } from '../../../platform/web/components/forms.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import type { Process } from '../../processes/index.js';
import type { DocumentRow } from '../../documents/index.js';
import type { FinalReportRow } from '../recommendations.repository.js';
import { finalReportPath } from '../final-report.service.js';
import { recommendationPath } from '../recommendations.service.js';

/** The oversight committee's form to publish a document as the final report (or replace it). */
export function PublishReportView(props: {
  ctx: PageCtx;
  process: Process;
  documents: DocumentRow[];
  current: FinalReportRow | undefined;
  value?: string | undefined;
  errors?: Record<string, string>;
}) {
  const { ctx, process, current } = props;
  const { t, lang } = ctx;
  const e = props.errors ?? {};
  const title = t('recommendations.report.publishTitle');
  const chosen = props.value ?? props.documents.find((d) => d.id === current?.document_id)?.slug;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, recommendationPath(process.slug)), label: t('recommendations.listTitle') }]} current={title} />
      <h1>{title}</h1>
      <p>{t('recommendations.report.publishIntro')}</p>
      {current && (
        <p>
          {t('recommendations.report.publishedOn', { date: formatDate(lang, current.published_at, process.timezone) })}{' '}
          <a href={localPath(lang, finalReportPath(process.slug))}>{t('recommendations.report.link')}</a>
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={e} />
      <Form ctx={ctx} action={localPath(lang, finalReportPath(process.slug, '/publish'))}>
        <FieldShell name="document" label={t('recommendations.report.document')} hint={t('recommendations.report.documentHint')} error={e.document}>
          {(w) => (
            <select id={w.id} name="document" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
              {props.documents.map((d) => (
                <option key={d.id} value={d.slug} selected={chosen === d.slug} lang={d.lang}>
                  {`${d.title} (${t(`documents.statuses.${d.status}`)}, v${d.version_count})`}
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
