import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Form } from '../../../platform/web/components/forms.js';
import type { DuplicatesPageModel, ModerationPageModel } from '../comments.page-presenter.js';
import { SignalsSection } from './signals.view.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** One open consent report with its two answers (uphold hides the comment as not consented). */
function ReportItem({ ctx, r }: { ctx: PageCtx; r: ModerationPageModel['reports'][number] }) {
  const { t } = ctx;
  return (
    <li class="card">
      <p>
        <a href={r.commentPath}>{r.commentTitle}</a> — {r.when}
      </p>
      <blockquote>
        <p>{r.statement}</p>
      </blockquote>
      <Form ctx={ctx} action={r.action} class="form">
        <div class="field">
          <label for={`resolution-${r.id}`}>{r.resolutionLabel}</label>
          <input id={`resolution-${r.id}`} name="resolution" type="text" />
        </div>
        <div class="actions">
          <button type="submit" class="button" name="decision" value="uphold">
            {t('comments.uphold')}
          </button>
          <button type="submit" class="button" name="decision" value="dismiss">
            {t('comments.dismiss')}
          </button>
        </div>
      </Form>
    </li>
  );
}


/** A period's moderation page: open consent reports, then the comments hidden lately. */
export function ModerationView({ ctx, model: m }: { ctx: PageCtx; model: ModerationPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      <p>{t('comments.moderationIntro')}</p>
      {m.importPath ? (
        <p>
          <a href={m.importPath}>{t('commentImport.importLink')}</a>
        </p>
      ) : null}
      <h2>{t('comments.openReports', { count: m.reports.length })}</h2>
      {m.reports.length === 0 ? (
        <p>{t('comments.noReports')}</p>
      ) : (
        <ul class="cards">
          {m.reports.map((r) => (
            <ReportItem key={r.id} ctx={ctx} r={r} />
          ))}
        </ul>
      )}
      <h2>{t('comments.recentlyHidden')}</h2>
      {m.hidden.length === 0 ? (
        <p>{t('comments.noneHidden')}</p>
      ) : (
        <ScrollTable class="table" label={t('comments.recentlyHiddenCaption')}>
          <caption>{t('comments.recentlyHiddenCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('comments.columns.comment')}</th>
              <th scope="col">{t('comments.columns.reason')}</th>
              <th scope="col">{t('comments.columns.hiddenAt')}</th>
              <th scope="col">{t('comments.columns.hiddenBy')}</th>
            </tr>
          </thead>
          <tbody>
            {m.hidden.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={c.path}>{c.receipt}</a>
                </td>
                <td>{c.reason}</td>
                <td>{c.when}</td>
                <td>{c.by}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <SignalsSection ctx={ctx} s={m.signals} />
    </Layout>
  );
}

/** The people who sent one text (a duplicate group), a page at a time; hidden ones as tombstones. */
export function DuplicatesView({ ctx, model: m }: { ctx: PageCtx; model: DuplicatesPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      <p>{m.sameText}</p>
      <ol>
        {m.people.map((c) => (
          <li key={c.id}>
            <a href={c.path}>{c.label}</a>
            {c.organisation ? ` — ${c.organisation}` : ''} · {c.when}
          </li>
        ))}
      </ol>
      {m.nextPath && (
        <p>
          <a href={m.nextPath} rel="next">
            {t('comments.nextPage')}
          </a>
        </p>
      )}
    </Layout>
  );
}
