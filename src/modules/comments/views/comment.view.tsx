import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, FieldShell, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { TEXT_LIMITS } from '../comments.schema.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { can } from '../../../platform/auth/policies.js';
import type { Process, StakeholderGroup } from '../../processes/index.js';
import type { CommentReport, CommentRow } from '../comments.repository.js';
import { HIDDEN_REASONS } from '../comments.schema.js';
import { commentPath } from '../comments.service.js';
import type { PeriodDetail } from '../periods.service.js';
import { CommentEntry, PeriodCrumb, type ParagraphMaps } from './parts.js';

/** The moderators' hide form: a reason from the list and an optional note (kept in the audit trail). */
function HideForm({ ctx, action, values, errors }: { ctx: PageCtx; action: string; values: Record<string, string | undefined>; errors: Record<string, string> }) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action={action}>
      <FieldShell name="reason" label={t('comments.fields.reason')} error={errors.reason}>
        {(w) => (
          <select id={w.id} name="reason" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
            {HIDDEN_REASONS.map((r) => (
              <option key={r} value={r} selected={values.reason === r}>
                {t(`comments.reasons.${r}`)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <TextArea name="note" label={t('comments.fields.note')} hint={t('comments.fields.noteHint')} value={values.note} error={errors.note} rows={3} limit={textLimit(t, TEXT_LIMITS.note)} />
      <Submit>{t('comments.hideButton')}</Submit>
    </Form>
  );
}

/**
 * A comment's permalink (receipts resolve here): the comment or its tombstone, a way to
 * report it as sent without consent, and for moderators hide/restore and the reports on it.
 */
export function CommentView(props: {
  ctx: PageCtx;
  process: Process;
  d: PeriodDetail;
  c: CommentRow;
  groups: StakeholderGroup[];
  paragraphs: ParagraphMaps;
  reports: CommentReport[];
  file: { name: string; size: number } | undefined;
  values?: Record<string, string | undefined>;
  errors?: Record<string, string>;
}) {
  const { ctx, process, d, c } = props;
  const { t, lang } = ctx;
  const path = commentPath(process.slug, c.id);
  const moderator = can(ctx.actor, 'comment.moderate', { processId: process.id });
  const title = t('comments.commentTitle', { receipt: c.receipt });
  return (
    <Layout ctx={ctx} title={title}>
      <PeriodCrumb ctx={ctx} slug={process.slug} d={d} current={title} />
      <h1>{title}</h1>
      <CommentEntry ctx={ctx} slug={process.slug} d={d} c={c} groups={props.groups} paragraphs={props.paragraphs} headingLevel={2} permalink={false} />
      {c.status === 'visible' && props.file && (
        <p>
          <a href={localPath(lang, `${path}/file`)}>{t('comments.download', { name: props.file.name })}</a>
        </p>
      )}
      {c.group_size > 1 && c.primary_comment_id !== c.id && (
        <p>
          <a href={localPath(lang, `${path}/duplicates`)}>{t('comments.duplicateOf', { count: c.group_size })}</a>
        </p>
      )}
      {c.status === 'visible' && (
        <p>
          <a href={localPath(lang, `${path}/report`)}>{t('comments.reportLink')}</a>
        </p>
      )}
      {moderator && (
        <section aria-labelledby="moderate-heading">
          <h2 id="moderate-heading">{t('comments.moderateHeading')}</h2>
          <ErrorSummary ctx={ctx} errors={props.errors ?? {}} />
          {c.status === 'visible' ? (
            <HideForm ctx={ctx} action={localPath(lang, `${path}/hide`)} values={props.values ?? {}} errors={props.errors ?? {}} />
          ) : (
            <>
              {c.hidden_note && <p>{t('comments.hiddenNote', { note: c.hidden_note })}</p>}
              <Form ctx={ctx} action={localPath(lang, `${path}/restore`)}>
                <Submit>{t('comments.restoreButton')}</Submit>
              </Form>
            </>
          )}
          {props.reports.length > 0 && (
            <>
              <h3>{t('comments.reportsHeading')}</h3>
              <ul>
                {props.reports.map((r) => (
                  <li key={r.id}>
                    {formatDateTime(lang, r.created_at, d.period.time_zone)} — {t(`comments.reportStatus.${r.status}`)}: {r.statement}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </Layout>
  );
}

/** "This was sent in my name without my consent": a statement for the moderators. */
export function ReportFormView(props: { ctx: PageCtx; process: Process; d: PeriodDetail; c: CommentRow; values?: Record<string, string | undefined>; errors?: Record<string, string> }) {
  const { ctx, process, d, c } = props;
  const { t, lang } = ctx;
  const title = t('comments.reportTitle', { receipt: c.receipt });
  const path = commentPath(process.slug, c.id);
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={title}>
      <PeriodCrumb ctx={ctx} slug={process.slug} d={d} current={title} />
      <h1>{title}</h1>
      <p>{t('comments.reportIntro', { name: c.display_name })}</p>
      <p>
        <a href={localPath(lang, path)}>{t('comments.backToComment')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={localPath(lang, `${path}/report`)} class="form form--wide">
        <TextArea name="statement" label={t('comments.fields.statement')} hint={t('comments.fields.statementHint')} value={props.values?.statement} error={errors.statement} rows={6} limit={textLimit(t, TEXT_LIMITS.statement)} />
        <Submit>{t('comments.reportButton')}</Submit>
      </Form>
    </Layout>
  );
}
