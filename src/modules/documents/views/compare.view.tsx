import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { BlockChangeModel, ComparePageModel } from '../documents.reading.page-presenter.js';

/** One run of words: inserted and deleted runs are underlined or struck, and announced as such. */
export function Op(props: { t: PageCtx['t']; op: BlockChangeModel['ops'][number] }) {
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

function BlockChange(props: { ctx: PageCtx; b: BlockChangeModel; docLang: string }) {
  const { ctx, b } = props;
  const { t } = ctx;
  return (
    <li class={`diff-block diff-block--${b.status}`}>
      <p class="diff-block__head">
        <strong>{b.path !== null ? <a href={b.path}>{b.label}</a> : b.label}</strong> — {b.statusText}
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
export function CompareView(props: { ctx: PageCtx; model: ComparePageModel }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const title = t('documents.compareTitle', { title: m.docTitle });
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.docPath, label: m.docTitle }, { href: m.historyPath, label: t('documents.history') }]} current={title} />
      <h1>{title}</h1>
      <form method="get" action={m.action} class="form filters">
        <fieldset>
          <legend class="visually-hidden">{t('documents.compare')}</legend>
          {(['from', 'to'] as const).map((name) => (
            <div class="field" key={name}>
              <label for={`field-${name}`}>{t(`documents.${name}`)}</label>
              <select id={`field-${name}`} name={name}>
                {m.numbers.map((n) => (
                  <option key={n} value={String(n)} selected={m[name] === n}>
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
      <h2>{t('documents.compareHeading', { from: m.from, to: m.to })}</h2>
      <p class="diff-summary" role="status">
        {m.summary}
      </p>
      <Legend t={t} />
      {m.changed.length > 0 && (
        <ol class="diff">
          {m.changed.map((b) => (
            <BlockChange key={b.key} ctx={ctx} b={b} docLang={m.docLang} />
          ))}
        </ol>
      )}
      {m.same > 0 && <p class="meta">{t('documents.unchangedOmitted', { count: m.same })}</p>}
    </Layout>
  );
}
