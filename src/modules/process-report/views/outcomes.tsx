import type { ReportCtx } from './report-ctx.js';
import { formatDate, formatNumber } from '../../../platform/i18n/i18n.js';
import type { ProcessReport } from '../process-report.schema.js';
import { Fig, Figures, Section } from './sections.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

type P<K extends keyof ProcessReport> = { ctx: ReportCtx; r: ProcessReport[K]; tz: string };
const STANCES = ['support', 'live_with', 'stand_aside', 'object'] as const;
const PROGRESS = ['not_started', 'on_track', 'at_risk', 'late', 'done', 'dropped'] as const;

/** Each comment period: received, distinct texts, hidden, answered and by outcome. */
export function CommentsSection({ ctx, r, tz }: P<'comments'>) {
  const { t, lang } = ctx;
  return (
    <Section id="comments" title={t('processReport.comments.title')}>
      {r.periods.length === 0 && <p>{t('processReport.none')}</p>}
      {r.periods.map((p) => (
        <div key={p.id}>
          <h3>
            <a href={ctx.link(p.href)}>{t('processReport.comments.period', { documents: p.documents.join(', ') })}</a>
          </h3>
          <p class="meta">
            {t('processReport.comments.window', { opens: formatDate(lang, new Date(p.opensAt), tz), closes: formatDate(lang, new Date(p.closesAt), tz) })} ·{' '}
            <a href={ctx.link(p.reportHref)}>{t('processReport.comments.report')}</a>
          </p>
          <Figures
            ctx={ctx}
            caption={t('processReport.comments.caption')}
            rows={[
              [t('processReport.comments.received'), p.comments],
              [t('processReport.comments.distinct'), p.distinct],
              [t('processReport.comments.hidden'), p.hidden],
              [t('processReport.comments.answered'), p.answered],
              [t('processReport.comments.awaiting'), formatNumber(lang, p.awaiting)],
              ...p.byOutcome.map((o): [string, typeof o.count] => [
                t('processReport.comments.outcome', { outcome: t(`dispositions.outcomes.${o.outcome}`) }),
                o.count,
              ]),
            ]}
          />
        </div>
      ))}
    </Section>
  );
}

/** Each consensus call: the outcome and, per option, the stances by stakeholder group. */
export function ConsensusSection({ ctx, r, tz }: P<'consensus'>) {
  const { t, lang } = ctx;
  return (
    <Section id="consensus" title={t('processReport.consensus.title')}>
      {r.calls.length === 0 && <p>{t('processReport.none')}</p>}
      {r.calls.map((c) => (
        <div key={c.id}>
          <h3>
            <a href={ctx.link(c.href)}>{c.question}</a>
          </h3>
          <p class="meta">
            {c.outcome ? t('processReport.consensus.outcome', { outcome: t(`consensus.outcomes.${c.outcome}`) }) : t('processReport.consensus.noOutcome')} ·{' '}
            {t('processReport.consensus.deadline', { date: formatDate(lang, new Date(c.deadline), tz) })}
          </p>
          {c.options.map((o) => (
            <ScrollTable key={o.id} label={t('processReport.consensus.option', { label: o.label })}>
              <caption>{t('processReport.consensus.option', { label: o.label })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('processReport.consensus.group')}</th>
                  {STANCES.map((s) => (
                    <th scope="col" key={s}>
                      {t(`consensus.stances.${s}`)}
                    </th>
                  ))}
                  <th scope="col">{t('consensus.results.noResponse')}</th>
                </tr>
              </thead>
              <tbody>
                {[...o.groups, { key: '_total', name: t('processReport.consensus.total'), ...o.totals }].map((g) => (
                  <tr key={g.key}>
                    <th scope="row">{g.name}</th>
                    {STANCES.map((s) => (
                      <td key={s}>{formatNumber(lang, g[s])}</td>
                    ))}
                    <td>{formatNumber(lang, g.noResponse)}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          ))}
        </div>
      ))}
    </Section>
  );
}

/** A recommendation's actions by progress status, in words ("2 On track, 1 Done"). */
export function statusLine(ctx: ReportCtx, byStatus: Record<(typeof PROGRESS)[number], number>): string {
  const parts = PROGRESS.filter((s) => byStatus[s] > 0).map((s) => `${formatNumber(ctx.lang, byStatus[s])} ${ctx.t(`accountability.status.${s}`)}`);
  return parts.length ? parts.join(', ') : ctx.t('processReport.recommendations.noActions');
}

/** The recommendations: their consensus outcome, their actions and progress, with links to each and to the tracker. */
export function RecommendationsSection({ ctx, r }: P<'recommendations'>) {
  const { t } = ctx;
  return (
    <Section id="recommendations" title={t('processReport.recommendations.title')}>
      <Figures
        ctx={ctx}
        caption={t('processReport.recommendations.title')}
        rows={[
          [t('processReport.recommendations.count'), r.count],
          [t('processReport.recommendations.withOwner'), r.withOwner],
          [t('processReport.recommendations.done'), r.done],
          [t('processReport.recommendations.late'), r.late],
        ]}
      />
      {r.items.length > 0 && (
        <ScrollTable label={t('processReport.recommendations.title')}>
          <caption>{t('processReport.recommendations.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('processReport.recommendations.number')}</th>
              <th scope="col">{t('processReport.recommendations.recommendation')}</th>
              <th scope="col">{t('processReport.recommendations.consensus')}</th>
              <th scope="col">{t('processReport.recommendations.actions')}</th>
              <th scope="col">{t('processReport.recommendations.status')}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((x) => (
              <tr key={x.number} id={`rec-${x.number}`}>
                <th scope="row">{x.number}</th>
                <td>
                  <a href={ctx.link(x.href)}>{x.title}</a>
                </td>
                <td>{x.consensusOutcome ? t(`consensus.outcomes.${x.consensusOutcome}`) : t('processReport.recommendations.noOutcome')}</td>
                <td>
                  <Fig ctx={ctx} f={x.actions} />
                </td>
                <td>{statusLine(ctx, x.byStatus)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </Section>
  );
}
