import { readFileSync, writeFileSync } from 'node:fs';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import { POLICIES, authorize } from '../../src/platform/auth/policies.js';
import { PROCESS_ROLES, type Actor, type InstallationRole, type OrganisationRole, type ProcessRole } from '../../src/platform/auth/roles.js';
import { createSession } from '../../src/platform/auth/sessions.js';
import { requirePolicies, type RouteEntry } from '../../src/platform/http/authorization.js';
import { createUser, grantRole } from '../../src/modules/accounts/accounts.service.js';
import { newId } from '../../src/platform/lib/ids.js';
import { createProcess } from '../../src/modules/processes/processes.service.js';
import { createOrganisation } from '../../src/modules/participants/participants.service.js';
import { createGroup } from '../../src/modules/groups/groups.service.js';
import { openCall } from '../../src/modules/consensus/consensus.service.js';
import { makeCommentPeriod, makeDocument } from '../helpers/factories.js';
import { MATRIX_FILE, PERSONA_NAMES, diffMatrices, formatMatrix, matrixOf, parseMatrix } from '../helpers/route-matrix.js';

/**
 * Walk every registered route as every kind of person and check the answer against the
 * policy table. A route that forgets to ask the policy module, or asks the wrong question,
 * answers differently from the table and fails here.
 */
let t: TestApp;
/**
 * A real process, working group, document, comment period, consensus call and organisation, so
 * scoped routes resolve and personas hold roles in them. Routes whose scope loads records answer
 * 404 for a made-up id before the roles are asked, so those ids must name real records for the
 * walk to see who is allowed.
 */
const fixture = { processId: '', processSlug: 'walk-process', groupId: '', groupSlug: 'walk-group', docSlug: 'walk-doc', periodId: '', callId: '', organisationId: '' };
/** Routes that take a role or a session away run last, each with a fresh persona. */
const DESTRUCTIVE = new Set(['account.signOut', 'process.leave', 'group.leave']);

interface Persona {
  name: string;
  actor: Actor | null;
  cookie: string;
  csrf: string;
}
const personas: Persona[] = [];

async function csrfFor(cookie: string): Promise<{ cookie: string; token: string }> {
  const res = await t.app.inject({ url: '/en/register', headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)![1]!;
  const csrfCookie = res.cookies.find((c) => c.name === 'concord_csrf')!;
  return { cookie: [cookie, `concord_csrf=${csrfCookie.value}`].filter(Boolean).join('; '), token };
}

/** What a persona holds: site admin, a role in the walk's process, for its organisation, or across the installation. */
interface Holds {
  admin?: boolean;
  role?: ProcessRole | undefined;
  organisationRole?: OrganisationRole | undefined;
  installationRole?: InstallationRole | undefined;
}

async function persona(name: string, opts: Holds | null): Promise<Persona> {
  if (!opts) {
    const { cookie, token } = await csrfFor('');
    return { name, actor: null, cookie, csrf: token };
  }
  const user = await createUser(t.db, { email: uniqueEmail(name), name, password: 'walk the routes please', admin: opts.admin ?? false, skipStrengthCheck: true });
  if (opts.role) {
    await grantRole(t.db, { userId: user.id, role: opts.role, processId: fixture.processId, groupId: opts.role === 'chair' ? fixture.groupId : null, grantedBy: null });
  }
  if (opts.organisationRole) {
    await t.db.insertInto('organisation_roles').values({ organisation_id: fixture.organisationId, user_id: user.id, role: opts.organisationRole, granted_by: null }).execute();
  }
  if (opts.installationRole) await t.db.insertInto('installation_roles').values({ user_id: user.id, role: opts.installationRole, granted_by: null }).execute();
  const session = await createSession(t.db, user.id, 1, 'route-walk');
  const { cookie, token } = await csrfFor(`concord_session=${t.app.signCookie(session.token)}`);
  const processRoles = new Map<string, Set<ProcessRole>>(opts.role ? [[fixture.processId, new Set([opts.role])]] : []);
  const groupRoles = new Map<string, Set<'chair'>>(opts.role === 'chair' ? [[fixture.groupId, new Set(['chair' as const])]] : []);
  const organisationRoles = new Map<string, Set<OrganisationRole>>(opts.organisationRole ? [[fixture.organisationId, new Set([opts.organisationRole])]] : []);
  const installationRoles = new Set<InstallationRole>(opts.installationRole ? [opts.installationRole] : []);
  return {
    name,
    cookie,
    csrf: token,
    actor: { userId: user.id, name, email: user.email, lang: 'en', emailConfirmed: true, isAdmin: opts.admin ?? false, processRoles, groupRoles, organisationRoles, installationRoles },
  };
}

/** The same holdings as a persona, for a fresh one (routes that take a role or session away). */
function holdsOf(actor: Actor): Holds {
  return {
    admin: actor.isAdmin,
    role: [...(actor.processRoles.get(fixture.processId) ?? [])][0],
    organisationRole: [...(actor.organisationRoles.get(fixture.organisationId) ?? [])][0],
    installationRole: [...actor.installationRoles][0],
  };
}

beforeAll(async () => {
  t = await testApp();
  const owner = await createUser(t.db, { email: uniqueEmail('owner'), name: 'Owner', password: 'walk the routes please', skipStrengthCheck: true });
  const ownerActor: Actor = { userId: owner.id, name: 'Owner', email: owner.email, lang: 'en' as const, emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
  const process = await createProcess(t.db, ownerActor, { slug: fixture.processSlug, titleEn: 'Walk', titleFr: 'Marche', summaryEn: '', summaryFr: '', descriptionEn: '', descriptionFr: '', registration: 'open', timezone: 'America/Toronto', phases: [] });
  fixture.processId = process.id;
  const group = await createGroup(t.db, ownerActor, process.id, { slug: fixture.groupSlug, nameEn: 'Walk group', nameFr: 'Groupe', charterEn: '', charterFr: '', status: 'active' });
  fixture.groupId = group.id;
  await makeDocument(t.db, ownerActor, process.id, { slug: fixture.docSlug, markdown: '# Walk\n\nA paragraph.' });
  fixture.periodId = (await makeCommentPeriod(t.db, ownerActor, process.id, { document: fixture.docSlug })).id;
  const call = await openCall(t.db, ownerActor, process.id, {
    target: 'document',
    document: fixture.docSlug,
    anchor: '',
    questionEn: 'Adopt?',
    questionFr: 'Adopter ?',
    options: [{ labelEn: 'Yes', labelFr: 'Oui' }],
    deadline: new Date(Date.now() + 86_400_000).toISOString(),
    timeZone: 'America/Toronto',
    appealDays: 14,
  } as never);
  fixture.callId = call.call.id;
  fixture.organisationId = (await createOrganisation(t.db, ownerActor, { name: 'Walk Devices', sector: 'private_sector', country: 'CA' })).id;
  personas.push(await persona('anonymous', null));
  personas.push(await persona('account', {}));
  for (const role of PROCESS_ROLES) personas.push(await persona(role, { role }));
  personas.push(await persona('org_owner', { organisationRole: 'owner' }));
  personas.push(await persona('registrar', { installationRole: 'registrar' }));
  personas.push(await persona('admin', { admin: true }));
});
afterAll(async () => t?.close());

function fillParams(url: string): string {
  const known: Record<string, string> = {
    processSlug: fixture.processSlug,
    groupSlug: fixture.groupSlug,
    docSlug: fixture.docSlug,
    periodId: fixture.periodId,
    callId: fixture.callId,
    orgId: fixture.organisationId,
  };
  return url.replace(/:(\w+)/g, (_m, name: string) => known[name] ?? newId()).replace(/\*$/, 'app.css');
}

/** The policy context a route resolves, predicted from its params. */
function contextOf(url: string) {
  return {
    processId: url.includes(':processSlug') ? fixture.processId : undefined,
    groupId: url.includes(':groupSlug') ? fixture.groupId : undefined,
    organisationId: url.includes(':orgId') ? fixture.organisationId : undefined,
  };
}

/** What each persona got from each route: `METHOD url` → persona names allowed (the walk, once). */
const observed = new Map<string, Set<string>>();
const mismatches: string[] = [];

/** Walk every route as every persona once; both the table check and the matrix check read it. */
beforeAll(async () => {
  const routes = t.app.routeCatalog.filter((r) => r.method !== 'HEAD');
  const record = (route: RouteEntry, p: Persona, res: Answer) => {
    const key = `${route.method} ${route.url}`;
    if (!observed.has(key)) observed.set(key, new Set());
    if (!refused(res)) observed.get(key)!.add(p.name);
    check(route, p, res, mismatches);
  };
  for (const route of routes) {
    for (const p of personas) {
      // Sign-out and leaving would take the persona's session or role away; checked last.
      if (DESTRUCTIVE.has(route.policy)) continue;
      record(route, p, await send(route.method, fillParams(route.url), p));
    }
  }
  for (const route of routes.filter((r) => DESTRUCTIVE.has(r.policy))) {
    for (const p of personas) {
      const fresh = p.actor ? await persona(`${p.name}-again`, holdsOf(p.actor)) : p;
      record(route, p, await send(route.method, fillParams(route.url), fresh));
    }
  }
}, 240_000);

describe('every route answers as the policy table says', () => {
  it('has a policy on every route, and the table names only known actions', () => {
    expect(t.app.routeCatalog.length).toBeGreaterThan(20);
    for (const r of t.app.routeCatalog) expect(Object.keys(POLICIES)).toContain(r.policy);
  });

  it('never lets a route that changes data call itself a public read', () => {
    const unsafe = t.app.routeCatalog.filter((r) => !['GET', 'HEAD'].includes(r.method) && r.policy === 'public.read');
    expect(unsafe.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('refuses to register a route that names no policy', async () => {
    const app = Fastify();
    requirePolicies(app);
    expect(() => app.post('/forgotten', async () => 'ok')).toThrow(/names no policy/);
    await app.close();
  });

  it('gives each persona the answer the table predicts on each route', () => {
    expect(observed.size).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
  });
});

/**
 * The table check above cannot catch a wrong entry in the table, or a route naming too weak a
 * policy: both sides read the same table. The matrix file is written by people, reviewed in
 * diffs, and compared with what the routes actually answer. `UPDATE_ROUTE_MATRIX=1` rewrites
 * it from the walk; the diff then shows exactly whose access changed.
 */
describe('every route answers as the reviewed matrix says', () => {
  it('matches test/http/route-permissions.txt line for line', () => {
    const actual = matrixOf(observed, PERSONA_NAMES);
    if (process.env.UPDATE_ROUTE_MATRIX === '1') writeFileSync(MATRIX_FILE, formatMatrix(actual, PERSONA_NAMES));
    const expected = parseMatrix(readFileSync(MATRIX_FILE, 'utf8'), PERSONA_NAMES);
    expect(diffMatrices(expected, actual)).toEqual([]);
  });
});

type Answer = { statusCode: number; headers: Record<string, unknown> };

/** Refused: 401, 403, or a page's redirect to sign in. Anything else (200, 303 elsewhere, 400, 404…) got past authorisation. */
function refused(res: Answer): boolean {
  const toSignIn = res.statusCode === 303 && String(res.headers.location).includes('/sign-in?next=');
  return res.statusCode === 401 || res.statusCode === 403 || toSignIn;
}

async function send(method: string, url: string, p: Persona) {
  const isApi = url.startsWith('/api/');
  if (method === 'GET') return t.app.inject({ method: 'GET', url, headers: { cookie: p.cookie } });
  if (isApi) return t.app.inject({ method: method as 'POST', url, headers: { cookie: p.cookie, 'content-type': 'application/json' }, payload: '{}' });
  return t.app.inject({
    method: method as 'POST',
    url,
    headers: { cookie: p.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: p.csrf }).toString(),
  });
}

function check(route: RouteEntry, p: Persona, res: Answer, found: string[]) {
  const decision = authorize(p.actor, route.policy, route.scoped ? contextOf(route.url) : {});
  if (decision.allowed === refused(res)) {
    found.push(`${route.method} ${route.url} as ${p.name}: policy ${route.policy} says ${decision.allowed ? 'allow' : 'refuse'}, got ${res.statusCode}`);
  }
}
