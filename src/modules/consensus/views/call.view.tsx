import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, FieldShell, Form, Submit } from '../../../platform/web/components/forms.js';
import type { Process } from '../../processes/index.js';
import type { CallOption, NamedPosition } from '../consensus.repository.js';
import { STANCES } from '../consensus.schema.js';
import { acceptingPositions, callPath, type CallRecord } from '../consensus.service.js';
import { ResultsChart } from './results-chart.js';
import { DeadlineLine, TargetLink, questionOf } from './parts.js';
import { Appeals, History, Outcomes, optionLabeller } from './record.js';
import type { Viewer } from '../viewer.service.js';

type Values = Record<string, string | undefined>;

/** A failed position form: which option, what was sent, and the errors by field. */
export interface FailedPosition {
  optionId: string;
  values: Values;
  errors: Record<string, string>;
}

/** The position form of one option: a stance (radios) and a reason (required to object). */
function PositionForm(props: { ctx: PageCtx; action: string; option: CallOption; mine: NamedPosition | undefined; failed: FailedPosition | undefined }) {
  const { ctx, option, mine } = props;
  const { t, lang } = ctx;
  const errors = props.failed?.errors ?? {};
  const stance = props.failed?.values.stance ?? mine?.stance;
  const reason = props.failed ? props.failed.values.reason : (mine?.reason ?? '');
  const label = pick(lang, option, 'label');
  const stanceKey = `stance-${option.id}`;
  const reasonKey = `reason-${option.id}`;
  return (
    <Form ctx={ctx} action={props.action} class="form">
      <input type="hidden" name="optionId" value={option.id} />
      <fieldset class={errors[stanceKey] ? 'field field--error' : 'field'}>
        <legend>{t('consensus.position.legend', { option: label })}</legend>
        {mine && <p class="hint">{t('consensus.position.current', { stance: t(`consensus.stances.${mine.stance}`) })}</p>}
        {errors[stanceKey] && <p class="field-error">{errors[stanceKey]}</p>}
        {STANCES.map((s, i) => {
          const id = i === 0 ? `field-${stanceKey}` : `field-${stanceKey}-${s}`;
          return (
            <div class="choice" key={s}>
              <input type="radio" id={id} name="stance" value={s} checked={stance === s} />
              <label for={id}>{t(`consensus.stances.${s}`)}</label>
            </div>
          );
        })}
      </fieldset>
      <FieldShell name={reasonKey} label={t('consensus.position.reason')} hint={t('consensus.position.reasonHint')} error={errors[reasonKey]}>
        {(w) => (
          <textarea id={w.id} name="reason" rows={4} aria-invalid={w.invalid} aria-describedby={w.describedBy}>
            {reason ?? ''}
          </textarea>
        )}
      </FieldShell>
      <Submit>{mine ? t('consensus.position.change') : t('consensus.position.submit')}</Submit>
    </Form>
  );
}

/**
 * A call's public page: question, target, options, deadline, results by stakeholder group
 * (chart and table per option), the viewer's position forms, the outcome with its answers to
 * objections, appeals, and the history of positions.
 */
export function CallView(props: { ctx: PageCtx; process: Process; record: CallRecord; history: { items: NamedPosition[]; next: string | null }; viewer: Viewer; failed?: FailedPosition | undefined; now: Date }) {
  const { ctx, process, record, viewer } = props;
  const { t, lang } = ctx;
  const { call, options } = record.detail;
  const base = callPath(process.slug, call.id);
  const label = optionLabeller(lang, options);
  const open = acceptingPositions(call, props.now);
  const title = questionOf(lang, call);
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, callPath(process.slug)), label: t('consensus.listTitle') }]} current={title} />
      <h1>{title}</h1>
      <TargetLink ctx={ctx} processSlug={process.slug} call={call} target={record.target} />
      <DeadlineLine ctx={ctx} call={call} now={props.now} />
      <p class="meta">{t('consensus.appealDays', { count: call.appeal_days })}</p>
      <h2>{t('consensus.optionsTitle')}</h2>
      <ol>
        {options.map((o) => (
          <li key={o.id}>{pick(lang, o, 'label')}</li>
        ))}
      </ol>

      <section aria-labelledby="results">
        <h2 id="results">{t('consensus.results.title')}</h2>
        <p>{t(call.group_id ? 'consensus.results.introGroup' : 'consensus.results.introProcess')}</p>
        {record.results.map((r, i) => (
          <ResultsChart key={r.optionId} id={`results-${i + 1}`} caption={t('consensus.results.caption', { option: label(r.optionId) ?? '' })} lang={lang} t={t} results={r} />
        ))}
      </section>

      {open && viewer.eligible && (
        <section aria-labelledby="your-position">
          <h2 id="your-position">{t('consensus.position.title')}</h2>
          <ErrorSummary ctx={ctx} errors={props.failed?.errors ?? {}} />
          {options.map((o) => (
            <PositionForm key={o.id} ctx={ctx} action={localPath(lang, `${base}/position`)} option={o} mine={viewer.mine.get(o.id)} failed={props.failed?.optionId === o.id ? props.failed : undefined} />
          ))}
        </section>
      )}
      {open && !viewer.eligible && <p>{t(ctx.actor ? 'consensus.position.notEligible' : 'consensus.position.signIn')}</p>}

      <section aria-labelledby="outcome">
        <h2 id="outcome">{t('consensus.outcome.title')}</h2>
        <Outcomes ctx={ctx} call={call} outcomes={record.outcomes} label={label} />
        {viewer.canDecide && call.status === 'open' && (
          <p>
            <a href={localPath(lang, `${base}/outcome`)}>{t('consensus.outcome.recordLink')}</a>
          </p>
        )}
      </section>

      <section aria-labelledby="appeals">
        <h2 id="appeals">{t('consensus.appeal.title')}</h2>
        <Appeals ctx={ctx} processSlug={process.slug} call={call} appeals={record.appeals} outcomes={record.outcomes} canAnswer={viewer.canAnswer} />
        {viewer.canAppeal && (
          <p>
            <a href={localPath(lang, `${base}/appeal`)}>{t('consensus.appeal.fileLink')}</a>
          </p>
        )}
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{t('consensus.history.title')}</h2>
        <History ctx={ctx} processSlug={process.slug} call={call} items={props.history.items} next={props.history.next} label={label} />
      </section>
    </Layout>
  );
}
