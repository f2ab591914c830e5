import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { Process } from '../../processes/index.js';
import type { DocumentRow } from '../documents.repository.js';
import type { BlockDiff, DiffSummary, WordOp } from '../documents.diff.js';
import type { Comparison } from '../documents.reading.js';
import { documentPath } from '../documents.service.js';

/**
 * "12 paragraphs changed, 2 added, 1 removed": the counts that are not zero, pluralised.
 * @example summaryText(t, { changed: 1, added: 0, removed: 2, moved: 0, same: 9 }) // '1 paragraph changed, 2 removed'
 */
export function summaryText(t: PageCtx['t'], s: DiffSummary): string {
  const parts = (['changed', 'added', 'removed', 'moved'] as const).filter((k) => s[k] > 0).map((k) => t(`documents.summary.${k}`, { count: s[k] }));
  return parts.length === 0 ? t('documents.summary.none') : parts.join(', ');
}

/** One run of words: inserted and deleted runs are underlined or struck, and announced as such. */
export function Op(props: { t: PageCtx['t']; op: WordOp }) {
  const { op, t } = props;
  if (op.op === 'eq') return <>{op.text}</>;
  const Tag = op.op;
  return (
    <Tag>
      <span class="visually-hidden">{t(op.op === 'ins' ? 'documents.inserted' : 'documents.deleted')} </span>
      {op.text}
    </Tag>
  );
}

/** The legend of the diff: what underline and strike-through mean. */
export function Legend(props: { t: PageCtx['t'] }) {
  const { t } = props;
  return (
    <section class="diff-legend" aria-labelledby="diff-legend-title">
      <h2 id="diff-legend-title">{t('documents.legend.title')}</h2>
      <ul>
        <li>
          <ins>
            <span class="visually-hidden">{t('documents.inserted')} </span>
            {t('documents.legend.insSample')}
          </ins>{' '}
          — {t('documents.legend.ins')}
        </li>
        <li>
          <del>
            <span class="visually-hidden">{t('documents.deleted')} </span>
            {t('documents.legend.delSample')}
          </del>{' '}
          — {t('documents.legend.del')}
        </li>
      </ul>
    </section>
  );
}

function BlockChange(props: { ctx: PageCtx; b: BlockDiff; docLang: string; link: string | null }) {
  const { ctx, b } = props;
  const { t } = ctx;
  return (
    <li class={`diff-block diff-block--${b.status}`}>
      <p class="diff-block__head">
        <strong>{props.link ? <a href={props.link}>{b.label}</a> : b.label}</strong> — {t(`documents.blockStatus.${b.status}`)}
      </p>
      <p class="diff-block__text" lang={props.docLang}>
        {b.ops.map((op, i) => (
          <Op key={i} t={t} op={op} />
        ))}
      </p>
    </li>
  );
}

/** Two versions compared: a GET form choosing them, the summary, a legend, and each changed block. */
export function CompareView(props: { ctx: PageCtx; process: Process; doc: DocumentRow; comparison: Comparison }) {
  const { ctx, process, doc, comparison } = props;
  const { t, lang } = ctx;
  const base = documentPath(process.slug, doc.slug);
  const numbers = Array.from({ length: doc.version_count }, (_, i) => i + 1);
  const changed = comparison.diff.blocks.filter((b) => b.status !== 'same');
  const toPath = `${base}/versions/${comparison.to.number}`;
  return (
    <Layout ctx={ctx} title={t('documents.compareTitle', { title: doc.title })}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, base), label: doc.title }, { href: localPath(lang, `${base}/versions`), label: t('documents.history') }]} current={t('documents.compareTitle', { title: doc.title })} />
      <h1>{t('documents.compareTitle', { title: doc.title })}</h1>
      <form method="get" action={localPath(lang, `${base}/compare`)} class="form filters">
        <fieldset>
          <legend class="visually-hidden">{t('documents.compare')}</legend>
          {(['from', 'to'] as const).map((name) => (
            <div class="field" key={name}>
              <label for={`field-${name}`}>{t(`documents.${name}`)}</label>
              <select id={`field-${name}`} name={name}>
                {numbers.map((n) => (
                  <option key={n} value={String(n)} selected={comparison[name].number === n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" class="button">
            {t('documents.compareSubmit')}
          </button>
        </fieldset>
      </form>
      <h2>{t('documents.compareHeading', { from: comparison.from.number, to: comparison.to.number })}</h2>
      <p class="diff-summary" role="status">
        {summaryText(t, comparison.diff.summary)}
      </p>
      <Legend t={t} />
      {changed.length > 0 && (
        <ol class="diff">
          {changed.map((b) => (
            <BlockChange
              key={`${b.status}-${b.anchor}`}
              ctx={ctx}
              b={b}
              docLang={doc.lang}
              link={b.status === 'removed' ? null : localPath(lang, `${toPath}#${b.anchor}`)}
            />
          ))}
        </ol>
      )}
      {comparison.diff.summary.same > 0 && <p class="meta">{t('documents.unchangedOmitted', { count: comparison.diff.summary.same })}</p>}
    </Layout>
  );
}
