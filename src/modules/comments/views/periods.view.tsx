import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { formatNumber } from '../../../platform/i18n/i18n.js';
import { can } from '../../../platform/auth/policies.js';
import type { Process } from '../../processes/index.js';
import { processCrumb } from '../../processes/index.js';
import type { DocumentRow } from '../../documents/index.js';
import { periodPath, type PeriodDetail } from '../periods.service.js';
import { WindowLine, periodTitle } from './parts.js';

/** A process's comment periods, latest first, with where each stands and how many comments it has. */
export function PeriodsView(props: { ctx: PageCtx; process: Process; periods: PeriodDetail[]; documents: DocumentRow[]; now: Date }) {
  const { ctx, process } = props;
  const { t, lang } = ctx;
  const title = t('comments.periodsTitle');
  const canOpen = can(ctx.actor, 'commentPeriod.open', { processId: process.id });
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[processCrumb(lang, process)]} current={title} />
      <h1>{title}</h1>
      <p>{t('comments.periodsIntro')}</p>
      {props.periods.length === 0 ? (
        <p>{t('comments.noPeriods')}</p>
      ) : (
        <ul class="cards">
          {props.periods.map((d) => (
            <li class="card" key={d.period.id}>
              <h2>
                <a href={localPath(lang, periodPath(process.slug, d.period.id))}>{periodTitle(ctx, d)}</a>
              </h2>
              <WindowLine ctx={ctx} d={d} now={props.now} />
              <p>{t('comments.count', { count: d.period.comment_count, n: formatNumber(lang, d.period.comment_count) })}</p>
            </li>
          ))}
        </ul>
      )}
      {canOpen && props.documents.length > 0 && (
        <>
          <h2>{t('comments.openHeading')}</h2>
          <ul>
            {props.documents.map((doc) => (
              <li key={doc.id}>
                <a href={localPath(lang, `/processes/${process.slug}/comment-periods/new?document=${encodeURIComponent(doc.slug)}`)}>
                  {t('comments.openOn', { title: doc.title })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
