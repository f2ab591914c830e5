import cookie from '@fastify/cookie';
import Fastify, { type FastifyReply } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tFor } from '../i18n/i18n.js';
import { HttpProblem } from '../http/problem.js';
import { formAction, type FormErrors } from './form-action.js';
import { NOTICE_COOKIE } from './notice.js';

const Body = z.object({ name: z.string().min(1, 'errors.field.required') });

/** A one-route app: the form is "shown again" as JSON so the test can read the errors. */
async function app() {
  const a = Fastify();
  await a.register(cookie, { secret: 's'.repeat(32) });
  a.decorateRequest('t', null as never);
  a.addHook('onRequest', async (req) => {
    req.t = tFor('en');
  });
  a.post('/f', async (req, reply) => {
    const body = req.body as { name?: string; fail?: string; notice?: string };
    const again = (errors: FormErrors, status: number): FastifyReply => reply.status(status).send({ again: errors });
    return formAction(req, reply, {
      schema: Body,
      input: { name: body.name },
      again,
      run: async (d) => {
        if (body.fail === 'field') throw new HttpProblem(409, 'errors.field.required', {}, { name: 'errors.field.required' });
        if (body.fail === 'form') throw new HttpProblem(429, 'errors.field.invalid', {}, {}, { 'retry-after': '60' });
        if (body.fail === 'bug') throw new Error('boom');
        if (body.fail === '5xx') throw new HttpProblem(503, 'errors.field.invalid');
        if (body.fail === 'elsewhere') throw new HttpProblem(400, 'errors.token.invalid');
        return { id: d.name };
      },
      to: (r) => `/done/${r.id}`,
      elsewhere: (p) => (p.key === 'errors.token.invalid' ? reply.status(400).send({ elsewhere: true }) : undefined),
      ...(body.notice ? { notice: body.notice } : {}),
    });
  });
  return a;
}

describe('formAction', () => {
  let a: Awaited<ReturnType<typeof app>>;
  beforeAll(async () => {
    a = await app();
  });
  afterAll(async () => {
    await a.close();
  });
  const post = (payload: Record<string, string>) => a.inject({ method: 'POST', url: '/f', payload });

  it('shows the form again with 422 and the schema’s message when the input is invalid', async () => {
    const r = await post({ name: '' });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toEqual({ again: { name: tFor('en')('errors.field.required') } });
  });
  it('shows a refusal beside its field with the problem’s status', async () => {
    const r = await post({ name: 'x', fail: 'field' });
    expect(r.statusCode).toBe(409);
    expect(Object.keys(r.json<{ again: FormErrors }>().again)).toEqual(['name']);
  });
  it('shows a refusal without a field at the top, with its headers', async () => {
    const r = await post({ name: 'x', fail: 'form' });
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBe('60');
    expect(Object.keys(r.json<{ again: FormErrors }>().again)).toEqual(['_']);
  });
  it('sends a refusal that leads elsewhere to its own page, and other refusals to the form', async () => {
    expect((await post({ name: 'x', fail: 'elsewhere' })).json()).toEqual({ elsewhere: true });
    expect((await post({ name: 'x', fail: 'field' })).json()).toHaveProperty('again');
  });
  it('lets bugs and 5xx problems reach the error handler', async () => {
    expect((await post({ name: 'x', fail: 'bug' })).statusCode).toBe(500);
    expect((await post({ name: 'x', fail: '5xx' })).statusCode).toBe(503);
    expect((await post({ name: 'x', fail: '5xx' })).body).not.toContain('again');
  });
  it('redirects 303 after success, with a one-time notice when given', async () => {
    const plain = await post({ name: 'abc' });
    expect(plain.statusCode).toBe(303);
    expect(plain.headers.location).toBe('/done/abc');
    expect(plain.cookies.find((c) => c.name === NOTICE_COOKIE)).toBeUndefined();
    const noticed = await post({ name: 'abc', notice: 'notices.saved' });
    expect(noticed.statusCode).toBe(303);
    expect(noticed.cookies.find((c) => c.name === NOTICE_COOKIE)?.value).toContain('notices.saved');
  });
});
