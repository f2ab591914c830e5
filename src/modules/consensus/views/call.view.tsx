import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, FieldShell, Form, Submit, textLimit } from '../../../platform/web/components/forms.js';
import { STANCES, TEXT_LIMITS } from '../consensus.schema.js';
import type { CallPageModel, PositionFormModel } from '../consensus.page-presenter.js';
import { ResultsChart } from './results-chart.js';
import { DeadlineLine, TargetLink } from './parts.js';
import { Appeals, History, Outcomes } from './record.js';

/** The position form of one option: a stance (radios) and a reason (required to object). */
function PositionForm({ ctx, action, form: f }: { ctx: PageCtx; action: string; form: PositionFormModel }) {
  const { t } = ctx;
  const stanceKey = `stance-${f.optionId}`;
  const reasonKey = `reason-${f.optionId}`;
  const limit = textLimit(t, TEXT_LIMITS.reason);
  return (
    <Form ctx={ctx} action={action} class="form">
      <input type="hidden" name="optionId" value={f.optionId} />
      <fieldset class={f.errors[stanceKey] ? 'field field--error' : 'field'}>
        <legend>{t('consensus.position.legend', { option: f.label })}</legend>
        {f.current && <p class="hint">{t('consensus.position.current', { stance: t(`consensus.stances.${f.current}`) })}</p>}
        {f.errors[stanceKey] && <p class="field-error">{f.errors[stanceKey]}</p>}
        {STANCES.map((s, i) => {
          const id = i === 0 ? `field-${stanceKey}` : `field-${stanceKey}-${s}`;
          return (
            <div class="choice" key={s}>
              <input type="radio" id={id} name="stance" value={s} checked={f.stance === s} />
              <label for={id}>{t(`consensus.stances.${s}`)}</label>
            </div>
          );
        })}
      </fieldset>
      <FieldShell name={reasonKey} label={t('consensus.position.reason')} hint={`${t('consensus.position.reasonHint')} ${limit.hint}`} error={f.errors[reasonKey]}>
        {(w) => (
          <textarea id={w.id} name="reason" rows={4} maxLength={limit.max} aria-invalid={w.invalid} aria-describedby={w.describedBy}>
            {f.reason}
          </textarea>
        )}
      </FieldShell>
      <Submit>{f.current ? t('consensus.position.change') : t('consensus.position.submit')}</Submit>
    </Form>
  );
}

/**
 * A call's public page: question, target, options, deadline, results by stakeholder group
 * (chart and table per option), the viewer's position forms, the outcome with its answers to
 * objections, appeals, and the history of positions.
 */
export function CallView({ ctx, model: m }: { ctx: PageCtx; model: CallPageModel }) {
  const { t, lang } = ctx;
  const position = m.position;
  return (
    <Layout ctx={ctx} title={m.question}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.listPath, label: t('consensus.listTitle') }]} current={m.question} />
      <h1>{m.question}</h1>
      <TargetLink ctx={ctx} target={m.target} />
      <DeadlineLine ctx={ctx} deadline={m.deadline} />
      <p class="meta">{t('consensus.appealDays', { count: m.appealDays })}</p>
      <h2>{t('consensus.optionsTitle')}</h2>
      <ol>
        {m.options.map((o) => (
          <li key={o.id}>{o.label}</li>
        ))}
      </ol>

      <section aria-labelledby="results">
        <h2 id="results">{t('consensus.results.title')}</h2>
        <p>{t(m.ofGroup ? 'consensus.results.introGroup' : 'consensus.results.introProcess')}</p>
        {m.results.map((r) => (
          <ResultsChart key={r.id} id={r.id} caption={t('consensus.results.caption', { option: r.option })} lang={lang} t={t} results={r.results} />
        ))}
      </section>

      {position?.kind === 'forms' && (
        <section aria-labelledby="your-position">
          <h2 id="your-position">{t('consensus.position.title')}</h2>
          <ErrorSummary ctx={ctx} errors={position.errors} />
          {position.forms.map((f) => (
            <PositionForm key={f.optionId} ctx={ctx} action={position.action} form={f} />
          ))}
        </section>
      )}
      {position && position.kind !== 'forms' && <p>{t(position.kind === 'notEligible' ? 'consensus.position.notEligible' : 'consensus.position.signIn')}</p>}

      <section aria-labelledby="outcome">
        <h2 id="outcome">{t('consensus.outcome.title')}</h2>
        <Outcomes ctx={ctx} outcomes={m.outcomes} />
        {m.recordOutcomePath && (
          <p>
            <a href={m.recordOutcomePath}>{t('consensus.outcome.recordLink')}</a>
          </p>
        )}
      </section>

      <section aria-labelledby="appeals">
        <h2 id="appeals">{t('consensus.appeal.title')}</h2>
        <Appeals ctx={ctx} appeals={m.appeals} />
        {m.appealPath && (
          <p>
            <a href={m.appealPath}>{t('consensus.appeal.fileLink')}</a>
          </p>
        )}
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{t('consensus.history.title')}</h2>
        <History ctx={ctx} rows={m.history.rows} olderPath={m.history.olderPath} />
      </section>
    </Layout>
  );
}
