import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, Field, Form, Submit } from '../../../platform/web/components/forms.js';

type Errors = Record<string, string>;
type Values = Record<string, string | undefined>;

/** Registration form. */
export function RegisterView({ ctx, values = {}, errors = {} }: { ctx: PageCtx; values?: Values; errors?: Errors }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('register.title')}>
      <h1>{t('register.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={localPath(lang, '/register')}>
        <Field name="name" label={t('fields.name')} hint={t('register.nameHint')} value={values.name} error={errors.name} autocomplete="name" required />
        <Field name="email" type="email" label={t('fields.email')} value={values.email} error={errors.email} autocomplete="email" required />
        <Field
          name="password"
          type="password"
          label={t('fields.newPassword')}
          hint={t('register.passwordHint')}
          error={errors.password}
          autocomplete="new-password"
          required
        />
        <Submit>{t('register.submit')}</Submit>
      </Form>
      <p>
        {t('register.haveAccount')} <a href={localPath(lang, '/sign-in')}>{t('layout.nav.signIn')}</a>
      </p>
    </Layout>
  );
}

/** Sign-in form, and the form asking for a sign-in link by email (its field named apart, so ids stay unique). */
export function SignInView({ ctx, values = {}, errors = {}, next }: { ctx: PageCtx; values?: Values; errors?: Errors; next?: string | undefined }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('signIn.title')}>
      <h1>{t('signIn.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={localPath(lang, '/sign-in')}>
        {next && <input type="hidden" name="next" value={next} />}
        <Field name="email" type="email" label={t('fields.email')} value={values.email} error={errors.email} autocomplete="username" required />
        <Field name="password" type="password" label={t('fields.password')} error={errors.password} autocomplete="current-password" required />
        <Submit>{t('signIn.submit')}</Submit>
      </Form>
      <p>
        <a href={localPath(lang, '/password/forgot')}>{t('signIn.forgot')}</a>
      </p>
      <section aria-labelledby="sign-in-link-title">
        <h2 id="sign-in-link-title">{t('signIn.linkTitle')}</h2>
        <p>{t('signIn.linkIntro')}</p>
        <Form ctx={ctx} action={localPath(lang, '/sign-in/link-request')}>
          {next && <input type="hidden" name="next" value={next} />}
          <Field name="linkEmail" type="email" label={t('signIn.linkEmail')} value={values.linkEmail} error={errors.linkEmail} autocomplete="email" required />
          <Submit>{t('signIn.linkSubmit')}</Submit>
        </Form>
      </section>
      <p>
        {t('signIn.noAccount')} <a href={localPath(lang, '/register')}>{t('layout.nav.register')}</a>
      </p>
    </Layout>
  );
}

/**
 * An emailed sign-in link lands here; signing in is a POST so that mail scanners opening the
 * link neither use it up nor sign anyone in.
 */
export function SignInLinkView({ ctx, token, next, errors = {} }: { ctx: PageCtx; token: string; next?: string | undefined; errors?: Errors }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('signInLink.title')}>
      <h1>{t('signInLink.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('signInLink.intro')}</p>
      <Form ctx={ctx} action={localPath(lang, '/sign-in/link')}>
        <input type="hidden" name="token" value={token} />
        {next && <input type="hidden" name="next" value={next} />}
        <Submit>{t('signInLink.submit')}</Submit>
      </Form>
    </Layout>
  );
}

/** Forgotten password: ask for the email. */
export function ForgotView({ ctx, values = {}, errors = {} }: { ctx: PageCtx; values?: Values; errors?: Errors }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('forgot.title')}>
      <h1>{t('forgot.title')}</h1>
      <p>{t('forgot.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={localPath(lang, '/password/forgot')}>
        <Field name="email" type="email" label={t('fields.email')} value={values.email} error={errors.email} autocomplete="email" required />
        <Submit>{t('forgot.submit')}</Submit>
      </Form>
    </Layout>
  );
}

/** New password from an emailed link. */
export function ResetView({ ctx, token, errors = {} }: { ctx: PageCtx; token: string; errors?: Errors }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('reset.title')}>
      <h1>{t('reset.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={localPath(lang, '/password/reset')}>
        <input type="hidden" name="token" value={token} />
        <Field name="password" type="password" label={t('fields.newPassword')} hint={t('register.passwordHint')} error={errors.password} autocomplete="new-password" required />
        <Submit>{t('reset.submit')}</Submit>
      </Form>
    </Layout>
  );
}

/** The confirmation link lands here; confirming is a POST so that link scanners change nothing. */
export function ConfirmView({ ctx, token, errors = {} }: { ctx: PageCtx; token: string; errors?: Errors }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('confirm.title')}>
      <h1>{t('confirm.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('confirm.intro')}</p>
      <Form ctx={ctx} action={localPath(lang, '/account/confirm')}>
        <input type="hidden" name="token" value={token} />
        <Submit>{t('confirm.submit')}</Submit>
      </Form>
    </Layout>
  );
}

/** A page that only says something (check your inbox, link expired…). */
export function MessageView({ ctx, title, paragraphs, link }: { ctx: PageCtx; title: string; paragraphs: string[]; link?: { href: string; text: string } }) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {paragraphs.map((p) => (
        <p>{p}</p>
      ))}
      {link && (
        <p>
          <a href={link.href}>{link.text}</a>
        </p>
      )}
    </Layout>
  );
}
