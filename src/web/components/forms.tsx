import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../context.js';

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
  const id = `field-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
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
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : props.value}
        autoComplete={props.autocomplete}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
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
