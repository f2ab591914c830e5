import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../context.js';
import type { T } from '../../i18n/i18n.js';

/** A POST form that always carries the visitor's CSRF token. */
export function Form(props: { ctx: PageCtx; action: string; children: ComponentChildren; class?: string }) {
  return (
    <form method="post" action={props.action} class={props.class ?? 'form'} noValidate>
      <input type="hidden" name="_csrf" value={props.ctx.csrf()} />
      {props.children}
    </form>
  );
}

/**
 * The list of problems at the top of a form, each linking to its field (GOV.UK pattern).
 * Rendered only when there are errors; focusable so a screen reader lands on it.
 */
export function ErrorSummary(props: { ctx: PageCtx; errors: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{props.ctx.t('forms.errorSummary')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>{field === '_' ? message : <a href={`#field-${field}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

/** What a control inside a FieldShell needs to tie itself to its label, hint and error. */
export interface FieldWiring {
  id: string;
  describedBy: string | undefined;
  invalid: 'true' | undefined;
}

/**
 * The frame every field shares: label, hint and error, tied to the control through
 * aria-describedby, and the error styling. The control itself is the child.
 * @example <FieldShell name="when" label="When" error={e}>{(w) => <input id={w.id} aria-describedby={w.describedBy} />}</FieldShell>
 */
export function FieldShell(props: { name: string; label: string; hint?: string | undefined; error?: string | undefined; children: (w: FieldWiring) => ComponentChildren }) {
  const id = `field-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.children({ id, describedBy, invalid: props.error ? 'true' : undefined })}
    </div>
  );
}

/** A labelled input with its hint and error tied to it through aria-describedby. */
export function Field(props: {
  name: string;
  label: string;
  type?: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  autocomplete?: string;
  required?: boolean;
}) {
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(w) => (
        <input
          id={w.id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.type === 'password' ? undefined : props.value}
          autoComplete={props.autocomplete}
          required={props.required}
          aria-invalid={w.invalid}
          aria-describedby={w.describedBy}
        />
      )}
    </FieldShell>
  );
}

/**
 * A text field's stated limit: the schema's maximum, said in the hint and set as maxlength,
 * so that people learn it before the server refuses (the same number the Zod schema checks).
 * @example <TextArea name="minutesEn" … limit={textLimit(t, 100_000)} />
 */
export function textLimit(t: T, max: number): { max: number; hint: string } {
  return { max, hint: t('forms.upTo', { max }) };
}

/** A labelled textarea with its hint and error, like Field; with a limit, it is said and set as maxlength. */
export function TextArea(props: { name: string; label: string; value?: string | undefined; error?: string | undefined; hint?: string | undefined; rows?: number; limit?: { max: number; hint: string } | undefined }) {
  const hint = [props.hint, props.limit?.hint].filter(Boolean).join(' ') || undefined;
  return (
    <FieldShell name={props.name} label={props.label} hint={hint} error={props.error}>
      {(w) => (
        <textarea id={w.id} name={props.name} rows={props.rows ?? 6} maxLength={props.limit?.max} aria-invalid={w.invalid} aria-describedby={w.describedBy}>
          {props.value ?? ''}
        </textarea>
      )}
    </FieldShell>
  );
}

/** The form's main button. */
export function Submit(props: { children: ComponentChildren }) {
  return (
    <button type="submit" class="button">
      {props.children}
    </button>
  );
}
