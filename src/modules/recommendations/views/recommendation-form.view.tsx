import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, Field, FieldShell, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { MAX_TEXT, PRIORITIES } from '../recommendations.schema.js';
import type { RecommendationFormPageModel } from '../recommendations.page-presenter.js';

/** What the form shows: what was typed, or the recommendation as it is. Multi-choices are arrays. */
export type RecommendationFormValues = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Create or edit a recommendation; the number is asked only when creating (it is the permanent address). */
export function RecommendationFormView(props: {
  ctx: PageCtx;
  model: RecommendationFormPageModel;
  values: RecommendationFormValues;
  errors?: Record<string, string>;
}) {
  const { ctx, model: m } = props;
  const { choices } = m;
  const { t } = ctx;
  const v = props.values;
  const e = props.errors ?? {};
  const chosenSg = new Set(many(v.stakeholderGroupIds));
  const chosenOrgs = new Set(many(v.organisationIds));
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.back.href, label: m.back.label }]} current={m.title} />
      <h1>{m.title}</h1>
      <ErrorSummary ctx={ctx} errors={e} />
      <Form ctx={ctx} action={m.action} class="form form--wide">
        {m.number === undefined ? (
          <Field
            name="number"
            label={t('recommendations.fields.number')}
            hint={t('recommendations.hints.number')}
            value={one(v.number)}
            error={e.number}
            required
          />
        ) : (
          <p>{t('recommendations.numbered', { number: m.number })}</p>
        )}
        <Field name="titleEn" label={t('recommendations.fields.titleEn')} value={one(v.titleEn)} error={e.titleEn} required />
        <Field name="titleFr" label={t('recommendations.fields.titleFr')} value={one(v.titleFr)} error={e.titleFr} required />
        <TextArea
          name="textEn"
          label={t('recommendations.fields.textEn')}
          hint={t('recommendations.hints.markdown')}
          value={one(v.textEn)}
          error={e.textEn}
          rows={8}
          limit={textLimit(t, MAX_TEXT)}
        />
        <TextArea
          name="textFr"
          label={t('recommendations.fields.textFr')}
          hint={t('recommendations.hints.markdown')}
          value={one(v.textFr)}
          error={e.textFr}
          rows={8}
          limit={textLimit(t, MAX_TEXT)}
        />
        <fieldset class={e.priority ? 'field field--error' : 'field'} id="field-priority">
          <legend>{t('recommendations.fields.priority')}</legend>
          {e.priority && <p class="field-error">{e.priority}</p>}
          {PRIORITIES.map((p) => (
            <div class="choice" key={p}>
              <input type="radio" id={`field-priority-${p}`} name="priority" value={p} checked={(one(v.priority) ?? 'medium') === p} />
              <label for={`field-priority-${p}`}>{t(`recommendations.priorities.${p}`)}</label>
            </div>
          ))}
        </fieldset>
        <FieldShell name="group" label={t('recommendations.fields.group')} error={e.group}>
          {(w) => (
            <select id={w.id} name="group" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
              <option value="">{t('recommendations.none')}</option>
              {choices.groups.map((g) => (
                <option key={g.id} value={g.slug} selected={one(v.group) === g.slug}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <FieldShell name="document" label={t('recommendations.fields.document')} error={e.document}>
          {(w) => (
            <select id={w.id} name="document" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
              <option value="">{t('recommendations.none')}</option>
              {choices.documents.map((d) => (
                <option key={d.id} value={d.slug} selected={one(v.document) === d.slug} lang={d.lang}>
                  {d.title}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <Field name="anchor" label={t('recommendations.fields.anchor')} hint={t('recommendations.hints.anchor')} value={one(v.anchor)} error={e.anchor} />
        <Field
          name="consensusCallId"
          label={t('recommendations.fields.consensusCallId')}
          hint={t('recommendations.hints.consensusCallId')}
          value={one(v.consensusCallId)}
          error={e.consensusCallId}
        />
        <fieldset class={e.stakeholderGroupIds ? 'field field--error' : 'field'} id="field-stakeholderGroupIds">
          <legend>{t('recommendations.fields.stakeholderGroups')}</legend>
          {e.stakeholderGroupIds && <p class="field-error">{e.stakeholderGroupIds}</p>}
          {choices.stakeholderGroups.map((s) => (
            <div class="choice" key={s.id}>
              <input type="checkbox" id={`field-sg-${s.id}`} name="stakeholderGroupIds" value={s.id} checked={chosenSg.has(s.id)} />
              <label for={`field-sg-${s.id}`}>{s.name}</label>
            </div>
          ))}
        </fieldset>
        <FieldShell
          name="organisationIds"
          label={t('recommendations.fields.organisations')}
          hint={t('recommendations.hints.organisations')}
          error={e.organisationIds}
        >
          {(w) => (
            <select
              id={w.id}
              name="organisationIds"
              multiple
              size={Math.min(8, Math.max(3, choices.organisations.length))}
              aria-invalid={w.invalid}
              aria-describedby={w.describedBy}
            >
              {choices.organisations.map((o) => (
                <option key={o.id} value={o.id} selected={chosenOrgs.has(o.id)}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <Submit>{t('recommendations.save')}</Submit>
      </Form>
    </Layout>
  );
}
