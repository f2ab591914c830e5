import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { HttpProblem } from '../http/problem.js';
import { parseForm, problemToFormErrors } from './forms.js';
import { redirectWithNotice } from './notice.js';

/** Errors by field name (`_` for the form as a whole), as the form views take them. */
export type FormErrors = Record<string, string>;

/** One form POST: what to parse, how to show the form again, what to call and where to go. */
export interface FormAction<S extends z.ZodType, R> {
  /** The Zod schema the API uses for the same shape. */
  schema: S;
  /** The submitted form as the schema expects it (flattened, nested or completed by the handler). */
  input: unknown;
  /** Show the form again with these errors and this status (422 for invalid input, the problem's own otherwise, which is passed too). */
  again: (errors: FormErrors, status: number, problem?: HttpProblem) => FastifyReply | Promise<FastifyReply>;
  /** The service call; a refusal (an HttpProblem below 500) is shown beside the fields. */
  run: (data: z.infer<S>) => Promise<R>;
  /** Where to go after success (a 303, so a reload does not post again). */
  to: string | ((result: R) => string);
  /** An i18n key shown once on the next page. */
  notice?: string;
  /** A refusal that leads elsewhere than the form (an expired link has its own page): the reply to send, or undefined to show the form. */
  elsewhere?: (problem: HttpProblem) => FastifyReply | undefined;
}

/**
 * The sequence every form handler wrote by hand: parse with the schema → on error show the
 * form again with 422 → call the service → on a refusal show the form again with the
 * problem's field errors and status → on success redirect 303, with a notice when given.
 * Errors that are not refusals (5xx, bugs) still reach the error handler. A refusal's extra
 * headers (Retry-After from a throttle) are sent as the error handler would send them.
 * @example return formAction(req, reply, { schema: CreateGroupBody, input: flat, again, run: (d) => createGroup(db, actor, d), to: (g) => path(g), notice: 'groups.created' })
 */
export async function formAction<S extends z.ZodType, R>(req: FastifyRequest, reply: FastifyReply, a: FormAction<S, R>): Promise<FastifyReply> {
  const t = req.t;
  const parsed = parseForm(a.schema, a.input, t);
  if (!parsed.ok) return a.again(parsed.errors, 422);
  let result: R;
  try {
    result = await a.run(parsed.data);
  } catch (err) {
    const other = err instanceof HttpProblem && a.elsewhere ? a.elsewhere(err) : undefined;
    if (other) return other;
    const { status, errors } = problemToFormErrors(err, t);
    if (err instanceof HttpProblem) for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
    return a.again(errors, status, err as HttpProblem);
  }
  const to = typeof a.to === 'function' ? a.to(result) : a.to;
  return a.notice ? redirectWithNotice(reply, to, a.notice) : reply.redirect(to, 303);
}
