import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import type { Process } from '../../processes/index.js';
import type { ProcessAuditPage, Who } from '../audit-view.service.js';
import type { PublicEvent } from '../audit-disclosure.js';
import { ACTION_PREFIXES, actionKey } from '../audit-actions.js';
import { entityPath, shortHash } from '../audit-view.presenter.js';
import { VerifyBox } from './verify-box.js';

/** The query string of the filter plus a cursor. */
function query(action: string | undefined, cursor: Record<string, string>): string {
  const q = new URLSearchParams();
  if (action) q.set('action', action);
  for (const [k, v] of Object.entries(cursor)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** "Who" in words: a name, or why there is none. */
export function whoText(ctx: PageCtx, who: Who | undefined): string {
  if (who?.kind === 'name') return who.name;
  return ctx.t(who?.kind === 'none' ? 'audit.who.none' : 'audit.who.withheld');
}

/** "What" as a sentence, or the generic one naming the raw action. */
export function whatText(ctx: PageCtx, action: string): string {
  const key = actionKey(action);
  return key ? ctx.t(key) : ctx.t('audit.actions.generic', { action });
}

/** A hash as published, or why it is not. */
function HashValue(props: { ctx: PageCtx; hash: string | null }) {
  return props.hash === null ? <span class="meta">{props.ctx.t('audit.hashWithheld')}</span> : <code>{props.hash}</code>;
}

/** One event's hash and previous hash: shortened, the full values behind a disclosure. */
function Hashes(props: { ctx: PageCtx; e: PublicEvent }) {
  const { t } = props.ctx;
  return (
    <details>
      <summary>{props.e.hash === null ? t('audit.recordWithheld') : <code>{shortHash(props.e.hash)}</code>}</summary>
      <dl class="facts">
        <dt>{t('audit.hash')}</dt>
        <dd>
          <HashValue ctx={props.ctx} hash={props.e.hash} />
        </dd>
        <dt>{t('audit.prevHash')}</dt>
        <dd>
          <HashValue ctx={props.ctx} hash={props.e.prevHash} />
        </dd>
      </dl>
    </details>
  );
}

/**
 * A process's public audit trail: every change newest first with who, what, which record and
 * its place in the hash chain; an action filter in a GET form, keyset Newer / Older links, and
 * a Verify form (server-side; audit-verify.js does it in the browser when JavaScript runs).
 */
export function AuditListView(props: {
  ctx: PageCtx;
  process: Process;
  page: Omit<ProcessAuditPage, 'items'> & { items: PublicEvent[] };
  who: Map<string, Who>;
  action: string | undefined;
}) {
  const { ctx, process, page, action } = props;
  const { t, lang } = ctx;
  const base = `/processes/${process.slug}`;
  const here = localPath(lang, `${base}/audit`);
  const title = t('audit.title');
  const processTitle = pick(lang, process, 'title');
  return (
    <Layout ctx={ctx} title={`${title} — ${processTitle}`}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, base), label: processTitle }]} current={title} />
      <h1>{title}</h1>
      <p class="lead">{t('audit.intro')}</p>
      <p>
        {t('audit.apiIntro')} <a href={`/api/v1/processes/${process.slug}/audit`}>{t('audit.apiLink')}</a> ·{' '}
        <code>{`concord audit verify --process ${process.slug}`}</code>
      </p>
      <VerifyBox ctx={ctx} process={process} />
      <form method="get" action={here} class="filters" role="search" aria-label={t('audit.filters')}>
        <div class="field">
          <label for="audit-action">{t('audit.filterAction')}</label>
          <select id="audit-action" name="action">
            <option value="">{t('audit.allActions')}</option>
            {ACTION_PREFIXES.map((p) => (
              <option key={p} value={p} selected={action === p}>
                {t(`audit.prefixes.${p.slice(0, -1)}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t('audit.filter')}
        </button>
      </form>
      {page.items.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <table class="table audit-table">
          <caption>{t('audit.caption', { timezone: process.timezone })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.col.seq')}</th>
              <th scope="col">{t('audit.col.when')}</th>
              <th scope="col">{t('audit.col.who')}</th>
              <th scope="col">{t('audit.col.what')}</th>
              <th scope="col">{t('audit.col.record')}</th>
              <th scope="col">{t('audit.col.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((e) => {
              const seq = e.seq;
              const at = new Date(e.occurredAt);
              const path = entityPath(process.slug, { entity_type: e.entityType, entity_id: e.entityId });
              const record = t(`audit.entities.${e.entityType}`, { defaultValue: e.entityType });
              return (
                <tr key={seq} id={`event-${seq}`}>
                  <td class="num">{seq}</td>
                  <td>
                    <time dateTime={at.toISOString()}>{formatDateTime(lang, at, process.timezone)}</time>
                  </td>
                  <td>{whoText(ctx, props.who.get(seq))}</td>
                  <td>
                    {whatText(ctx, e.action)} <code class="meta">{e.action}</code>
                  </td>
                  <td>
                    {path ? (
                      <a href={localPath(lang, path)}>{record}</a>
                    ) : e.entityId === null ? (
                      <>
                        {record} <span class="meta">({t('audit.recordWithheld')})</span>
                      </>
                    ) : (
                      <>
                        {record} <code title={e.entityId}>{e.entityId.length > 13 ? `${e.entityId.slice(0, 8)}…` : e.entityId}</code>
                      </>
                    )}
                  </td>
                  <td>
                    <Hashes ctx={ctx} e={e} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <nav aria-label={t('audit.pages')} class="pager">
        <ul class="inline-list">
          <li>
            <a href={`${here}${query(action, {})}`}>{t('audit.newest')}</a>
          </li>
          {page.previous && (
            <li>
              <a href={`${here}${query(action, { before: page.previous })}`} rel="prev">
                {t('audit.newer')}
              </a>
            </li>
          )}
          {page.next && (
            <li>
              <a href={`${here}${query(action, { after: page.next })}`} rel="next">
                {t('audit.older')}
              </a>
            </li>
          )}
        </ul>
      </nav>
    </Layout>
  );
}
