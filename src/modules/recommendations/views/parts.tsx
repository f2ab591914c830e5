import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Markdown } from '../../../platform/web/markdown.js';
import type { ConsensusResult, RecommendationDetail } from '../recommendations.service.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import { recommendationPath } from '../recommendations.service.js';
import { consensusCallPath, sectionPath } from '../recommendations.presenter.js';

/** A name in the reader's language. */
export const nameIn = (lang: PageCtx['lang'], x: { nameEn: string; nameFr: string }) => (pick(lang, x, 'name'));

/** A recommendation's title in the reader's language. */
export const titleOf = (lang: PageCtx['lang'], d: RecommendationDetail) => (pick(lang, d.row, 'title'));

/** The addressees as a list, stakeholder groups and organisations told apart. */
export function Addressees(props: { ctx: PageCtx; d: RecommendationDetail }) {
  const { t, lang } = props.ctx;
  if (props.d.addressees.length === 0) return <span>{t('recommendations.noAddressees')}</span>;
  return (
    <ul class="addressees">
      {props.d.addressees.map((a) => (
        <li key={a.id}>
          {nameIn(lang, a)} <span class="meta">({t(`recommendations.addresseeKinds.${a.kind}`)})</span>
        </li>
      ))}
    </ul>
  );
}

/** The outcome of a consensus call in words, with the day it was declared. */
export function ConsensusLine(props: { ctx: PageCtx; timeZone: string; consensus: ConsensusResult | undefined }) {
  const { t, lang } = props.ctx;
  const c = props.consensus;
  if (!c?.outcome) return <span>{t('recommendations.consensusPending')}</span>;
  return (
    <span>
      {t('recommendations.consensusOutcome', {
        outcome: t(`consensus.outcomes.${c.outcome}`),
        date: c.decidedAt ? formatDate(lang, c.decidedAt, props.timeZone) : '',
      })}
    </span>
  );
}

/**
 * The facts of a recommendation: priority, working group, section, consensus and addressees.
 * `consensus`, when given, is the outcome of the call from the consensus feature.
 */
export function RecommendationFacts(props: {
  ctx: PageCtx;
  processSlug: string;
  timeZone: string;
  d: RecommendationDetail;
  consensus?: ConsensusResult | undefined;
}) {
  const { ctx, processSlug, d } = props;
  const { t, lang } = ctx;
  const callId = d.row.consensus_call_id;
  return (
    <dl class="facts">
      <dt>{t('recommendations.fields.priority')}</dt>
      <dd>{t(`recommendations.priorities.${d.row.priority}`)}</dd>
      <dt>{t('recommendations.fields.group')}</dt>
      <dd>{d.group ? <a href={localPath(lang, `/processes/${processSlug}/groups/${d.group.slug}`)}>{nameIn(lang, d.group)}</a> : t('recommendations.none')}</dd>
      <dt>{t('recommendations.fields.section')}</dt>
      <dd>
        {d.section ? (
          <a href={localPath(lang, sectionPath(processSlug, d.section))} lang={d.section.documentLang}>
            {d.section.documentTitle}
            {d.section.anchor ? ` (${d.section.label ?? d.section.anchor})` : ''}
          </a>
        ) : (
          t('recommendations.none')
        )}
      </dd>
      <dt>{t('recommendations.fields.consensus')}</dt>
      <dd>
        {callId ? (
          <>
            <ConsensusLine ctx={ctx} timeZone={props.timeZone} consensus={props.consensus} />{' '}
            <a href={localPath(lang, consensusCallPath(processSlug, callId))}>{t('recommendations.consensusLink')}</a>
          </>
        ) : (
          t('recommendations.none')
        )}
      </dd>
      <dt>{t('recommendations.fields.addressees')}</dt>
      <dd>
        <Addressees ctx={ctx} d={d} />
      </dd>
    </dl>
  );
}

/**
 * One recommendation as a section of the final report (page and print): number and title as
 * a heading with the number as its id, the facts, the text and its permanent address.
 */
export function RecommendationSection(props: {
  ctx: PageCtx;
  processSlug: string;
  timeZone: string;
  d: RecommendationDetail;
  consensus?: ConsensusResult | undefined;
  baseUrl: string;
  level?: 2 | 3;
}) {
  const { ctx, processSlug, d } = props;
  const { t, lang } = ctx;
  const path = localPath(lang, recommendationPath(processSlug, d.row.number));
  const Heading = props.level === 3 ? 'h3' : 'h2';
  return (
    <section class="recommendation" id={`recommendation-${d.row.number}`} aria-labelledby={`recommendation-${d.row.number}-title`}>
      <Heading id={`recommendation-${d.row.number}-title`}>
        <span class="recommendation__number">{d.row.number}</span> {titleOf(lang, d)}
      </Heading>
      <RecommendationFacts ctx={ctx} processSlug={processSlug} timeZone={props.timeZone} d={d} consensus={props.consensus} />
      <Markdown source={pick(lang, d.row, 'text')} class="prose" />
      <p class="meta">
        {t('recommendations.permanentLabel')} <a href={path}>{`${props.baseUrl}${path}`}</a>
      </p>
    </section>
  );
}
