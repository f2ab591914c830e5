import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { formatInstant } from '../../../platform/time/zoned.js';
import type { Appeal, CallOption, NamedPosition, Call } from '../consensus.repository.js';
import type { OutcomeDetail } from '../outcomes.service.js';
import { appealDeadline } from '../outcomes.service.js';
import { callPath } from '../consensus.service.js';

type OptionLabel = (optionId: string | null) => string | null;

/** An option's label in the reader's language, by id. */
export function optionLabeller(lang: 'en' | 'fr', options: CallOption[]): OptionLabel {
  const byId = new Map(options.map((o) => [o.id, pick(lang, o, 'label')]));
  return (id) => (id ? (byId.get(id) ?? null) : null);
}

/** One outcome: what was determined, why, and the answer to each objection. */
function OutcomeBlock(props: { ctx: PageCtx; call: Call; o: OutcomeDetail; label: OptionLabel }) {
  const { ctx, call, o, label } = props;
  const { t, lang } = ctx;
  const adopted = label(o.outcome.option_id);
  return (
    <article id={`outcome-${o.outcome.id}`} class={o.outcome.current ? 'outcome outcome--current' : 'outcome'} aria-labelledby={`outcome-${o.outcome.id}-title`}>
      <h3 id={`outcome-${o.outcome.id}-title`}>
        {t(`consensus.outcomes.${o.outcome.outcome}`)}
        {!o.outcome.current && ` — ${t('consensus.outcome.replaced')}`}
      </h3>
      <p class="meta">
        {t(o.outcome.appeal_id ? 'consensus.outcome.decidedOnAppeal' : 'consensus.outcome.decided', { at: formatInstant(lang, o.outcome.decided_at, call.time_zone) })}
        {o.outcome.appeal_id && (
          <>
            {' '}
            <a href={`#appeal-${o.outcome.appeal_id}`}>{t('consensus.outcome.seeAppeal')}</a>
          </>
        )}
      </p>
      {adopted && <p>{t('consensus.outcome.adopted', { option: adopted })}</p>}
      <h4>{t('consensus.outcome.rationale')}</h4>
      <p lang={o.outcome.lang} class="prose">
        {o.outcome.rationale}
      </p>
      {o.answers.length > 0 && (
        <>
          <h4>{t('consensus.outcome.answers')}</h4>
          <ul class="objection-answers">
            {o.answers.map((a) => (
              <li key={a.position_id} id={`answer-${a.position_id}`}>
                <p>
                  <strong>{t('consensus.outcome.objectionBy', { name: a.name })}</strong> {a.reason}
                </p>
                <p>
                  <strong>{t('consensus.outcome.answer')}</strong> {a.answer}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/** The outcome of a call (the current first) and those replaced after an appeal. */
export function Outcomes(props: { ctx: PageCtx; call: Call; outcomes: OutcomeDetail[]; label: OptionLabel }) {
  const { ctx } = props;
  if (props.outcomes.length === 0) return <p>{ctx.t('consensus.outcome.none')}</p>;
  return (
    <>
      {props.outcomes.map((o) => (
        <OutcomeBlock key={o.outcome.id} ctx={ctx} call={props.call} o={o} label={props.label} />
      ))}
    </>
  );
}

/** The appeals of a call with their answers, and a link to answer the pending ones when allowed. */
export function Appeals(props: { ctx: PageCtx; processSlug: string; call: Call; appeals: Appeal[]; outcomes: OutcomeDetail[]; canAnswer: boolean }) {
  const { ctx, call } = props;
  const { t, lang } = ctx;
  if (props.appeals.length === 0) return <p>{t('consensus.appeal.none')}</p>;
  return (
    <ul class="appeals">
      {props.appeals.map((a) => {
        const appealed = props.outcomes.find((o) => o.outcome.id === a.outcome_id);
        return (
          <li key={a.id} id={`appeal-${a.id}`}>
            <p>
              <strong>{t('consensus.appeal.by', { name: a.appellant, at: formatInstant(lang, a.filed_at, call.time_zone) })}</strong>{' '}
              {appealed && <a href={`#outcome-${appealed.outcome.id}`}>{t('consensus.appeal.ofOutcome', { outcome: t(`consensus.outcomes.${appealed.outcome.outcome}`) })}</a>}
            </p>
            <p lang={a.lang}>{a.grounds}</p>
            <p>
              <strong>{t(`consensus.appealStatus.${a.status}`)}</strong>
              {a.answered_at && ` (${formatInstant(lang, a.answered_at, call.time_zone)})`}
            </p>
            {a.answer && <p>{a.answer}</p>}
            {a.changed_outcome_id && (
              <p>
                <a href={`#outcome-${a.changed_outcome_id}`}>{t('consensus.appeal.changedOutcome')}</a>
              </p>
            )}
            {appealed && a.status === 'pending' && <p class="meta">{t('consensus.appeal.windowEnds', { at: formatInstant(lang, appealDeadline(call, appealed.outcome), call.time_zone) })}</p>}
            {props.canAnswer && a.status === 'pending' && (
              <p>
                <a href={localPath(lang, `${callPath(props.processSlug, call.id)}/appeals/${a.id}/answer`)}>{t('consensus.appeal.answerLink')}</a>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Every position stated, newest first: who, when, on which option, what, and whether it still stands. */
export function History(props: { ctx: PageCtx; processSlug: string; call: Call; items: NamedPosition[]; next: string | null; label: OptionLabel }) {
  const { ctx, call } = props;
  const { t, lang } = ctx;
  if (props.items.length === 0) return <p>{t('consensus.history.none')}</p>;
  return (
    <>
      <table>
        <caption class="visually-hidden">{t('consensus.history.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consensus.history.when')}</th>
            <th scope="col">{t('consensus.history.who')}</th>
            <th scope="col">{t('consensus.history.option')}</th>
            <th scope="col">{t('consensus.history.stance')}</th>
            <th scope="col">{t('consensus.history.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((p) => (
            <tr key={p.id}>
              <td>{formatInstant(lang, p.created_at, call.time_zone)}</td>
              <th scope="row">{p.name}</th>
              <td>{props.label(p.option_id)}</td>
              <td>
                {t(`consensus.stances.${p.stance}`)}
                {p.superseded_at && ` (${t('consensus.history.superseded')})`}
              </td>
              <td>{p.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.next && (
        <p>
          <a href={`${localPath(lang, callPath(props.processSlug, call.id))}?after=${props.next}#history`}>{t('consensus.history.older')}</a>
        </p>
      )}
    </>
  );
}
