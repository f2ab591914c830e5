import { Fragment } from 'preact';
import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, FieldShell, Submit } from '../../../platform/web/components/forms.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';
import type { ImportPageModel, ImportsPageModel } from '../imports.page-presenter.js';

/** The upload page: a plain multipart form (its file input last: the server reads the fields before it), then the period's past imports. */
export function ImportsView({ ctx, model: m, errors = {} }: { ctx: PageCtx; model: ImportsPageModel; errors?: Record<string, string> }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={t('commentImport.importsCrumb')} />
      <h1>{m.title}</h1>
      <p>{t('commentImport.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={m.action} enctype="multipart/form-data" class="form" noValidate>
        <input type="hidden" name="_csrf" value={ctx.csrf()} />
        <FieldShell name="file" label={t('commentImport.fileLabel')} hint={m.hint} error={errors.file}>
          {(w) => (
            <input
              id={w.id}
              name="file"
              type="file"
              accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
              aria-invalid={w.invalid}
              aria-describedby={w.describedBy}
            />
          )}
        </FieldShell>
        <Submit>{t('commentImport.uploadButton')}</Submit>
      </form>
      <h2>{t('commentImport.pastImports')}</h2>
      {m.imports.length === 0 ? (
        <p>{t('commentImport.noImports')}</p>
      ) : (
        <ScrollTable class="table" label={t('commentImport.pastImports')}>
          <caption>{t('commentImport.pastImports')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('commentImport.columns.file')}</th>
              <th scope="col">{t('commentImport.columns.started')}</th>
              <th scope="col">{t('commentImport.columns.status')}</th>
              <th scope="col">{t('commentImport.columns.figures')}</th>
            </tr>
          </thead>
          <tbody>
            {m.imports.map((x) => (
              <tr key={x.path}>
                <td>
                  <a href={x.path}>{x.fileName}</a>
                </td>
                <td>{x.when}</td>
                <td>{x.status}</td>
                <td>{x.figures}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </Layout>
  );
}

/** An import's progress: a bar with its figures, showing itself again while the import runs; then the refused rows. */
export function ImportView({ ctx, model: m }: { ctx: PageCtx; model: ImportPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.title} refreshSeconds={m.refresh}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.fileName} />
      <h1>{m.title}</h1>
      <p role="status">{t('commentImport.statusLine', { status: m.status })}</p>
      {m.refreshLinks && 'stop' in m.refreshLinks ? (
        <p>
          {t('commentImport.refreshing', { seconds: m.refresh })} <a href={m.refreshLinks.stop}>{t('commentImport.stopRefreshing')}</a>
        </p>
      ) : null}
      {m.refreshLinks && 'now' in m.refreshLinks ? (
        <p>
          {t('commentImport.refreshOff')} <a href={m.refreshLinks.now}>{t('commentImport.refreshNow')}</a> ·{' '}
          <a href={m.refreshLinks.follow}>{t('commentImport.refreshOn')}</a>
        </p>
      ) : null}
      {m.progress ? (
        <p>
          <label for="import-progress">{m.progress.label}</label>{' '}
          <progress id="import-progress" value={m.progress.value} max={m.progress.max}>
            {m.progress.label}
          </progress>
        </p>
      ) : null}
      {m.error ? <p class="warning">{m.error}</p> : null}
      <dl class="facts">
        {m.figures.map((f) => (
          <Fragment key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </Fragment>
        ))}
      </dl>
      {m.refusals.length ? (
        <>
          <h2>{t('commentImport.refusedTitle')}</h2>
          <ScrollTable class="table" label={m.refusalsCaption}>
            <caption>{m.refusalsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('commentImport.columns.line')}</th>
                <th scope="col">{t('commentImport.columns.key')}</th>
                <th scope="col">{t('commentImport.columns.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {m.refusals.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <td>{r.key}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          {m.nextPage ? (
            <p>
              <a href={m.nextPage}>{t('commentImport.moreRefusals')}</a>
            </p>
          ) : null}
        </>
      ) : null}
      {m.csvPath ? (
        <p>
          <a href={m.csvPath} download>
            {t('commentImport.downloadRefused')}
          </a>
        </p>
      ) : null}
      <p>
        <a href={m.uploadPath}>{t('commentImport.backToImports')}</a>
      </p>
    </Layout>
  );
}
