import type { PageCtx } from '../../../platform/web/context.js';
import { Markdown } from '../../../platform/web/markdown.js';
import type { RecommendationFactsModel, RecommendationSectionModel } from '../recommendations.page-presenter.js';

/** The addressees as a list, stakeholder groups and organisations told apart. */
export function Addressees({ ctx, addressees }: { ctx: PageCtx; addressees: RecommendationFactsModel['addressees'] }) {
  const { t } = ctx;
  if (addressees.length === 0) return <span>{t('recommendations.noAddressees')}</span>;
  return (
    <ul class="addressees">
      {addressees.map((a) => (
        <li key={a.id}>
          {a.name} <span class="meta">({t(`recommendations.addresseeKinds.${a.kind}`)})</span>
        </li>
      ))}
    </ul>
  );
}

/** The outcome of a consensus call in words, with the day it was declared. */
export function ConsensusLine({ ctx, consensus: c }: { ctx: PageCtx; consensus: NonNullable<RecommendationFactsModel['consensus']> }) {
  const { t } = ctx;
  if (!c.outcome) return <span>{t('recommendations.consensusPending')}</span>;
  return <span>{t('recommendations.consensusOutcome', { outcome: t(`consensus.outcomes.${c.outcome}`), date: c.date })}</span>;
}

/** The facts of a recommendation: priority, working group, section, consensus and addressees. */
export function RecommendationFacts({ ctx, facts: f }: { ctx: PageCtx; facts: RecommendationFactsModel }) {
  const { t } = ctx;
  return (
    <dl class="facts">
      <dt>{t('recommendations.fields.priority')}</dt>
      <dd>{t(`recommendations.priorities.${f.priority}`)}</dd>
      <dt>{t('recommendations.fields.group')}</dt>
      <dd>{f.group ? <a href={f.group.path}>{f.group.name}</a> : t('recommendations.none')}</dd>
      <dt>{t('recommendations.fields.section')}</dt>
      <dd>
        {f.section ? (
          <a href={f.section.path} lang={f.section.lang}>
            {f.section.title}
            {f.section.label !== null ? ` (${f.section.label})` : ''}
          </a>
        ) : (
          t('recommendations.none')
        )}
      </dd>
      <dt>{t('recommendations.fields.consensus')}</dt>
      <dd>
        {f.consensus ? (
          <>
            <ConsensusLine ctx={ctx} consensus={f.consensus} /> <a href={f.consensus.callPath}>{t('recommendations.consensusLink')}</a>
          </>
        ) : (
          t('recommendations.none')
        )}
      </dd>
      <dt>{t('recommendations.fields.addressees')}</dt>
      <dd>
        <Addressees ctx={ctx} addressees={f.addressees} />
      </dd>
    </dl>
  );
}

/**
 * One recommendation as a section of the final report (page and print): number and title as
 * a heading with the number as its id, the facts, the text and its permanent address.
 */
export function RecommendationSection({ ctx, r, level }: { ctx: PageCtx; r: RecommendationSectionModel; level?: 2 | 3 }) {
  const { t } = ctx;
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <section class="recommendation" id={`recommendation-${r.number}`} aria-labelledby={`recommendation-${r.number}-title`}>
      <Heading id={`recommendation-${r.number}-title`}>
        <span class="recommendation__number">{r.number}</span> {r.title}
      </Heading>
      <RecommendationFacts ctx={ctx} facts={r.facts} />
      <Markdown source={r.text} class="prose" />
      <p class="meta">
        {t('recommendations.permanentLabel')} <a href={r.path}>{r.url}</a>
      </p>
    </section>
  );
}
