import { z } from 'zod';
import { displayText } from '../../platform/lib/display-text.js';
import { MAX_PASSWORD_LENGTH } from '../../platform/auth/passwords.js';

// Messages are i18n keys (see src/http/validation.ts): one schema validates the API, the
// HTML forms and describes the OpenAPI document.

/** An email address, trimmed and lower-cased. */
export const EmailSchema = z
  .string({ error: 'errors.email.invalid' })
  .trim()
  .toLowerCase()
  .max(254, 'errors.email.invalid')
  .pipe(z.email({ error: 'errors.email.invalid' }))
  .meta({ example: 'jeanne@example.org' });

/** A new password; strength is checked by the service, which knows the email and name too. */
export const NewPasswordSchema = z
  .string({ error: 'errors.password.tooShort' })
  .min(1, 'errors.password.tooShort')
  .max(MAX_PASSWORD_LENGTH, 'errors.password.tooLong');

export const LangSchema = z.enum(['en', 'fr']);

export const RegisterBody = z.object({
  name: displayText(200, { required: 'errors.name.required', tooLong: 'errors.name.tooLong' }),
  email: EmailSchema,
  password: NewPasswordSchema,
  lang: LangSchema.optional().describe('Preferred language for emails; defaults to the request language'),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const SignInBody = z.object({
  email: EmailSchema,
  password: z.string({ error: 'errors.password.required' }).min(1, 'errors.password.required').max(MAX_PASSWORD_LENGTH, 'errors.signIn.invalid'),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const TokenBody = z.object({ token: z.string({ error: 'errors.token.invalid' }).min(10, 'errors.token.invalid').max(200, 'errors.token.invalid') });
export type TokenBody = z.infer<typeof TokenBody>;

export const ResetRequestBody = z.object({ email: EmailSchema });
export type ResetRequestBody = z.infer<typeof ResetRequestBody>;

/** Ask for a sign-in link by email (the answer is the same whether the account exists). */
export const SignInLinkRequestBody = z.object({ email: EmailSchema });
export type SignInLinkRequestBody = z.infer<typeof SignInLinkRequestBody>;

/** Sign in with the token of an emailed sign-in link. */
export const SignInLinkBody = z.object({ token: TokenBody.shape.token });
export type SignInLinkBody = z.infer<typeof SignInLinkBody>;

export const ResetPasswordBody = z.object({ token: TokenBody.shape.token, password: NewPasswordSchema });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

/** A role as the API shows it. */
export const RoleOut = z.object({ role: z.string(), processId: z.uuid().nullable() });

/** The signed-in user as the API shows them. */
export const UserOut = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  preferredLang: LangSchema,
  emailConfirmed: z.boolean(),
  roles: z.array(RoleOut),
});
export type UserOut = z.infer<typeof UserOut>;

/** A plain acknowledgement with a message in the caller's language. */
export const MessageOut = z.object({ message: z.string() });
