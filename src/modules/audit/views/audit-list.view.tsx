import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { AuditEventModel, AuditListPageModel } from '../audit.page-presenter.js';
import { PersonName } from '../../../platform/web/components/person-name.js';
import { VerifyBox } from './verify-box.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** A hash as published, or why it is not. */
function HashValue(props: { ctx: PageCtx; hash: string | null }) {
  return props.hash === null ? <span class="meta">{props.ctx.t('audit.hashWithheld')}</span> : <code>{props.hash}</code>;
}

/** One event's hash and previous hash: shortened, the full values behind a disclosure. */
function Hashes(props: { ctx: PageCtx; e: AuditEventModel }) {
  const { t } = props.ctx;
  return (
    <details>
      <summary>{props.e.shortHash === null ? t('audit.recordWithheld') : <code>{props.e.shortHash}</code>}</summary>
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

/** Which record an event is about: a link to its page, its id, or why it is withheld. */
function Record(props: { ctx: PageCtx; r: AuditEventModel['record'] }) {
  const { r } = props;
  if (r.href) return <a href={r.href}>{r.label}</a>;
  if (r.withheld)
    return (
      <>
        {r.label} <span class="meta">({props.ctx.t('audit.recordWithheld')})</span>
      </>
    );
  return (
    <>
      {r.label} <code title={r.fullId ?? undefined}>{r.shortId}</code>
    </>
  );
}

/**
 * A process's public audit trail: every change newest first with who, what, which record and
 * its place in the hash chain; an action filter in a GET form, keyset Newer / Older links, and
 * a Verify form (server-side; audit-verify.js does it in the browser when JavaScript runs).
 */
export function AuditListView(props: { ctx: PageCtx; model: AuditListPageModel }) {
  const { ctx, model } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${model.title} — ${model.processTitle}`}>
      <Breadcrumb ctx={ctx} trail={[model.processCrumb]} current={model.title} />
      <h1>{model.title}</h1>
      <p class="lead">{t('audit.intro')}</p>
      <p>
        {t('audit.apiIntro')} <a href={model.apiPath}>{t('audit.apiLink')}</a> · <code>{model.cliCommand}</code>
      </p>
      <VerifyBox ctx={ctx} model={model.verify} />
      <form method="get" action={model.filterAction} class="filters" role="search" aria-label={t('audit.filters')}>
        <div class="field">
          <label for="audit-action">{t('audit.filterAction')}</label>
          <select id="audit-action" name="action">
            {model.actionOptions.map((o) => (
              <option key={o.value} value={o.value} selected={o.selected}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t('audit.filter')}
        </button>
      </form>
      {model.events.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <ScrollTable class="table audit-table" label={model.caption}>
          <caption>{model.caption}</caption>
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
            {model.events.map((e) => (
              <tr key={e.seq} id={`event-${e.seq}`}>
                <td class="num">{e.seq}</td>
                <td>
                  <time dateTime={e.at}>{e.when}</time>
                </td>
                <td>{typeof e.who === 'string' ? e.who : <PersonName p={e.who} />}</td>
                <td>
                  {e.what} <code class="meta">{e.action}</code>
                </td>
                <td>
                  <Record ctx={ctx} r={e.record} />
                </td>
                <td>
                  <Hashes ctx={ctx} e={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <nav aria-label={t('audit.pages')} class="pager">
        <ul class="inline-list">
          <li>
            <a href={model.newestPath}>{t('audit.newest')}</a>
          </li>
          {model.newerPath && (
            <li>
              <a href={model.newerPath} rel="prev">
                {t('audit.newer')}
              </a>
            </li>
          )}
          {model.olderPath && (
            <li>
              <a href={model.olderPath} rel="next">
                {t('audit.older')}
              </a>
            </li>
          )}
        </ul>
      </nav>
    </Layout>
  );
}
