import type { ComponentChildren } from 'preact';
import type { PageCtx } from './context.js';
import { localPath } from './context.js';
import { can } from '../auth/policies.js';

/** The frame of every page: skip link, header with navigation and language switch, footer. */
export function Layout(props: { ctx: PageCtx; title: string; children: ComponentChildren; /** Show the page again after this many seconds (a progress page): by refresh without JavaScript, in place with it. */ refreshSeconds?: number | null | undefined }) {
  const { ctx, title } = props;
  const { t, lang, actor } = ctx;
  const other = lang === 'en' ? 'fr' : 'en';
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.refreshSeconds ? (
          // Without JavaScript the page shows itself again; with it, live-refresh.js updates it in
          // place instead (the browser ignores what is inside <noscript> when scripts run).
          <>
            <noscript>
              <meta http-equiv="refresh" content={String(props.refreshSeconds)} />
            </noscript>
            <script type="module" src="/static/live-refresh.js" />
          </>
        ) : null}
        <title>{`${title} · Concord`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="stylesheet" href="/static/charts.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="alternate" hrefLang={other} href={localPath(other, ctx.path)} />
      </head>
      <body data-live-refresh={props.refreshSeconds ? String(props.refreshSeconds) : undefined}>
        <a class="skip-link" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="wrap site-header__inner">
            <a class="brand" href={localPath(lang, '/')}>
              Concord
            </a>
            <nav aria-label={t('layout.nav.label')}>
              <ul class="nav">
                <li>
                  <a href={localPath(lang, '/')}>{t('layout.nav.home')}</a>
                </li>
                <li>
                  <a href={localPath(lang, '/processes')}>{t('layout.nav.processes')}</a>
                </li>
                <li>
                  <a href={localPath(lang, '/api')}>{t('layout.nav.api')}</a>
                </li>
                {actor && can(actor, 'admin.readOutbox') && (
                  <li>
                    <a href={localPath(lang, '/admin/outbox')}>{t('layout.nav.outbox')}</a>
                  </li>
                )}
                {actor ? (
                  <>
                    <li>
                      <a href={localPath(lang, '/account')}>{t('layout.nav.account', { name: actor.name })}</a>
                    </li>
                    <li>
                      <form method="post" action={localPath(lang, '/sign-out')} class="inline-form">
                        <input type="hidden" name="_csrf" value={ctx.csrf()} />
                        <button type="submit" class="link-button">
                          {t('layout.nav.signOut')}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <a href={localPath(lang, '/sign-in')}>{t('layout.nav.signIn')}</a>
                    </li>
                    <li>
                      <a href={localPath(lang, '/register')}>{t('layout.nav.register')}</a>
                    </li>
                  </>
                )}
              </ul>
            </nav>
            <form role="search" method="get" action={localPath(lang, '/search')} class="site-search">
              <label for="site-search-q" class="visually-hidden">
                {t('search.header.label')}
              </label>
              <input id="site-search-q" type="search" name="q" />
              <button type="submit" class="button">
                {t('search.header.submit')}
              </button>
            </form>
            <a class="lang-switch" href={localPath(other, ctx.path)} hrefLang={other} lang={other}>
              {t('layout.otherLanguage')}
            </a>
          </div>
        </header>
        <main id="main" tabIndex={-1} class="wrap">
          {ctx.notice && (
            <div class="notice" role="status">
              {t(ctx.notice)}
            </div>
          )}
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('layout.footer.about')}</p>
            <p>
              <a href="/api/openapi.json">{t('layout.footer.openapi')}</a> ·{' '}
              <a href={`/${lang}/status`}>{t('layout.footer.status')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
