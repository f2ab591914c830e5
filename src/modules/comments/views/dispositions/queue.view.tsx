import type { PageCtx } from '../../../../platform/web/context.js';
import { localPath } from '../../../../platform/web/context.js';
import { Layout } from '../../../../platform/web/layout.js';
import { Breadcrumb } from '../../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, FieldShell, Form, Submit } from '../../../../platform/web/components/forms.js';
import type { Process } from '../../../processes/index.js';
import type { DocumentRow } from '../../../documents/index.js';
import type { CoveredDocument } from '../../periods.service.js';
import type { Period } from '../../comments.repository.js';
import type { CommentEntry } from '../../dispositions.repository.js';
import type { QueuePage, QueueStatus, VersionRef } from '../../dispositions.report.js';
import { periodBase } from '../../dispositions.presenter.js';
import { OUTCOMES } from '../../dispositions.schema.js';
import { DispositionProgress, toAnswer } from './progress.js';
import { CommentBody } from './parts.js';

type Values = Record<string, string | undefined>;

/** The language of a document, named in the reader's language. */
const langName = (ctx: PageCtx, l: 'en' | 'fr') => ctx.t(`documents.langs.${l}`);

/** What the queue page shows. */
export interface QueueProps {
  ctx: PageCtx;
  process: Process;
  period: Period;
  documents: CoveredDocument[];
  status: QueueStatus;
  page: QueuePage;
  /** The cursor this page was reached with, so a saved response returns here. */
  cursor: { after?: string | undefined; before?: string | undefined };
  versions: Map<string, VersionRef>;
  /** Paragraph labels of each covered version's blocks, by document id then anchor. */
  labels: Map<string, Map<string, string>>;
  /** A form shown again: the comment it was for, what was typed, and the problems. */
  failed?: { commentId: string; values: Values; errors: Record<string, string> } | undefined;
}

/** The form answering one entry; it always answers the whole group of duplicates. */
function ResponseForm(props: QueueProps & { e: CommentEntry; doc: DocumentRow; action: string }) {
  const { ctx, e, doc } = props;
  const { t } = ctx;
  const failed = props.failed?.commentId === e.id ? props.failed : undefined;
  const errors = failed?.errors ?? {};
  const ref = e.d_version_id ? props.versions.get(e.d_version_id) : undefined;
  const v: Values = failed?.values ?? { outcome: e.d_outcome ?? undefined, rationale: e.d_rationale ?? undefined, versionNumber: ref ? String(ref.number) : '', anchor: e.d_anchor ?? '' };
  const numbers = [...props.versions.values()].filter((r) => r.document.id === doc.id).map((r) => r.number).sort((a, b) => b - a);
  const err = (name: string) => errors[`${name}-${e.id}`];
  return (
    <Form ctx={ctx} action={props.action} class="form form--wide">
      <input type="hidden" name="groupId" value={e.group_id} />
      <input type="hidden" name="entry" value={e.id} />
      <input type="hidden" name="status" value={props.status} />
      {props.cursor.after && <input type="hidden" name="after" value={props.cursor.after} />}
      {props.cursor.before && <input type="hidden" name="before" value={props.cursor.before} />}
      <fieldset class={err('outcome') ? 'field field--error' : 'field'} aria-describedby={err('outcome') ? `field-outcome-${e.id}-error` : undefined}>
        <legend>{t('dispositions.queue.outcome')}</legend>
        {err('outcome') && (
          <p class="field-error" id={`field-outcome-${e.id}-error`}>
            {err('outcome')}
          </p>
        )}
        {OUTCOMES.map((o, i) => {
          const id = i === 0 ? `field-outcome-${e.id}` : `field-outcome-${e.id}-${o}`;
          return (
            <div class="choice" key={o}>
              <input type="radio" id={id} name="outcome" value={o} checked={v.outcome === o} />
              <label for={id}>{t(`dispositions.outcomes.${o}`)}</label>
            </div>
          );
        })}
      </fieldset>
      <FieldShell name={`rationale-${e.id}`} label={t('dispositions.queue.rationale')} hint={t('dispositions.queue.rationaleHint', { lang: langName(ctx, doc.lang) })} error={err('rationale')}>
        {(w) => (
          <textarea id={w.id} name="rationale" rows={5} lang={doc.lang} aria-invalid={w.invalid} aria-describedby={w.describedBy}>
            {v.rationale ?? ''}
          </textarea>
        )}
      </FieldShell>
      <FieldShell name={`versionNumber-${e.id}`} label={t('dispositions.queue.changedVersion')} error={err('versionNumber')}>
        {(w) => (
          <select id={w.id} name="versionNumber" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
            <option value="">{t('dispositions.queue.noVersion')}</option>
            {numbers.map((n) => (
              <option key={n} value={String(n)} selected={v.versionNumber === String(n)}>
                {t('dispositions.queue.version', { number: n })}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <FieldShell name={`anchor-${e.id}`} label={t('dispositions.queue.changedAnchor')} hint={t('dispositions.queue.changedAnchorHint')} error={err('anchor')}>
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
export function QueueView(props: QueueProps) {
  const { ctx, process, period, page, status } = props;
  const { t, lang } = ctx;
  const base = periodBase(process.slug, period.id);
  const here = localPath(lang, `${base}/responses`);
  const title = t('dispositions.queue.title');
  const docs = new Map(props.documents.map((d) => [d.document.id, d.document]));
  const pageLink = (q: Record<string, string>) => `${here}?${new URLSearchParams({ status, ...q }).toString()}`;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, base), label: props.documents[0]?.document.title ?? '' }]} current={title} />
      <h1>{title}</h1>
      <p>{t('dispositions.queue.intro')}</p>
      <DispositionProgress disposed={period.disposed_count} total={toAnswer(period)} lang={lang} />
      <p>
        <a href={localPath(lang, `${base}/report`)}>{t('dispositions.queue.report')}</a>
      </p>
      <nav aria-label={t('dispositions.queue.filterLegend')}>
        <ul class="inline-list">
          {(['awaiting', 'answered', 'all'] as const).map((s) => (
            <li key={s}>
              <a href={`${here}?status=${s}`} aria-current={s === status ? 'page' : undefined}>
                {t(`dispositions.queue.filters.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorSummary ctx={ctx} errors={props.failed?.errors ?? {}} />
      {page.entries.length === 0 && <p>{t('dispositions.queue.empty')}</p>}
      {page.entries.map((e) => {
        const doc = docs.get(e.document_id);
        if (!doc) return null;
        const label = e.anchor ? props.labels.get(doc.id)?.get(e.anchor) : undefined;
        return (
          <section key={e.id} id={`c-${e.id}`} class="card" aria-labelledby={`h-${e.id}`}>
            <h2 id={`h-${e.id}`}>{t('dispositions.queue.entryHeading', { receipt: e.receipt })}</h2>
            <p class="meta">
              {t('dispositions.queue.on', {
                document: doc.title,
                paragraph: e.anchor ? t('dispositions.queue.paragraph', { label: label ?? e.anchor }) : t('dispositions.queue.general'),
              })}
              {' · '}
              {t('dispositions.queue.copies', { count: e.group_size })}
              {e.status === 'visible' && (
                <>
                  {' · '}
                  {t('dispositions.queue.by', { name: e.display_name })}
                </>
              )}
            </p>
            <CommentBody ctx={ctx} e={e} timeZone={period.time_zone} />
            {e.d_outcome && <p>{t('dispositions.queue.current', { outcome: t(`dispositions.outcomes.${e.d_outcome}`) })}</p>}
            <ResponseForm {...props} e={e} doc={doc} action={`${here}`} />
          </section>
        );
      })}
      {(page.previous || page.next) && (
        <nav aria-label={t('dispositions.queue.pagination')}>
          <ul class="inline-list">
            {page.previous && (
              <li>
                <a href={pageLink({ before: page.previous })} rel="prev">
                  {t('dispositions.queue.previous')}
                </a>
              </li>
            )}
            {page.next && (
              <li>
                <a href={pageLink({ after: page.next })} rel="next">
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
