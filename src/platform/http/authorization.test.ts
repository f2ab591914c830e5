import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, OrganisationRole } from '../auth/roles.js';
import { requirePolicies } from './authorization.js';
import { HttpProblem } from './problem.js';
import { defineScope, defineScopeOfMany } from './scope.js';

/**
 * The authorization hook with scopes over one record and over many, on a bare Fastify app:
 * the actor comes from a header, records from the query string, and problems come back as
 * their status, key and params.
 */
const actors = new Map<string, Actor>();
function actorWith(id: string, organisations: Record<string, OrganisationRole[]>): Actor {
  const organisationRoles = new Map(Object.entries(organisations).map(([o, r]) => [o, new Set(r)]));
  const a: Actor = {
    userId: id,
    name: id,
    email: `${id}@x`,
    lang: 'en',
    emailConfirmed: true,
    isAdmin: false,
    processRoles: new Map(),
    groupRoles: new Map(),
    organisationRoles,
    installationRoles: new Set(),
  };
  actors.set(id, a);
  return a;
}

/** A made-up record: a label of an organisation (the coming registry's batch). */
interface Label {
  id: number;
  organisationId: string;
}
const labelsOf = (q: unknown) =>
  String((q as { orgs?: string }).orgs ?? '')
    .split(',')
    .filter(Boolean)
    .map((organisationId, id): Label => ({ id, organisationId }));

const batch = defineScopeOfMany(
  (req) => Promise.resolve({ labels: labelsOf(req.query) }),
  (r) => r.labels.map((l) => ({ organisationId: l.organisationId })),
);
const one = defineScope(
  (req) => {
    const [label] = labelsOf(req.query);
    if (!label) throw new HttpProblem(404, 'errors.notFound');
    return Promise.resolve({ label });
  },
  (r) => ({ organisationId: r.label.organisationId }),
);

let app: FastifyInstance;
let handled = 0;
beforeAll(async () => {
  app = Fastify();
  app.decorateRequest('actor', null);
  app.decorateRequest('policyContext', null as never);
  app.addHook('onRequest', async (req) => {
    req.actor = actors.get(String(req.headers['x-actor'] ?? '')) ?? null;
  });
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof HttpProblem) return reply.status(err.status).send({ key: err.key, params: err.params });
    return reply.status(500).send({ error: String(err) });
  });
  requirePolicies(app);
  app.post('/labels/batch', { config: { policy: 'organisation.manageRoles', scope: batch } }, async (req) => {
    handled++;
    return { labels: batch.of(req).labels.length, shared: req.policyContext };
  });
  app.post('/labels/one', { config: { policy: 'organisation.manageRoles', scope: one } }, async (req) => ({
    organisationId: one.of(req).label.organisationId,
  }));
  await app.ready();
  actorWith('owner1', { o1: ['owner'] });
  actorWith('owner12', { o1: ['owner'], o2: ['owner'] });
  actorWith('maker1', { o1: ['manufacturer'] });
});
afterAll(() => app.close());

const post = (url: string, actor?: string) =>
  app.inject({ method: 'POST', url, headers: { accept: 'application/json', ...(actor ? { 'x-actor': actor } : {}) } });
const orgs = (list: string[]) => `orgs=${list.join(',')}`;

describe('a scope over many records', () => {
  it('refuses the whole batch with 403 when one record of 1,000 belongs to an organisation the actor does not act for, naming how many', async () => {
    const list = Array.from({ length: 1000 }, (_, i) => (i === 421 ? 'o2' : 'o1'));
    const before = handled;
    const res = await post(`/labels/batch?${orgs(list)}`, 'owner1');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ key: 'errors.forbiddenRecords', params: { count: 1, total: 1000 } });
    expect(handled).toBe(before);
  });

  it('lets the batch through when every record is allowed, and hands the records to the handler', async () => {
    const list = Array.from({ length: 1000 }, (_, i) => (i % 2 ? 'o2' : 'o1'));
    const res = await post(`/labels/batch?${orgs(list)}`, 'owner12');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ labels: 1000, shared: {} });
  });

  it('counts every refused record, not every refused organisation', async () => {
    const res = await post(`/labels/batch?${orgs(['o1', 'o2', 'o3', 'o2'])}`, 'owner1');
    expect(res.json()).toEqual({ key: 'errors.forbiddenRecords', params: { count: 3, total: 4 } });
  });

  it('asks a signed-out visitor to sign in before anything else, and refuses a role without the right scope', async () => {
    expect((await post(`/labels/batch?${orgs(['o1'])}`)).statusCode).toBe(401);
    expect((await post(`/labels/batch?${orgs(['o1'])}`, 'maker1')).json()).toEqual({ key: 'errors.forbiddenRecords', params: { count: 1, total: 1 } });
  });

  it('refuses an empty batch to a role that needs an organisation', async () => {
    const res = await post('/labels/batch', 'owner1');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ key: 'errors.forbidden', params: {} });
  });
});

describe('a scope over one record', () => {
  it('asks the policy about the record’s organisation', async () => {
    expect((await post(`/labels/one?${orgs(['o1'])}`, 'owner1')).json()).toEqual({ organisationId: 'o1' });
    expect((await post(`/labels/one?${orgs(['o2'])}`, 'owner1')).json()).toEqual({ key: 'errors.forbidden', params: {} });
    expect((await post('/labels/one', 'owner1')).statusCode).toBe(404);
  });
});
