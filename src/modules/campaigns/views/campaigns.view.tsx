import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, Form, TextArea } from '../../../platform/web/components/forms.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';
import { SignalsSection } from '../../comments/index.js';
import type { CampaignListPageModel, CampaignPageModel, DayBar } from '../campaigns.page-presenter.js';

/** A period's campaigns, largest first, and the button that detects them again. */
export function CampaignListView({ ctx, model: m }: { ctx: PageCtx; model: CampaignListPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      <p>{t('campaigns.intro')}</p>
      <p>{m.runLine}</p>
      {m.detectAction && (
        <Form ctx={ctx} action={m.detectAction}>
          <button type="submit" class="button">
            {t('campaigns.detect')}
          </button>
        </Form>
      )}
      {m.campaigns.length === 0 ? (
        <p>{t('campaigns.none')}</p>
      ) : (
        <ScrollTable class="table" label={t('campaigns.listCaption')}>
          <caption>{t('campaigns.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('campaigns.columns.text')}</th>
              <th scope="col">{t('campaigns.columns.kind')}</th>
              <th scope="col">{t('campaigns.columns.count')}</th>
              <th scope="col">{t('campaigns.columns.texts')}</th>
            </tr>
          </thead>
          <tbody>
            {m.campaigns.map((c) => (
              <tr key={c.path}>
                <td>
                  <a href={c.path} lang={c.lang}>
                    {c.excerpt}
                  </a>
                </td>
                <td>{c.kind}</td>
                <td>{c.count}</td>
                <td>{c.texts}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {m.more && <p>{m.more}</p>}
    </Layout>
  );
}

const BAR_W = 28;
const GAP = 6;
const PLOT_H = 120;

/** Bars per day; the table after it holds the same figures for those who cannot see it. */
function Timeline({ ctx, bars }: { ctx: PageCtx; bars: DayBar[] }) {
  const { t } = ctx;
  const width = Math.max(1, bars.length) * (BAR_W + GAP) + GAP;
  return (
    <svg class="campaign-timeline" role="img" aria-labelledby="timeline-title" viewBox={`0 0 ${width} ${PLOT_H + 4}`} width={width} height={PLOT_H + 4}>
      <title id="timeline-title">{t('campaigns.timelineChart')}</title>
      {bars.map((b, i) => {
        const h = Math.max(2, Math.round(b.share * PLOT_H));
        return <rect key={b.day} x={GAP + i * (BAR_W + GAP)} y={PLOT_H - h + 2} width={BAR_W} height={h} fill="#1d4f91" />;
      })}
    </svg>
  );
}

function CountTable({ ctx, caption, head, rows }: { ctx: PageCtx; caption: string; head: string; rows: { label: string; count: string }[] }) {
  return (
    <ScrollTable class="table" label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{ctx.t('campaigns.columns.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.count}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** One campaign: its letter, count, variants, breakdowns, timeline, and one response for all. */
export function CampaignView({ ctx, model: m, values = {}, errors = {} }: { ctx: PageCtx; model: CampaignPageModel; values?: Record<string, string | undefined>; errors?: Record<string, string> }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      <dl class="facts">
        <dt>{t('campaigns.columns.kind')}</dt>
        <dd>{m.kind}</dd>
        <dt>{t('campaigns.columns.count')}</dt>
        <dd data-testid="campaign-count">{m.count}</dd>
        <dt>{t('campaigns.columns.texts')}</dt>
        <dd>{m.texts}</dd>
      </dl>
      <p>{m.asOf}</p>
      <h2>{t('campaigns.representative')}</h2>
      {m.representative ? (
        <blockquote lang={m.representative.lang}>
          <p>{m.representative.text}</p>
        </blockquote>
      ) : (
        <p>{t('campaigns.allHidden')}</p>
      )}

      {m.response && (
        <section aria-labelledby="respond-title">
          <h2 id="respond-title">{t('campaigns.respondTitle')}</h2>
          <p>{t('campaigns.respondIntro', { n: m.count })}</p>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action={m.response.action}>
            <fieldset class={errors.outcome ? 'field field--error' : 'field'} id="field-outcome">
              <legend>{t('dispositions.outcome')}</legend>
              {errors.outcome && <p class="field-error">{errors.outcome}</p>}
              {m.response.outcomes.map((o) => (
                <div key={o.value} class="choice">
                  <input type="radio" id={`outcome-${o.value}`} name="outcome" value={o.value} checked={values.outcome === o.value} />
                  <label for={`outcome-${o.value}`}>{o.label}</label>
                </div>
              ))}
            </fieldset>
            <TextArea name="rationale" label={t('campaigns.rationale')} value={values.rationale} error={errors.rationale} />
            <button type="submit" class="button">
              {t('campaigns.respond')}
            </button>
          </Form>
        </section>
      )}

      <h2>{t('campaigns.variants')}</h2>
      <ol class="campaign-variants">
        {m.variants.map((v, i) => (
          <li key={i}>
            <p>
              <strong>{t('campaigns.copies', { n: v.count })}</strong>
              {v.personalised && <span class="badge"> {t('campaigns.personalised')}</span>}
              {v.path && (
                <>
                  {' '}
                  <a href={v.path}>{t('campaigns.openComment')}</a>
                </>
              )}
            </p>
            {v.personal !== null && (
              <blockquote class="campaign-personal" lang={v.lang}>
                <p>
                  <strong>{t('campaigns.personalPart')}</strong> {v.personal}
                </p>
              </blockquote>
            )}
            <blockquote lang={v.lang}>
              <p>{v.text}</p>
            </blockquote>
          </li>
        ))}
      </ol>
      {m.moreVariants && <p>{m.moreVariants}</p>}

      <h2>{t('campaigns.byGroup')}</h2>
      <CountTable ctx={ctx} caption={t('campaigns.byGroup')} head={t('campaigns.columns.group')} rows={m.byGroup} />
      <h2>{t('campaigns.byChannel')}</h2>
      <CountTable ctx={ctx} caption={t('campaigns.byChannel')} head={t('campaigns.columns.channel')} rows={m.byChannel} />
      <h2>{t('campaigns.timeline')}</h2>
      <Timeline ctx={ctx} bars={m.timeline} />
      <CountTable ctx={ctx} caption={t('campaigns.timelineTable')} head={t('campaigns.columns.day')} rows={m.timeline.map((b) => ({ label: b.label, count: b.count }))} />
      <SignalsSection ctx={ctx} s={m.signals} note={m.signalsNote} />
    </Layout>
  );
}
