import type { PageCtx } from '../../../../platform/web/context.js';
import { Layout } from '../../../../platform/web/layout.js';
import { Breadcrumb } from '../../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, FieldShell, Form, Submit } from '../../../../platform/web/components/forms.js';
import type { QueueEntryModel, QueuePageModel } from '../../dispositions.page-presenter.js';
import { DispositionProgress } from './progress.js';
import { CommentBody } from './parts.js';

/** The form answering one entry; it always answers the whole group of duplicates. */
function ResponseForm({ ctx, id, f }: { ctx: PageCtx; id: string; f: QueueEntryModel['form'] }) {
  const { t } = ctx;
  const v = f.values;
  const err = (name: string) => f.errors[name];
  return (
    <Form ctx={ctx} action={f.action} class="form form--wide">
      <input type="hidden" name="groupId" value={f.groupId} />
      <input type="hidden" name="entry" value={id} />
      <input type="hidden" name="status" value={f.status} />
      {f.after && <input type="hidden" name="after" value={f.after} />}
      {f.before && <input type="hidden" name="before" value={f.before} />}
      <fieldset class={err('outcome') ? 'field field--error' : 'field'} aria-describedby={err('outcome') ? `field-outcome-${id}-error` : undefined}>
        <legend>{t('dispositions.queue.outcome')}</legend>
        {err('outcome') && (
          <p class="field-error" id={`field-outcome-${id}-error`}>
            {err('outcome')}
          </p>
        )}
        {f.outcomes.map((o, i) => {
          const fieldId = i === 0 ? `field-outcome-${id}` : `field-outcome-${id}-${o.value}`;
          return (
            <div class="choice" key={o.value}>
              <input type="radio" id={fieldId} name="outcome" value={o.value} checked={v.outcome === o.value} />
              <label for={fieldId}>{o.label}</label>
            </div>
          );
        })}
      </fieldset>
      <FieldShell name={`rationale-${id}`} label={t('dispositions.queue.rationale')} hint={f.rationaleHint} error={err('rationale')}>
        {(w) => (
          <textarea id={w.id} name="rationale" rows={5} lang={f.lang} maxLength={f.rationaleMax} aria-invalid={w.invalid} aria-describedby={w.describedBy}>
            {v.rationale ?? ''}
          </textarea>
        )}
      </FieldShell>
      <FieldShell name={`versionNumber-${id}`} label={t('dispositions.queue.changedVersion')} error={err('versionNumber')}>
        {(w) => (
          <select id={w.id} name="versionNumber" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
            <option value="">{t('dispositions.queue.noVersion')}</option>
            {f.versions.map((n) => (
              <option key={n.value} value={n.value} selected={v.versionNumber === n.value}>
                {n.label}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <FieldShell name={`anchor-${id}`} label={t('dispositions.queue.changedAnchor')} hint={t('dispositions.queue.changedAnchorHint')} error={err('anchor')}>
        {(w) => <input id={w.id} name="anchor" type="text" value={v.anchor ?? ''} aria-invalid={w.invalid} aria-describedby={w.describedBy} />}
      </FieldShell>
      <Submit>{t('dispositions.queue.save')}</Submit>
    </Form>
  );
}

/**
 * The editors' queue: listed comments (one per group of duplicates), the awaiting ones by
 * default, 25 a page with next/previous links, each with a response form that works without
 * JavaScript and returns to the same page.
 */
export function QueueView({ ctx, model: m }: { ctx: PageCtx; model: QueuePageModel }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      <p>{t('dispositions.queue.intro')}</p>
      <DispositionProgress disposed={m.progress.disposed} total={m.progress.total} lang={lang} />
      <p>
        <a href={m.reportPath}>{t('dispositions.queue.report')}</a>
      </p>
      <nav aria-label={t('dispositions.queue.filterLegend')}>
        <ul class="inline-list">
          {m.filters.map((s) => (
            <li key={s.status}>
              <a href={s.path} aria-current={s.current ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorSummary ctx={ctx} errors={m.errors} />
      {m.entries.length === 0 && <p>{t('dispositions.queue.empty')}</p>}
      {m.entries.map((e) => (
        <section key={e.id} id={`c-${e.id}`} class="card" aria-labelledby={`h-${e.id}`}>
          <h2 id={`h-${e.id}`}>{e.heading}</h2>
          <p class="meta">{e.meta}</p>
          <CommentBody body={e.body} />
          {e.current && <p>{e.current}</p>}
          <ResponseForm ctx={ctx} id={e.id} f={e.form} />
        </section>
      ))}
      {(m.previousPath || m.nextPath) && (
        <nav aria-label={t('dispositions.queue.pagination')}>
          <ul class="inline-list">
            {m.previousPath && (
              <li>
                <a href={m.previousPath} rel="prev">
                  {t('dispositions.queue.previous')}
                </a>
              </li>
            )}
            {m.nextPath && (
              <li>
                <a href={m.nextPath} rel="next">
                  {t('dispositions.queue.next')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </Layout>
  );
}
