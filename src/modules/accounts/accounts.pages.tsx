import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, destroySession } from '../../platform/auth/sessions.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { rotateCsrfSecret } from '../../platform/http/security.js';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { redirectWithNotice } from '../../platform/web/notice.js';
import { formFields, parseForm, problemToFormErrors } from '../../platform/web/forms.js';
import { safeNext } from '../../platform/web/safe-next.js';
import { formAction } from '../../platform/web/form-action.js';
import { RegisterBody, ResetPasswordBody, ResetRequestBody, SignInBody, SignInLinkBody, SignInLinkRequestBody, TokenBody } from './accounts.schema.js';
import * as accounts from './accounts.service.js';
import { SIGN_IN_LINK_REFUSALS, SIGN_IN_LINK_TTL_SECONDS, requestSignInLink, signInLinkProblem, signInWithLink } from './sign-in-link.service.js';
import { sessionCookieOptions } from '../../platform/auth/session-cookie.js';
import { ConfirmView, ForgotView, MessageView, RegisterView, ResetView, SignInLinkView, SignInView } from './views/auth.views.js';
import { AccountView } from './views/account.view.js';
import { accountPage } from './accounts.page-presenter.js';

const AUTH_RATE = { rateLimit: { max: 30, timeWindow: '1 minute' } };
const hide = { hide: true };

/** Account pages: register, confirm, sign in (password or emailed link) and out, forgotten password, own account. */
export const accountsPages: FastifyPluginAsync = async (app) => {
  const deps = () => ({ db: app.deps.db, baseUrl: app.deps.config.baseUrl, sessionDays: app.deps.config.sessionDays });
  // One text per field: a repeated parameter (`token=a&token=b`) must not reach code expecting text.
  const form = (req: FastifyRequest) => formFields(req.body);
  const query = (req: FastifyRequest) => formFields(req.query);
  const to = (req: FastifyRequest, path: string) => localPath(req.lang, path);

  app.get('/register', { config: { policy: 'account.register' }, schema: hide }, async (req, reply) => sendPage(reply, <RegisterView ctx={pageCtx(req, reply)} />));

  app.post('/register', { config: { policy: 'account.register', ...AUTH_RATE }, schema: hide }, async (req, reply) => {
    const values = form(req);
    const again = (errors: Record<string, string>, status: number) =>
      sendPage(reply, <RegisterView ctx={pageCtx(req, reply)} values={{ name: values.name, email: values.email }} errors={errors} />, status);
    return formAction(req, reply, {
      schema: RegisterBody,
      input: { ...values, lang: req.lang },
      again,
      run: (data) => accounts.register(deps(), data, req.lang),
      to: to(req, '/register/sent'),
    });
  });

  app.get('/register/sent', { config: { policy: 'account.register' }, schema: hide }, async (req, reply) =>
    sendPage(reply, <MessageView ctx={pageCtx(req, reply)} title={req.t('registered.title')} paragraphs={[req.t('notices.registered'), req.t('registered.spam')]} />),
  );

  app.get('/account/confirm', { config: { policy: 'account.confirmEmail' }, schema: hide }, async (req, reply) =>
    sendPage(reply, <ConfirmView ctx={pageCtx(req, reply)} token={query(req).token ?? ''} />),
  );

  app.post('/account/confirm', { config: { policy: 'account.confirmEmail' }, schema: hide }, async (req, reply) => {
    const parsed = parseForm(TokenBody, form(req), req.t);
    try {
      if (!parsed.ok) throw new HttpProblem(400, 'errors.token.invalid');
      await accounts.confirmEmail(deps(), parsed.data.token);
    } catch (err) {
      const { status, errors } = problemToFormErrors(err, req.t);
      return sendPage(reply, <ConfirmView ctx={pageCtx(req, reply)} token={form(req).token ?? ''} errors={errors} />, status);
    }
    return redirectWithNotice(reply, to(req, req.actor ? '/account' : '/sign-in'), 'notices.emailConfirmed');
  });

  app.get('/sign-in', { config: { policy: 'account.signIn' }, schema: hide }, async (req, reply) =>
    sendPage(reply, <SignInView ctx={pageCtx(req, reply)} next={query(req).next} />),
  );

  app.post('/sign-in', { config: { policy: 'account.signIn', ...AUTH_RATE }, schema: hide }, async (req, reply) => {
    const values = form(req);
    const again = (errors: Record<string, string>, status: number) =>
      sendPage(reply, <SignInView ctx={pageCtx(req, reply)} values={{ email: values.email }} errors={errors} next={values.next} />, status);
    return formAction(req, reply, {
      schema: SignInBody,
      input: values,
      again,
      run: async (data) => {
        const { token } = await accounts.signIn(deps(), data, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
        if (req.sessionId) await destroySession(app.deps.db, req.sessionId);
        reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(app.deps.config));
        rotateCsrfSecret(reply);
      },
      to: safeNext(values.next, to(req, '/account')),
      notice: 'notices.signedIn',
    });
  });

  app.post('/sign-in/link-request', { config: { policy: 'account.requestSignInLink', ...AUTH_RATE }, schema: hide }, async (req, reply) => {
    const values = form(req);
    const parsed = parseForm(SignInLinkRequestBody, { email: values.linkEmail }, req.t);
    if (!parsed.ok) {
      const errors = { linkEmail: parsed.errors.email ?? Object.values(parsed.errors)[0] ?? req.t('errors.email.invalid') };
      return sendPage(reply, <SignInView ctx={pageCtx(req, reply)} values={{ linkEmail: values.linkEmail }} errors={errors} next={values.next} />, 422);
    }
    // Only a path of this site rides in the mail; anything else is dropped, not refused.
    const next = safeNext(values.next, '') || undefined;
    await requestSignInLink(deps(), parsed.data.email, { ip: req.ip, next });
    return reply.redirect(to(req, '/sign-in/link-request/sent'), 303);
  });

  app.get('/sign-in/link-request/sent', { config: { policy: 'account.requestSignInLink' }, schema: hide }, async (req, reply) =>
    sendPage(
      reply,
      <MessageView
        ctx={pageCtx(req, reply)}
        title={req.t('forgot.sentTitle')}
        paragraphs={[req.t('notices.signInLinkSent', { minutes: SIGN_IN_LINK_TTL_SECONDS / 60 }), req.t('registered.spam')]}
      />,
    ),
  );

  app.get('/sign-in/link', { config: { policy: 'account.signInWithLink' }, schema: hide }, async (req, reply) => {
    const { token, next } = query(req);
    const problem = token ? await signInLinkProblem(deps(), token) : new HttpProblem(400, 'errors.token.invalid');
    if (problem) return linkRefused(req, reply, problem);
    return sendPage(reply, <SignInLinkView ctx={pageCtx(req, reply)} token={token!} next={next} />);
  });

  app.post('/sign-in/link', { config: { policy: 'account.signInWithLink', ...AUTH_RATE }, schema: hide }, async (req, reply) => {
    const values = form(req);
    return formAction(req, reply, {
      schema: SignInLinkBody,
      input: { token: values.token },
      again: (errors, status) => sendPage(reply, <SignInLinkView ctx={pageCtx(req, reply)} token={values.token ?? ''} next={values.next} errors={errors} />, status),
      run: async (data) => {
        const { token } = await signInWithLink(deps(), data.token, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
        if (req.sessionId) await destroySession(app.deps.db, req.sessionId);
        reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(app.deps.config));
        rotateCsrfSecret(reply);
      },
      elsewhere: (problem) => (SIGN_IN_LINK_REFUSALS.has(problem.key) ? linkRefused(req, reply, problem) : undefined),
      to: safeNext(values.next, to(req, '/account')),
      notice: 'notices.signedIn',
    });
  });

  app.post('/sign-out', { config: { policy: 'account.signOut' }, schema: hide }, async (req, reply) => {
    if (req.sessionId) await destroySession(app.deps.db, req.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    rotateCsrfSecret(reply);
    return redirectWithNotice(reply, to(req, '/'), 'notices.signedOut');
  });

  app.get('/password/forgot', { config: { policy: 'account.requestPasswordReset' }, schema: hide }, async (req, reply) =>
    sendPage(reply, <ForgotView ctx={pageCtx(req, reply)} />),
  );

  app.post('/password/forgot', { config: { policy: 'account.requestPasswordReset', ...AUTH_RATE }, schema: hide }, async (req, reply) => {
    const values = form(req);
    const parsed = parseForm(ResetRequestBody, values, req.t);
    if (!parsed.ok) return sendPage(reply, <ForgotView ctx={pageCtx(req, reply)} values={values} errors={parsed.errors} />, 422);
    await accounts.requestPasswordReset(deps(), parsed.data.email, { ip: req.ip });
    return reply.redirect(to(req, '/password/forgot/sent'), 303);
  });

  app.get('/password/forgot/sent', { config: { policy: 'account.requestPasswordReset' }, schema: hide }, async (req, reply) =>
    sendPage(reply, <MessageView ctx={pageCtx(req, reply)} title={req.t('forgot.sentTitle')} paragraphs={[req.t('notices.resetSent')]} />),
  );

  app.get('/password/reset', { config: { policy: 'account.resetPassword' }, schema: hide }, async (req, reply) => {
    const token = query(req).token ?? '';
    if (!(token && (await accounts.resetTokenIsLive(deps(), token)))) return invalidLink(req, reply);
    return sendPage(reply, <ResetView ctx={pageCtx(req, reply)} token={token} />);
  });

  app.post('/password/reset', { config: { policy: 'account.resetPassword', ...AUTH_RATE }, schema: hide }, async (req, reply) => {
    const values = form(req);
    return formAction(req, reply, {
      schema: ResetPasswordBody,
      input: values,
      again: (errors, status) => sendPage(reply, <ResetView ctx={pageCtx(req, reply)} token={values.token ?? ''} errors={errors} />, status),
      run: async (data) => {
        await accounts.resetPassword(deps(), data);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        rotateCsrfSecret(reply);
      },
      elsewhere: (problem) => (problem.key === 'errors.token.invalid' ? invalidLink(req, reply) : undefined),
      to: to(req, '/sign-in'),
      notice: 'notices.passwordReset',
    });
  });

  app.get('/account', { config: { policy: 'account.readSelf' }, schema: hide }, async (req, reply) => {
    const { user, roles } = await accounts.describeUser(app.deps.db, req.actor!.userId);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <AccountView ctx={ctx} model={accountPage({ user, roles }, ctx)} />);
  });

  app.post('/account/resend-confirmation', { config: { policy: 'account.updateSelf', ...AUTH_RATE }, schema: hide }, async (req, reply) => {
    await accounts.resendConfirmation(deps(), req.actor!.userId);
    return redirectWithNotice(reply, to(req, '/account'), 'notices.confirmationSent');
  });

  /** A sign-in link that does not work, saying why (used, expired, unknown) and how to get another. */
  function linkRefused(req: FastifyRequest, reply: FastifyReply, problem: HttpProblem) {
    return sendPage(
      reply,
      <MessageView
        ctx={pageCtx(req, reply)}
        title={req.t('reset.invalidTitle')}
        paragraphs={[req.t(problem.key, problem.params)]}
        link={{ href: to(req, '/sign-in'), text: req.t('signInLink.askAgain') }}
      />,
      400,
    );
  }

  function invalidLink(req: FastifyRequest, reply: FastifyReply) {
    return sendPage(
      reply,
      <MessageView
        ctx={pageCtx(req, reply)}
        title={req.t('reset.invalidTitle')}
        paragraphs={[req.t('errors.token.invalid')]}
        link={{ href: to(req, '/password/forgot'), text: req.t('reset.askAgain') }}
      />,
      400,
    );
  }
};
