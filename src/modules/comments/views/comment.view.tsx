import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, FieldShell, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { TEXT_LIMITS } from '../comments.schema.js';
import type { CommentPageModel, ReportFormPageModel } from '../comments.page-presenter.js';
import { CommentEntry } from './parts.js';

type Values = Record<string, string | undefined>;

/** The moderators' hide form: a reason from the list and an optional note (kept in the audit trail). */
function HideForm(props: { ctx: PageCtx; action: string; reasons: { value: string; label: string }[]; values: Values; errors: Record<string, string> }) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  return (
    <Form ctx={ctx} action={props.action}>
      <FieldShell name="reason" label={t('comments.fields.reason')} error={errors.reason}>
        {(w) => (
          <select id={w.id} name="reason" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
            {props.reasons.map((r) => (
              <option key={r.value} value={r.value} selected={values.reason === r.value}>
                {r.label}
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
export function CommentView(props: { ctx: PageCtx; model: CommentPageModel; values?: Values | undefined; errors?: Record<string, string> | undefined }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const mod = m.moderation;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      <CommentEntry ctx={ctx} c={m.entry} headingLevel={2} permalink={false} />
      {m.download && (
        <p>
          <a href={m.download.path}>{m.download.label}</a>
        </p>
      )}
      {m.duplicateOf && (
        <p>
          <a href={m.duplicateOf.path}>{m.duplicateOf.label}</a>
        </p>
      )}
      {m.reportPath && (
        <p>
          <a href={m.reportPath}>{t('comments.reportLink')}</a>
        </p>
      )}
      {mod && (
        <section aria-labelledby="moderate-heading">
          <h2 id="moderate-heading">{t('comments.moderateHeading')}</h2>
          <p class="arrival">{mod.arrival}</p>
          <ErrorSummary ctx={ctx} errors={props.errors ?? {}} />
          {mod.hidePath && <HideForm ctx={ctx} action={mod.hidePath} reasons={mod.reasons} values={props.values ?? {}} errors={props.errors ?? {}} />}
          {mod.restorePath && (
            <>
              {mod.hiddenNote && <p>{mod.hiddenNote}</p>}
              <Form ctx={ctx} action={mod.restorePath}>
                <Submit>{t('comments.restoreButton')}</Submit>
              </Form>
            </>
          )}
          {mod.reports.length > 0 && (
            <>
              <h3>{t('comments.reportsHeading')}</h3>
              <ul>
                {mod.reports.map((r) => (
                  <li key={r.id}>{r.line}</li>
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
export function ReportFormView(props: { ctx: PageCtx; model: ReportFormPageModel; values?: Values | undefined; errors?: Record<string, string> | undefined }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <p>
        <a href={m.backPath}>{t('comments.backToComment')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={m.action} class="form form--wide">
        <TextArea name="statement" label={t('comments.fields.statement')} hint={t('comments.fields.statementHint')} value={props.values?.statement} error={errors.statement} rows={6} limit={textLimit(t, TEXT_LIMITS.statement)} />
        <Submit>{t('comments.reportButton')}</Submit>
      </Form>
    </Layout>
  );
}
