import type { Lang } from '../../../platform/i18n/i18n.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, FieldShell, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { TEXT_LIMITS } from '../consensus.schema.js';
import { APPEAL_ANSWERS, OUTCOMES } from '../consensus.schema.js';
import type { AnswerFormPageModel, AppealFormPageModel, OutcomeFormPageModel } from '../consensus.page-presenter.js';

type Values = Record<string, string | undefined>;

/** Radios for one choice; the first radio carries the field's id so the error summary can link to it. */
function Radios(props: { name: string; legend: string; choices: readonly { value: string; label: string }[]; value: string | undefined; error: string | undefined }) {
  return (
    <fieldset class={props.error ? 'field field--error' : 'field'}>
      <legend>{props.legend}</legend>
      {props.error && <p class="field-error">{props.error}</p>}
      {props.choices.map((c, i) => {
        const id = i === 0 ? `field-${props.name}` : `field-${props.name}-${c.value}`;
        return (
          <div class="choice" key={c.value}>
            <input type="radio" id={id} name={props.name} value={c.value} checked={props.value === c.value} />
            <label for={id}>{c.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A select of the call's options, or none. */
function OptionSelect(props: { ctx: PageCtx; name: string; options: { id: string; label: string }[]; value: string | undefined; error: string | undefined }) {
  const { t } = props.ctx;
  return (
    <FieldShell name={props.name} label={t('consensus.outcome.option')} hint={t('consensus.outcome.optionHint')} error={props.error}>
      {(w) => (
        <select id={w.id} name={props.name} aria-invalid={w.invalid} aria-describedby={w.describedBy}>
          <option value="">{t('consensus.outcome.noOption')}</option>
          {props.options.map((o) => (
            <option key={o.id} value={o.id} selected={props.value === o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** The language a text is written in (the page's by default). */
function LangSelect(props: { ctx: PageCtx; value: string | undefined; defaultLang: Lang; hint?: string }) {
  const { t } = props.ctx;
  return (
    <FieldShell name="lang" label={t('consensus.form.textLang')} hint={props.hint}>
      {(w) => (
        <select id={w.id} name="lang">
          {(['en', 'fr'] as const).map((l) => (
            <option key={l} value={l} selected={(props.value ?? props.defaultLang) === l}>
              {t(`consensus.langs.${l}`)}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

const outcomeChoices = (ctx: PageCtx) => OUTCOMES.map((o) => ({ value: o, label: ctx.t(`consensus.outcomes.${o}`) }));

/** The chair's form: the outcome, its rationale, and an answer to every current objection. */
export function OutcomeFormView(props: { ctx: PageCtx; model: OutcomeFormPageModel; values: Values; errors?: Record<string, string> | undefined }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const v = props.values;
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('consensus.outcome.formTitle')}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.callPath, label: m.question }]} current={t('consensus.outcome.formTitle')} />
      <h1>{t('consensus.outcome.formTitle')}</h1>
      <p>{t('consensus.outcome.formIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={m.action} class="form form--wide">
        <Radios name="outcome" legend={t('consensus.outcome.legend')} choices={outcomeChoices(ctx)} value={v.outcome} error={errors.outcome} />
        <OptionSelect ctx={ctx} name="optionId" options={m.options} value={v.optionId} error={errors.optionId} />
        <TextArea name="rationale" label={t('consensus.outcome.rationale')} value={v.rationale} error={errors.rationale} limit={textLimit(t, TEXT_LIMITS.decision)} />
        <LangSelect ctx={ctx} value={v.lang} defaultLang={m.defaultLang} hint={t('consensus.outcome.textLangHint')} />
        <TextArea
          name="rationaleTranslation"
          label={t('consensus.outcome.rationaleTranslation')}
          hint={t('consensus.outcome.rationaleTranslationHint')}
          value={v.rationaleTranslation}
          error={errors.rationaleTranslation}
          limit={textLimit(t, TEXT_LIMITS.decision)}
        />
        <h2>{t('consensus.outcome.answers')}</h2>
        {m.objections.length === 0 ? (
          <p>{t('consensus.outcome.noObjections')}</p>
        ) : (
          m.objections.map((o) => (
            <div key={o.id} class="objection">
              <p>
                <strong>{t('consensus.outcome.objectionOn', { name: o.name, option: o.option })}</strong>
              </p>
              <blockquote>
                <p>{o.reason}</p>
              </blockquote>
              <TextArea name={o.field} label={t('consensus.outcome.answerTo', { name: o.name })} value={v[o.field]} error={errors[o.field]} rows={4} limit={textLimit(t, TEXT_LIMITS.reason)} />
              <TextArea
                name={o.translationField}
                label={t('consensus.outcome.answerTranslation', { name: o.name })}
                value={v[o.translationField]}
                error={errors[o.translationField]}
                rows={4}
                limit={textLimit(t, TEXT_LIMITS.reason)}
              />
            </div>
          ))
        )}
        <Submit>{t('consensus.outcome.submit')}</Submit>
      </Form>
    </Layout>
  );
}

/** An objector's appeal to the oversight committee. */
export function AppealFormView(props: { ctx: PageCtx; model: AppealFormPageModel; values: Values; errors?: Record<string, string> | undefined }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('consensus.appeal.formTitle')}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.callPath, label: m.question }]} current={t('consensus.appeal.formTitle')} />
      <h1>{t('consensus.appeal.formTitle')}</h1>
      <p>{t('consensus.appeal.formIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={m.action} class="form form--wide">
        <TextArea name="grounds" label={t('consensus.appeal.grounds')} value={props.values.grounds} error={errors.grounds} limit={textLimit(t, TEXT_LIMITS.decision)} />
        <LangSelect ctx={ctx} value={props.values.lang} defaultLang={m.defaultLang} />
        <Submit>{t('consensus.appeal.submit')}</Submit>
      </Form>
    </Layout>
  );
}

/** The oversight committee's answer to an appeal, with a replacement outcome when upheld. */
export function AnswerFormView(props: { ctx: PageCtx; model: AnswerFormPageModel; values: Values; errors?: Record<string, string> | undefined }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const { appeal } = m;
  const v = props.values;
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('consensus.answer.formTitle')}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.callPath, label: m.question }]} current={t('consensus.answer.formTitle')} />
      <h1>{t('consensus.answer.formTitle')}</h1>
      <p>
        <strong>{t('consensus.answer.appealBy', { name: appeal.appellant })}</strong>
      </p>
      <blockquote lang={appeal.lang}>
        <p>{appeal.grounds}</p>
      </blockquote>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={m.action} class="form form--wide">
        <Radios name="status" legend={t('consensus.answer.legend')} choices={APPEAL_ANSWERS.map((s) => ({ value: s, label: t(`consensus.appealStatus.${s}`) }))} value={v.status} error={errors.status} />
        <TextArea name="answer" label={t('consensus.answer.answer')} value={v.answer} error={errors.answer} limit={textLimit(t, TEXT_LIMITS.decision)} />
        <LangSelect ctx={ctx} value={v.lang} defaultLang={m.defaultLang} />
        <fieldset class="field">
          <legend>{t('consensus.answer.changeLegend')}</legend>
          <p class="hint">{t('consensus.answer.changeHint')}</p>
          <Radios
            name="changedOutcome.outcome"
            legend={t('consensus.answer.newOutcome')}
            choices={[{ value: '', label: t('consensus.answer.keep') }, ...outcomeChoices(ctx)]}
            value={v['changedOutcome.outcome'] ?? ''}
            error={errors['changedOutcome.outcome']}
          />
          <OptionSelect ctx={ctx} name="changedOutcome.optionId" options={m.options} value={v['changedOutcome.optionId']} error={errors['changedOutcome.optionId']} />
          <TextArea name="changedOutcome.rationale" label={t('consensus.answer.newRationale')} value={v['changedOutcome.rationale']} error={errors['changedOutcome.rationale']} rows={4} limit={textLimit(t, TEXT_LIMITS.decision)} />
          <TextArea
            name="changedOutcome.rationaleTranslation"
            label={t('consensus.answer.newRationaleTranslation')}
            hint={t('consensus.answer.newRationaleTranslationHint')}
            value={v['changedOutcome.rationaleTranslation']}
            error={errors['changedOutcome.rationaleTranslation']}
            rows={4}
            limit={textLimit(t, TEXT_LIMITS.decision)}
          />
        </fieldset>
        <Submit>{t('consensus.answer.submit')}</Submit>
      </Form>
    </Layout>
  );
}
