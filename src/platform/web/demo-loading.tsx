import type { FastifyInstance } from 'fastify';
import { isLang, pickLang, tFor } from '../i18n/i18n.js';
import { renderPage } from './render.js';

/** Seconds a browser waits before asking again (the page's refresh and Retry-After). */
const RETRY_SECONDS = 3;

/** The page shown while the demo is loaded: it says so, and reloads itself. */
function DemoLoadingPage(props: { lang: 'en' | 'fr' }) {
  const t = tFor(props.lang);
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="refresh" content={String(RETRY_SECONDS)} />
        <title>{`${t('demoLoading.title')} · Concord`}</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body>
        <main id="main" class="wrap">
          <h1>{t('demoLoading.heading')}</h1>
          <p role="status">{t('demoLoading.body')}</p>
          <p>
            <a href="">{t('demoLoading.reload')}</a>
          </p>
        </main>
      </body>
    </html>
  );
}

/**
 * While `loading()` is true, answer every request but static files with 503 and the page
 * above (a problem+json body under /api/), before any other hook reads the database: a
 * half-loaded demo is never served as if it were complete. 503 with Retry-After tells crawlers
 * and scripts to come back; the anonymous page cache keeps only 200s.
 */
export function registerDemoLoadingGate(app: FastifyInstance, loading: () => boolean): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!loading() || req.url.startsWith('/static/')) return;
    const prefix = req.url.split('/')[1];
    const lang = isLang(prefix) ? prefix : pickLang(req.headers['accept-language']);
    reply.code(503).header('retry-after', String(RETRY_SECONDS)).header('cache-control', 'no-store');
    if (prefix === 'api') {
      const t = tFor(lang);
      return reply.type('application/problem+json').send({ type: 'about:blank', status: 503, title: t('demoLoading.title'), detail: t('demoLoading.body') });
    }
    return reply.type('text/html; charset=utf-8').send(renderPage(<DemoLoadingPage lang={lang} />));
  });
}
