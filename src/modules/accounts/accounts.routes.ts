import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE, destroySession } from '../../platform/auth/sessions.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { rotateCsrfSecret } from '../../platform/http/security.js';
import { MessageOut, RegisterBody, ResetPasswordBody, ResetRequestBody, SignInBody, SignInLinkBody, SignInLinkRequestBody, TokenBody, UserOut } from './accounts.schema.js';
import * as accounts from './accounts.service.js';
import { SIGN_IN_LINK_TTL_SECONDS, requestSignInLink, signInWithLink } from './sign-in-link.service.js';
import { presentUser } from './accounts.presenter.js';
import { sessionCookieOptions } from '../../platform/auth/session-cookie.js';

const AUTH_RATE = { rateLimit: { max: 30, timeWindow: '1 minute' } };

/** Accounts through the JSON API: register, confirm, sign in (password or emailed link) and out, reset, and /me. */
export const accountsApi: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({ db: app.deps.db, baseUrl: app.deps.config.baseUrl, sessionDays: app.deps.config.sessionDays });
  const tags = ['accounts'];

  app.post(
    '/auth/register',
    {
      config: { policy: 'account.register', ...AUTH_RATE },
      schema: { tags, summary: 'Register; a confirmation link is emailed', body: RegisterBody, response: { 202: MessageOut } },
    },
    async (req, reply) => {
      await accounts.register(deps(), req.body, req.lang);
      return reply.status(202).send({ message: req.t('notices.registered') });
    },
  );

  app.post(
    '/auth/confirm-email',
    { config: { policy: 'account.confirmEmail' }, schema: { tags, summary: 'Confirm an email address with the emailed token', body: TokenBody, response: { 200: MessageOut } } },
    async (req) => {
      await accounts.confirmEmail(deps(), req.body.token);
      return { message: req.t('notices.emailConfirmed') };
    },
  );

  app.post(
    '/auth/sign-in',
    {
      config: { policy: 'account.signIn', ...AUTH_RATE },
      schema: { tags, summary: 'Sign in; sets the session cookie', body: SignInBody, response: { 200: UserOut } },
    },
    async (req, reply) => {
      const { token, user } = await accounts.signIn(deps(), req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      // Rotation: whatever session the caller had before is ended, and a new token issued.
      if (req.sessionId) await destroySession(app.deps.db, req.sessionId);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(app.deps.config));
      rotateCsrfSecret(reply);
      const { roles } = await accounts.describeUser(app.deps.db, user.id);
      return presentUser(user, roles);
    },
  );

  app.post(
    '/auth/sign-in-link-requests',
    {
      config: { policy: 'account.requestSignInLink', ...AUTH_RATE },
      schema: {
        tags,
        summary: `Ask for a sign-in link by email; the link works once, for ${SIGN_IN_LINK_TTL_SECONDS / 60} minutes, even while failed sign-ins hold the account`,
        body: SignInLinkRequestBody,
        response: { 202: MessageOut },
      },
    },
    async (req, reply) => {
      await requestSignInLink(deps(), req.body.email, { ip: req.ip });
      return reply.status(202).send({ message: req.t('notices.signInLinkSent', { minutes: SIGN_IN_LINK_TTL_SECONDS / 60 }) });
    },
  );

  app.post(
    '/auth/sign-in-links',
    {
      config: { policy: 'account.signInWithLink', ...AUTH_RATE },
      schema: { tags, summary: 'Sign in with the token of an emailed sign-in link; sets the session cookie', body: SignInLinkBody, response: { 200: UserOut } },
    },
    async (req, reply) => {
      const { token, user } = await signInWithLink(deps(), req.body.token, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      if (req.sessionId) await destroySession(app.deps.db, req.sessionId);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(app.deps.config));
      rotateCsrfSecret(reply);
      const { roles } = await accounts.describeUser(app.deps.db, user.id);
      return presentUser(user, roles);
    },
  );

  app.post(
    '/auth/sign-out',
    { config: { policy: 'account.signOut' }, schema: { tags, summary: 'Sign out; the session ends on the server', response: { 204: z.null() } } },
    async (req, reply) => {
      if (req.sessionId) await destroySession(app.deps.db, req.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      rotateCsrfSecret(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset-requests',
    {
      config: { policy: 'account.requestPasswordReset', ...AUTH_RATE },
      schema: { tags, summary: 'Ask for a password reset link by email', body: ResetRequestBody, response: { 202: MessageOut } },
    },
    async (req, reply) => {
      await accounts.requestPasswordReset(deps(), req.body.email, { ip: req.ip });
      return reply.status(202).send({ message: req.t('notices.resetSent') });
    },
  );

  app.post(
    '/auth/password-resets',
    {
      config: { policy: 'account.resetPassword', ...AUTH_RATE },
      schema: { tags, summary: 'Set a new password with the emailed token; ends every session', body: ResetPasswordBody, response: { 200: MessageOut } },
    },
    async (req) => {
      await accounts.resetPassword(deps(), req.body);
      return { message: req.t('notices.passwordReset') };
    },
  );

  app.get(
    '/me',
    { config: { policy: 'account.readSelf' }, schema: { tags, summary: 'The signed-in person, with their roles', response: { 200: UserOut } } },
    async (req) => {
      if (!req.actor) throw new HttpProblem(401, 'errors.signInRequired');
      const { user, roles } = await accounts.describeUser(app.deps.db, req.actor.userId);
      return presentUser(user, roles);
    },
  );
};
