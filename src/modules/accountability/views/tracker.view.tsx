import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { Process } from '../../processes/index.js';
import { processCrumb } from '../../processes/index.js';
import type { TrackerRights } from '../accountability.service.js';
import type { TrackedAction, TrackedPledge, Tracker, TrackerSection } from '../tracker.service.js';
import { FiguresChart, type FigureRow } from './figures-chart.js';
import { Day, History, Status, trackerPath } from './parts.js';

type Props = { ctx: PageCtx; process: Process; tracker: Tracker; rights: TrackerRights; organisation?: { id: string; name: string } };

/** One action: what was promised, by whom and when, how done is measured, and what was reported. */
function ActionItem(props: Props & { a: TrackedAction }) {
  const { ctx, a, rights, process } = props;
  const { t } = ctx;
  const mayReport = rights.committee || (rights.userId !== null && a.contact_user_id === rights.userId) || (rights.organisationId !== null && rights.organisationId === a.owner_organisation_id);
  return (
    <article class="card" id={`action-${a.id}`}>
      <h4>{pick(ctx.lang, a, 'title')}</h4>
      <dl class="facts">
        <dt>{t('accountability.fields.owner')}</dt>
        <dd>
          <a href={trackerPath(ctx.lang, process.slug, `/organisations/${a.owner_organisation_id}`)}>{a.owner_name}</a>
          {a.contact_name ? ` · ${a.contact_name}` : ''}
        </dd>
        <dt>{t('accountability.fields.dueOn')}</dt>
        <dd>
          <Day ctx={ctx} at={a.due_on} />
        </dd>
        <dt>{t('accountability.fields.measure')}</dt>
        <dd>{pick(ctx.lang, a, 'measure')}</dd>
        <dt>{t('accountability.fields.status')}</dt>
        <dd>
          <Status ctx={ctx} status={a.status} overdue={a.overdue} />
        </dd>
      </dl>
      <h5>{t('accountability.history')}</h5>
      <History ctx={ctx} reports={a.reports} />
      {(mayReport || rights.committee) && (
        <p class="inline-list">
          {mayReport && <a href={trackerPath(ctx.lang, process.slug, `/actions/${a.id}/progress`)}>{t('accountability.reportProgress')}</a>}
          {rights.committee && <a href={trackerPath(ctx.lang, process.slug, `/actions/${a.id}/edit`)}>{t('accountability.editAction')}</a>}
        </p>
      )}
    </article>
  );
}

/** One pledge, in its own language, with what was reported since. */
function PledgeItem(props: Props & { p: TrackedPledge }) {
  const { ctx, p, rights, process } = props;
  const { t } = ctx;
  const mayReport = rights.committee || (rights.organisationId !== null && rights.organisationId === p.organisation_id);
  return (
    <article class="card" id={`pledge-${p.id}`}>
      <h4>
        <a href={trackerPath(ctx.lang, process.slug, `/organisations/${p.organisation_id}`)}>{p.organisation_name}</a>
      </h4>
      <blockquote lang={p.lang}>{p.text}</blockquote>
      <p>
        {t('accountability.signedBy', { name: p.signer_name })} · <Day ctx={ctx} at={p.signed_at} />
        {p.due_on && (
          <>
            {' · '}
            {t('accountability.fields.dueOn')} <Day ctx={ctx} at={p.due_on} />
          </>
        )}
        {' · '}
        <Status ctx={ctx} status={p.status} overdue={p.overdue} />
      </p>
      <History ctx={ctx} reports={p.reports} />
      {mayReport && (
        <p>
          <a href={trackerPath(ctx.lang, process.slug, `/pledges/${p.id}/progress`)}>{t('accountability.reportProgress')}</a>
        </p>
      )}
    </article>
  );
}

/** A recommendation's section: its actions, then its pledges. */
function Section(props: Props & { s: TrackerSection }) {
  const { ctx, s, rights, process } = props;
  const { t } = ctx;
  const rec = s.recommendation;
  return (
    <section id={`rec-${rec.number}`} aria-labelledby={`rec-${rec.number}-title`}>
      <h3 id={`rec-${rec.number}-title`}>
        {rec.number} {pick(ctx.lang, rec, 'title')}
      </h3>
      {s.actions.length === 0 && <p>{t('accountability.noActions')}</p>}
      {s.actions.map((a) => (
        <ActionItem key={a.id} {...props} a={a} />
      ))}
      {s.pledges.length > 0 && <h4>{t('accountability.pledges')}</h4>}
      {s.pledges.map((p) => (
        <PledgeItem key={p.id} {...props} p={p} />
      ))}
      {!props.organisation && (rights.committee || rights.organisationId) && (
        <p class="inline-list">
          {rights.committee && <a href={trackerPath(ctx.lang, process.slug, `/recommendations/${rec.id}/actions/new`)}>{t('accountability.addAction')}</a>}
          {rights.organisationId && <a href={trackerPath(ctx.lang, process.slug, `/recommendations/${rec.id}/pledge`)}>{t('accountability.pledge')}</a>}
        </p>
      )}
    </section>
  );
}

/**
 * The public tracker of a process, or of one organisation in it: summary figures by
 * stakeholder group (chart and table), what is overdue, then each recommendation's actions,
 * pledges and history.
 */
export function TrackerView(props: Props) {
  const { ctx, process, tracker, organisation } = props;
  const { t, lang } = ctx;
  const processTitle = pick(ctx.lang, process, 'title');
  const title = organisation ? t('accountability.orgTitle', { name: organisation.name }) : t('accountability.title');
  const rows: FigureRow[] = [
    { key: 'all', label: t('accountability.figures.all'), ...tracker.overall },
    ...tracker.byGroup.map((g) => ({ key: g.key, label: pick(ctx.lang, g, 'name'), withOwner: g.withOwner, done: g.done, late: g.late })),
  ];
  const overdue = tracker.sections.flatMap((s) => [
    ...s.actions.filter((a) => a.overdue).map((a) => ({ id: `action-${a.id}`, label: `${s.recommendation.number} · ${pick(ctx.lang, a, 'title')} (${a.owner_name})`, due: a.due_on })),
    ...s.pledges.filter((p) => p.overdue).map((p) => ({ id: `pledge-${p.id}`, label: `${s.recommendation.number} · ${t('accountability.pledgeOf', { name: p.organisation_name })}`, due: p.due_on ?? '' })),
  ]);
  return (
    <Layout ctx={ctx} title={`${title} · ${processTitle}`}>
      <Breadcrumb ctx={ctx} trail={[processCrumb(lang, process), organisation && { href: trackerPath(ctx.lang, process.slug), label: t('accountability.title') }]} current={title} />
      <h1>{title}</h1>
      <p>
        {t('accountability.asOf')} <Day ctx={ctx} at={tracker.today} />. {!organisation && <a href={trackerPath(ctx.lang, process.slug, '.csv')}>{t('accountability.csv')}</a>}
        {!organisation && ' · '}
        {!organisation && <a href={trackerPath(ctx.lang, process.slug, '.json')}>{t('accountability.json')}</a>}
      </p>
      {!organisation && (
        <section aria-labelledby="figures-title">
          <h2 id="figures-title">{t('accountability.figures.title')}</h2>
          <p>{t('accountability.figures.explain')}</p>
          <FiguresChart id="tracker-figures" caption={t('accountability.figures.caption')} lang={lang} t={t} total={tracker.total} rows={rows} />
        </section>
      )}
      <section aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t('accountability.overdueTitle')}</h2>
        {overdue.length === 0 ? (
          <p>{t('accountability.nothingOverdue')}</p>
        ) : (
          <ul>
            {overdue.map((o) => (
              <li key={o.id}>
                <a href={`#${o.id}`}>{o.label}</a> — {t('accountability.fields.dueOn')} <Day ctx={ctx} at={o.due} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="recs-title">
        <h2 id="recs-title">{t('accountability.recommendations')}</h2>
        {tracker.sections.length === 0 && <p>{t('accountability.noRecommendations')}</p>}
        {tracker.sections.map((s) => (
          <Section key={s.recommendation.id} {...props} s={s} />
        ))}
      </section>
    </Layout>
  );
}
