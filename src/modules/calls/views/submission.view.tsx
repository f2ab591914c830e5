import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import { ErrorSummary, Form, Submit, TextArea } from '../../../platform/web/components/forms.js';
import { can } from '../../../platform/auth/policies.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import type { Process } from '../../processes/index.js';
import type { Call, SubmissionRow } from '../calls.repository.js';
import { callPath, submissionPath } from '../calls.presenter.js';
import { LANG_NAMES, StatusBadge, callTitle, formatSize } from './parts.js';

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
        <TextArea name="reason" label={t('calls.fields.reason')} hint={t('calls.fields.reasonHint')} value={values.reason} error={errors.reason} rows={4} />
        <Submit>{t('calls.reject')}</Submit>
      </Form>
    </section>
  );
}

/**
 * One submission. Its status and any reason are shown to those who may see a submission
 * before it is public (its submitter, the moderators); the public only reaches accepted ones.
 */
export function SubmissionView(props: {
  ctx: PageCtx;
  process: Process;
  call: Call;
  row: SubmissionRow;
  values?: Record<string, string | undefined>;
  errors?: Record<string, string>;
}) {
  const { ctx, process, call, row } = props;
  const { t, lang } = ctx;
  const path = submissionPath(process.slug, call.id, row.id);
  const isModerator = can(ctx.actor, 'call.moderate', { processId: process.id });
  return (
    <Layout ctx={ctx} title={row.title}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, callPath(process.slug, call.id)), label: callTitle(lang, call) }]} current={row.title} currentLang={row.lang} />
      <h1 lang={row.lang}>{row.title}</h1>
      <p class="status-line">
        <StatusBadge ctx={ctx} status={row.status} /> {t(`calls.statusLine.${row.status}`)}
      </p>
      {row.status === 'rejected' && row.moderation_reason && (
        <div class="warning">
          <p>{t('calls.rejectedBecause', { reason: row.moderation_reason })}</p>
        </div>
      )}
      <dl class="facts">
        <dt>{t('calls.columns.organisation')}</dt>
        <dd>{row.organisation_label ?? t('calls.noOrganisation')}</dd>
        <dt>{t('calls.fields.lang')}</dt>
        <dd lang={row.lang}>{LANG_NAMES[row.lang]}</dd>
        <dt>{t('calls.columns.received')}</dt>
        <dd>{formatDateTime(lang, row.created_at, process.timezone)}</dd>
        {isModerator && (
          <>
            <dt>{t('calls.columns.submitter')}</dt>
            <dd>{row.submitter_name ?? '—'}</dd>
          </>
        )}
        {row.file_name && (
          <>
            <dt>{t('calls.fields.file')}</dt>
            <dd>
              <a href={localPath(lang, `${path}/file`)}>{t('calls.download', { name: row.file_name, size: formatSize(ctx, row.file_size ?? 0) })}</a>
            </dd>
          </>
        )}
      </dl>
      {row.body && (
        <section aria-labelledby="text-heading" lang={row.lang}>
          <h2 id="text-heading" lang={lang}>
            {t('calls.text')}
          </h2>
          <Markdown source={row.body} />
        </section>
      )}
      {isModerator && <ModerationForms ctx={ctx} action={localPath(lang, `${path}/moderation`)} values={props.values ?? {}} errors={props.errors ?? {}} />}
    </Layout>
  );
}
