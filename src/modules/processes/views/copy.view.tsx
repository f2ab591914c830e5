import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, Field, Form, Submit } from '../../../platform/web/components/forms.js';
import type { CopyProcessPageModel } from '../processes.page-presenter.js';

/** Start a new process from this one: a new short name, titles and a start date. */
export function CopyProcessView({ ctx, model, values = {}, errors = {} }: { ctx: PageCtx; model: CopyProcessPageModel; values?: Record<string, string | undefined>; errors?: Record<string, string> }) {
  const { t } = ctx;
  const title = t('processes.copyTitle', { title: model.sourceTitle });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('processes.copyIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={model.action}>
        <Field name="slug" label={t('processes.fields.slug')} hint={t('processes.fields.slugHint')} value={values.slug} error={errors.slug} required />
        <Field name="titleEn" label={t('processes.fields.titleEn')} value={values.titleEn} error={errors.titleEn} required />
        <Field name="titleFr" label={t('processes.fields.titleFr')} value={values.titleFr} error={errors.titleFr} required />
        <Field name="startsOn" type="date" label={t('processes.fields.startDate')} hint={t('processes.fields.startDateHint')} value={values.startsOn} error={errors.startsOn} />
        <Submit>{t('processes.copySubmit')}</Submit>
      </Form>
    </Layout>
  );
}
