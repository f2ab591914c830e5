import type { PageCtx } from '../../../platform/web/context.js';
import { NamedSentence, PersonName } from '../../../platform/web/components/person-name.js';
import type { AppealModel, HistoryRowModel, OutcomeModel } from '../consensus.page-presenter.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** One outcome: what was determined, why, and the answer to each objection. */
function OutcomeBlock({ ctx, o }: { ctx: PageCtx; o: OutcomeModel }) {
  const { t } = ctx;
  return (
    <article id={`outcome-${o.id}`} class={o.current ? 'outcome outcome--current' : 'outcome'} aria-labelledby={`outcome-${o.id}-title`}>
      <h3 id={`outcome-${o.id}-title`}>
        {t(`consensus.outcomes.${o.outcome}`)}
        {!o.current && ` — ${t('consensus.outcome.replaced')}`}
      </h3>
      <p class="meta">
        {t(o.appealId ? 'consensus.outcome.decidedOnAppeal' : 'consensus.outcome.decided', { at: o.decidedAt })}
        {o.appealId && (
          <>
            {' '}
            <a href={`#appeal-${o.appealId}`}>{t('consensus.outcome.seeAppeal')}</a>
          </>
        )}
      </p>
      {o.adopted && <p>{t('consensus.outcome.adopted', { option: o.adopted })}</p>}
      <h4>{t('consensus.outcome.rationale')}</h4>
      <p lang={o.rationale.lang !== ctx.lang ? o.rationale.lang : undefined} class="prose">
        {o.rationale.text}
      </p>
      {o.answers.length > 0 && (
        <>
          <h4>{t('consensus.outcome.answers')}</h4>
          <ul class="objection-answers">
            {o.answers.map((a) => (
              <li key={a.positionId} id={`answer-${a.positionId}`}>
                <p>
                  <strong>
                    <NamedSentence s={a.objectionBy} />
                  </strong>{' '}
                  {a.reason}
                </p>
                <p>
                  <strong>{t('consensus.outcome.answer')}</strong> <span lang={a.answer.lang !== ctx.lang ? a.answer.lang : undefined}>{a.answer.text}</span>
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
export function Outcomes({ ctx, outcomes }: { ctx: PageCtx; outcomes: OutcomeModel[] }) {
  if (outcomes.length === 0) return <p>{ctx.t('consensus.outcome.none')}</p>;
  return (
    <>
      {outcomes.map((o) => (
        <OutcomeBlock key={o.id} ctx={ctx} o={o} />
      ))}
    </>
  );
}

/** The appeals of a call with their answers, and a link to answer the pending ones when allowed. */
export function Appeals({ ctx, appeals }: { ctx: PageCtx; appeals: AppealModel[] }) {
  const { t } = ctx;
  if (appeals.length === 0) return <p>{t('consensus.appeal.none')}</p>;
  return (
    <ul class="appeals">
      {appeals.map((a) => (
        <li key={a.id} id={`appeal-${a.id}`}>
          <p>
            <strong>
              <NamedSentence s={a.by} />
            </strong>{' '}
            {a.appealed && <a href={`#outcome-${a.appealed.id}`}>{t('consensus.appeal.ofOutcome', { outcome: t(`consensus.outcomes.${a.appealed.outcome}`) })}</a>}
          </p>
          <p lang={a.lang}>{a.grounds}</p>
          <p>
            <strong>{t(`consensus.appealStatus.${a.status}`)}</strong>
            {a.answeredAt && ` (${a.answeredAt})`}
          </p>
          {a.answer && <p>{a.answer}</p>}
          {a.changedOutcomeId && (
            <p>
              <a href={`#outcome-${a.changedOutcomeId}`}>{t('consensus.appeal.changedOutcome')}</a>
            </p>
          )}
          {a.windowEnds && <p class="meta">{t('consensus.appeal.windowEnds', { at: a.windowEnds })}</p>}
          {a.answerPath && (
            <p>
              <a href={a.answerPath}>{t('consensus.appeal.answerLink')}</a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Every position stated, newest first: who, when, on which option, what, and whether it still stands. */
export function History({ ctx, rows, olderPath }: { ctx: PageCtx; rows: HistoryRowModel[]; olderPath: string | null }) {
  const { t } = ctx;
  if (rows.length === 0) return <p>{t('consensus.history.none')}</p>;
  return (
    <>
      <ScrollTable label={t('consensus.history.title')}>
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
          {rows.map((p) => (
            <tr key={p.id}>
              <td>{p.when}</td>
              <th scope="row">
                <PersonName p={p.person} />
              </th>
              <td>{p.option}</td>
              <td>
                {t(`consensus.stances.${p.stance}`)}
                {p.superseded && ` (${t('consensus.history.superseded')})`}
              </td>
              <td>{p.reason}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {olderPath && (
        <p>
          <a href={olderPath}>{t('consensus.history.older')}</a>
        </p>
      )}
    </>
  );
}
