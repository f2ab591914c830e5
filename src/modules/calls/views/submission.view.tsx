import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import { ErrorSummary, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { TEXT_LIMITS } from '../calls.schema.js';
import type { SubmissionPageModel } from '../calls.page-presenter.js';
import { StatusBadge } from './parts.js';

/** A moderator's two choices: publish, or reject with a reason the submitter is told. */
function ModerationForms({
  ctx,
  action,
  values,
  errors,
}: {
  ctx: PageCtx;
  action: string;
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="moderate-heading">
      <h2 id="moderate-heading">{t('calls.moderate')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action}>
        <input type="hidden" name="decision" value="accept" />
        <Submit>{t('calls.accept')}</Submit>
      </Form>
      <Form ctx={ctx} action={action}>
        <input type="hidden" name="decision" value="reject" />
        <TextArea name="reason" label={t('calls.fields.reason')} hint={t('calls.fields.reasonHint')} value={values.reason} error={errors.reason} rows={4} limit={textLimit(t, TEXT_LIMITS.reason)} />
        <Submit>{t('calls.reject')}</Submit>
      </Form>
    </section>
  );
}

/**
 * One submission. Its status and any reason are shown to those who may see a submission
 * before it is public (its submitter, the moderators); the public only reaches accepted ones.
 */
export function SubmissionView(props: { ctx: PageCtx; model: SubmissionPageModel; values?: Record<string, string | undefined>; errors?: Record<string, string> }) {
  const { ctx, model: m } = props;
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.callPath, label: m.callTitle }]} current={m.title} currentLang={m.lang} />
      <h1 lang={m.lang}>{m.title}</h1>
      <p class="status-line">
        <StatusBadge ctx={ctx} status={m.status} /> {t(`calls.statusLine.${m.status}`)}
      </p>
      {m.rejectedBecause !== null && (
        <div class="warning">
          <p>{t('calls.rejectedBecause', { reason: m.rejectedBecause })}</p>
        </div>
      )}
      <dl class="facts">
        <dt>{t('calls.columns.organisation')}</dt>
        <dd>{m.organisation ?? t('calls.noOrganisation')}</dd>
        <dt>{t('calls.fields.lang')}</dt>
        <dd lang={m.lang}>{m.langName}</dd>
        <dt>{t('calls.columns.received')}</dt>
        <dd>{m.received}</dd>
        {m.submitter !== null && (
          <>
            <dt>{t('calls.columns.submitter')}</dt>
            <dd>{m.submitter}</dd>
          </>
        )}
        {m.file && (
          <>
            <dt>{t('calls.fields.file')}</dt>
            <dd>
              <a href={m.file.path}>{t('calls.download', { name: m.file.name, size: m.file.size })}</a>
            </dd>
          </>
        )}
      </dl>
      {m.body && (
        <section aria-labelledby="text-heading" lang={m.lang}>
          <h2 id="text-heading" lang={lang}>
            {t('calls.text')}
          </h2>
          <Markdown source={m.body} />
        </section>
      )}
      {m.moderationAction !== null && <ModerationForms ctx={ctx} action={m.moderationAction} values={props.values ?? {}} errors={props.errors ?? {}} />}
    </Layout>
  );
}
