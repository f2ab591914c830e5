import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { formatDate, formatNumber } from '../../../platform/i18n/i18n.js';

/** What Concord is for, and where to start. */
export function HomeView({ ctx, processes }: { ctx: PageCtx; processes: { slug: string; title: string; summary: string }[] }) {
  const { t, lang } = ctx;
  const steps = ['convene', 'groups', 'meetings', 'drafts', 'comment', 'consensus', 'action'] as const;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1>{t('home.heading')}</h1>
      <p class="lead">{t('home.lead')}</p>
      {processes.length > 0 && (
        <>
          <h2>{t('home.processesHeading')}</h2>
          <ul class="cards">
            {processes.map((p) => (
              <li key={p.slug} class="card">
                <h3>
                  <a href={localPath(lang, `/processes/${p.slug}`)}>{p.title}</a>
                </h3>
                <p>{p.summary}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('home.stepsHeading')}</h2>
      <ol>
        {steps.map((s) => (
          <li key={s}>{t(`home.steps.${s}`)}</li>
        ))}
      </ol>
      <h2>{t('home.modelHeading')}</h2>
      <p>
        {t('home.model', {
          start: formatDate(lang, new Date('2018-06-01T12:00:00Z')),
          end: formatDate(lang, new Date('2019-04-18T12:00:00Z')),
          people: formatNumber(lang, 100),
        })}
      </p>
      {!ctx.actor && (
        <p>
          <a href={localPath(lang, '/register')}>{t('home.register')}</a> · <a href={localPath(lang, '/sign-in')}>{t('home.signIn')}</a>
        </p>
      )}
    </Layout>
  );
}
