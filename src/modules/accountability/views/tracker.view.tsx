import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { NamedSentence, PersonName } from '../../../platform/web/components/person-name.js';
import type { ActionModel, PledgeModel, SectionModel, TrackerPageModel } from '../accountability.page-presenter.js';
import { FiguresChart } from './figures-chart.js';
import { Day, History, Status } from './parts.js';

/** One action: what was promised, by whom and when, how done is measured, and what was reported. */
function ActionItem({ ctx, a }: { ctx: PageCtx; a: ActionModel }) {
  const { t } = ctx;
  return (
    <article class="card" id={`action-${a.id}`}>
      <h4>{a.title}</h4>
      <dl class="facts">
        <dt>{t('accountability.fields.owner')}</dt>
        <dd>
          <a href={a.ownerPath}>{a.ownerName}</a>
          {a.contact && (
            <>
              {' · '}
              <PersonName p={a.contact} />
            </>
          )}
        </dd>
        <dt>{t('accountability.fields.dueOn')}</dt>
        <dd>
          <Day day={a.due} />
        </dd>
        <dt>{t('accountability.fields.measure')}</dt>
        <dd>{a.measure}</dd>
        <dt>{t('accountability.fields.status')}</dt>
        <dd>
          <Status ctx={ctx} status={a.status} overdue={a.overdue} />
        </dd>
      </dl>
      <h5>{t('accountability.history')}</h5>
      <History ctx={ctx} reports={a.history} />
      {(a.progressPath || a.editPath) && (
        <p class="inline-list">
          {a.progressPath && <a href={a.progressPath}>{t('accountability.reportProgress')}</a>}
          {a.editPath && <a href={a.editPath}>{t('accountability.editAction')}</a>}
        </p>
      )}
    </article>
  );
}

/** One pledge, in its own language, with what was reported since. */
function PledgeItem({ ctx, p }: { ctx: PageCtx; p: PledgeModel }) {
  const { t } = ctx;
  return (
    <article class="card" id={`pledge-${p.id}`}>
      <h4>
        <a href={p.organisationPath}>{p.organisationName}</a>
      </h4>
      <blockquote lang={p.lang}>{p.text}</blockquote>
      <p>
        <NamedSentence s={p.signedBy} />
        {p.signedAs ? ` ${p.signedAs}` : ''} · <Day day={p.signed} />
        {p.due && (
          <>
            {' · '}
            {t('accountability.fields.dueOn')} <Day day={p.due} />
          </>
        )}
        {' · '}
        <Status ctx={ctx} status={p.status} overdue={p.overdue} />
      </p>
      <History ctx={ctx} reports={p.history} />
      {p.progressPath && (
        <p>
          <a href={p.progressPath}>{t('accountability.reportProgress')}</a>
        </p>
      )}
    </article>
  );
}

/** A recommendation's section: its actions, then its pledges. */
function Section({ ctx, s }: { ctx: PageCtx; s: SectionModel }) {
  const { t } = ctx;
  return (
    <section id={`rec-${s.number}`} aria-labelledby={`rec-${s.number}-title`}>
      <h3 id={`rec-${s.number}-title`}>
        {s.number} {s.title}
      </h3>
      {s.actions.length === 0 && <p>{t('accountability.noActions')}</p>}
      {s.actions.map((a) => (
        <ActionItem key={a.id} ctx={ctx} a={a} />
      ))}
      {s.pledges.length > 0 && <h4>{t('accountability.pledges')}</h4>}
      {s.pledges.map((p) => (
        <PledgeItem key={p.id} ctx={ctx} p={p} />
      ))}
      {(s.addActionPath || s.pledgePath) && (
        <p class="inline-list">
          {s.addActionPath && <a href={s.addActionPath}>{t('accountability.addAction')}</a>}
          {s.pledgePath && <a href={s.pledgePath}>{t('accountability.pledge')}</a>}
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
export function TrackerView({ ctx, model: m }: { ctx: PageCtx; model: TrackerPageModel }) {
  const { t, lang } = ctx;
  const organisation = m.organisation;
  const title = organisation ? t('accountability.orgTitle', { name: organisation.name }) : t('accountability.title');
  return (
    <Layout ctx={ctx} title={`${title} · ${m.processTitle}`}>
      <Breadcrumb ctx={ctx} trail={[m.processCrumb, organisation && { href: m.trackerPath, label: t('accountability.title') }]} current={title} />
      <h1>{title}</h1>
      <p>
        {t('accountability.asOf')} <Day day={m.today} />. {!organisation && <a href={m.csvPath}>{t('accountability.csv')}</a>}
        {!organisation && ' · '}
        {!organisation && <a href={m.jsonPath}>{t('accountability.json')}</a>}
      </p>
      {m.figures && (
        <section aria-labelledby="figures-title">
          <h2 id="figures-title">{t('accountability.figures.title')}</h2>
          <p>{t('accountability.figures.explain')}</p>
          <FiguresChart id="tracker-figures" caption={t('accountability.figures.caption')} lang={lang} t={t} total={m.figures.total} rows={m.figures.rows} />
        </section>
      )}
      <section aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t('accountability.overdueTitle')}</h2>
        {m.overdue.length === 0 ? (
          <p>{t('accountability.nothingOverdue')}</p>
        ) : (
          <ul>
            {m.overdue.map((o) => (
              <li key={o.id}>
                <a href={`#${o.id}`}>{o.label}</a> — {t('accountability.fields.dueOn')} <Day day={o.due} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="recs-title">
        <h2 id="recs-title">{t('accountability.recommendations')}</h2>
        {m.sections.length === 0 && <p>{t('accountability.noRecommendations')}</p>}
        {m.sections.map((s) => (
          <Section key={s.id} ctx={ctx} s={s} />
        ))}
      </section>
    </Layout>
  );
}
