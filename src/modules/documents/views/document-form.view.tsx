import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, Field, FieldShell, Form, Submit, TextArea } from '../../../platform/web/components/forms.js';
import type { Process } from '../../processes/index.js';
import type { WorkingGroup } from '../../groups/index.js';
import type { DocumentRow } from '../documents.repository.js';
import { DOCUMENT_KINDS } from '../documents.schema.js';

type Values = Record<string, string | undefined>;

/** A labelled select with its error, from value/label pairs. */
function Select(props: { name: string; label: string; value: string | undefined; options: [string, string][]; error?: string | undefined; hint?: string }) {
  return (
    <FieldShell name={props.name} label={props.label} error={props.error} hint={props.hint}>
      {(w) => (
        <select id={w.id} name={props.name} aria-invalid={w.invalid} aria-describedby={w.describedBy}>
          {props.options.map(([value, label]) => (
            <option key={value} value={value} selected={props.value === value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/**
 * Create a document: where it belongs (the process, or one of the groups the person may
 * write for), its address, kind, language, title, visibility, what it translates, and its text.
 */
export function NewDocumentView(props: {
  ctx: PageCtx;
  process: Process;
  action: string;
  /** Groups this person may create documents for, and whether they may create the process's own. */
  groups: WorkingGroup[];
  forProcess: boolean;
  originals: DocumentRow[];
  values?: Values;
  errors?: Record<string, string>;
}) {
  const { ctx } = props;
  const { t, lang } = ctx;
  const v = props.values ?? {};
  const errors = props.errors ?? {};
  const owners: [string, string][] = [
    ...(props.forProcess ? [['', t('documents.fields.groupNone')] as [string, string]] : []),
    ...props.groups.map((g) => [g.slug, pick(lang, g, 'name')] as [string, string]),
  ];
  return (
    <Layout ctx={ctx} title={t('documents.newTitle')}>
      <h1>{t('documents.newTitle')}</h1>
      <p>{t('documents.newIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={props.action} class="form form--wide">
        <Select name="group" label={t('documents.fields.group')} value={v.group ?? ''} options={owners} error={errors.group} />
        <Field name="title" label={t('documents.fields.title')} value={v.title} error={errors.title} required />
        <Field name="slug" label={t('documents.fields.slug')} hint={t('documents.fields.slugHint')} value={v.slug} error={errors.slug} required />
        <Select
          name="kind"
          label={t('documents.fields.kind')}
          value={v.kind ?? 'report'}
          options={DOCUMENT_KINDS.map((k) => [k, t(`documents.kinds.${k}`)])}
          error={errors.kind}
        />
        <Select
          name="lang"
          label={t('documents.fields.lang')}
          value={v.lang ?? lang}
          options={(['en', 'fr'] as const).map((l) => [l, t(`documents.langs.${l}`)])}
          error={errors.lang}
        />
        <Select
          name="translationOf"
          label={t('documents.fields.translationOf')}
          value={v.translationOf ?? ''}
          options={[
            ['', t('documents.fields.translationNone')],
            ...props.originals.map((d) => [d.slug, `${d.title} (${t(`documents.langs.${d.lang}`)})`] as [string, string]),
          ]}
          error={errors.translationOf}
        />
        <div class="field choice">
          <input type="checkbox" id="field-membersOnly" name="membersOnly" value="on" checked={v.membersOnly === 'on'} />
          <label for="field-membersOnly">{t('documents.fields.membersOnly')}</label>
        </div>
        <TextArea
          name="markdown"
          label={t('documents.fields.markdown')}
          hint={t('documents.fields.markdownHint')}
          value={v.markdown}
          error={errors.markdown}
          rows={24}
        />
        <Field name="message" label={t('documents.fields.message')} hint={t('documents.fields.messageHint')} value={v.message} error={errors.message} />
        <Submit>{t('documents.createSubmit')}</Submit>
      </Form>
    </Layout>
  );
}

/** Save a new version: title and text prefilled from the current version, and a message. */
export function EditDocumentView(props: { ctx: PageCtx; doc: DocumentRow; action: string; values: Values; errors?: Record<string, string> }) {
  const { ctx, doc } = props;
  const { t } = ctx;
  const v = props.values;
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('documents.editTitle', { title: doc.title })}>
      <h1>{t('documents.editTitle', { title: doc.title })}</h1>
      <p>{t('documents.editIntro', { n: doc.version_count, next: doc.version_count + 1 })}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={props.action} class="form form--wide">
        <Field name="title" label={t('documents.fields.title')} value={v.title} error={errors.title} required />
        <TextArea
          name="markdown"
          label={t('documents.fields.markdown')}
          hint={t('documents.fields.markdownHint')}
          value={v.markdown}
          error={errors.markdown}
          rows={30}
        />
        <Field name="message" label={t('documents.fields.message')} hint={t('documents.fields.messageHint')} value={v.message} error={errors.message} />
        <Submit>{t('documents.saveSubmit')}</Submit>
      </Form>
    </Layout>
  );
}
