import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, Field, FieldShell, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { TEXT_LIMITS } from '../accountability.schema.js';
import { STATUSES } from '../accountability.schema.js';

/** What a form shows: what was typed, or the record as it is. */
export type FormValues = Record<string, string | undefined>;
type Back = { href: string; label: string };
type Common = { ctx: PageCtx; title: string; action: string; back: Back; values: FormValues; errors?: Record<string, string> | undefined };

/** A labelled select with its error tied to it. */
function Select(props: { name: string; label: string; hint?: string; value: string | undefined; options: { value: string; label: string }[]; error?: string | undefined }) {
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(w) => (
        <select id={w.id} name={props.name} aria-invalid={w.invalid} aria-describedby={w.describedBy}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value} selected={props.value === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** The frame of every accountability form: breadcrumb, title, error summary, the form. */
function Frame(props: Common & { intro?: string; children: ComponentChildren; submit: string }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title}>
      <Breadcrumb ctx={ctx} trail={[{ href: props.back.href, label: props.back.label }]} current={props.title} />
      <h1>{props.title}</h1>
      {props.intro && <p>{props.intro}</p>}
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} />
      <Form ctx={ctx} action={props.action} class="form form--wide">
        {props.children}
        <Submit>{props.submit}</Submit>
      </Form>
    </Layout>
  );
}

/** Create or edit an action: titles, owner organisation, contact, due date, measure of done. */
export function ActionFormView(props: Common & { organisations: { id: string; name: string }[]; people: { id: string; label: string }[] }) {
  const { t } = props.ctx;
  const v = props.values;
  const e = props.errors ?? {};
  return (
    <Frame {...props} submit={t('accountability.saveAction')}>
      <input type="hidden" name="recommendationId" value={v.recommendationId} />
      <Field name="titleEn" label={t('accountability.fields.titleEn')} value={v.titleEn} error={e.titleEn} required />
      <Field name="titleFr" label={t('accountability.fields.titleFr')} value={v.titleFr} error={e.titleFr} required />
      <Select
        name="ownerOrganisationId"
        label={t('accountability.fields.owner')}
        value={v.ownerOrganisationId}
        error={e.ownerOrganisationId}
        options={[{ value: '', label: t('accountability.choose') }, ...props.organisations.map((o) => ({ value: o.id, label: o.name }))]}
      />
      <Select
        name="contactUserId"
        label={t('accountability.fields.contact')}
        hint={t('accountability.fields.contactHint')}
        value={v.contactUserId}
        error={e.contactUserId}
        options={[{ value: '', label: t('accountability.noContact') }, ...props.people.map((p) => ({ value: p.id, label: p.label }))]}
      />
      <Field name="dueOn" type="date" label={t('accountability.fields.dueOn')} hint={t('accountability.fields.dueHint')} value={v.dueOn} error={e.dueOn} required />
      <TextArea name="measureEn" label={t('accountability.fields.measureEn')} value={v.measureEn} error={e.measureEn} rows={3} limit={textLimit(t, TEXT_LIMITS.measure)} />
      <TextArea name="measureFr" label={t('accountability.fields.measureFr')} value={v.measureFr} error={e.measureFr} rows={3} limit={textLimit(t, TEXT_LIMITS.measure)} />
    </Frame>
  );
}

/** Pledge, for the organisation the signer represents. */
export function PledgeFormView(props: Common & { organisation: string }) {
  const { t } = props.ctx;
  const v = props.values;
  const e = props.errors ?? {};
  return (
    <Frame {...props} intro={t('accountability.pledgeIntro', { name: props.organisation })} submit={t('accountability.signPledge')}>
      <input type="hidden" name="recommendationId" value={v.recommendationId} />
      <TextArea name="text" label={t('accountability.fields.pledgeText')} value={v.text} error={e.text} rows={5} limit={textLimit(t, TEXT_LIMITS.pledge)} />
      <Select name="lang" label={t('accountability.fields.lang')} value={v.lang ?? props.ctx.lang} error={e.lang} options={[{ value: 'en', label: t('accountability.langs.en') }, { value: 'fr', label: t('accountability.langs.fr') }]} />
      <Field name="dueOn" type="date" label={t('accountability.fields.pledgeDue')} hint={t('accountability.fields.optional')} value={v.dueOn} error={e.dueOn} />
    </Frame>
  );
}

/** Post a progress report: status, what happened, why (for at risk, late and dropped), evidence links. */
export function ProgressFormView(props: Common & { about: string }) {
  const { t } = props.ctx;
  const v = props.values;
  const e = props.errors ?? {};
  return (
    <Frame {...props} intro={t('accountability.progressIntro', { about: props.about })} submit={t('accountability.postReport')}>
      <Select name="status" label={t('accountability.fields.status')} value={v.status} error={e.status} options={STATUSES.map((s) => ({ value: s, label: t(`accountability.status.${s}`) }))} />
      <TextArea name="body" label={t('accountability.fields.body')} value={v.body} error={e.body} rows={5} limit={textLimit(t, TEXT_LIMITS.body)} />
      <TextArea name="reason" label={t('accountability.fields.reason')} hint={t('accountability.fields.reasonHint')} value={v.reason} error={e.reason} rows={3} limit={textLimit(t, TEXT_LIMITS.reason)} />
      <TextArea name="evidenceUrls" label={t('accountability.fields.evidence')} hint={t('accountability.fields.evidenceHint')} value={v.evidenceUrls} error={e.evidenceUrls} rows={3} />
      <Select name="lang" label={t('accountability.fields.lang')} value={v.lang ?? props.ctx.lang} error={e.lang} options={[{ value: 'en', label: t('accountability.langs.en') }, { value: 'fr', label: t('accountability.langs.fr') }]} />
    </Frame>
  );
}
