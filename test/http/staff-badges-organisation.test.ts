import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import { makeOrganisation, makeProcess, makeUser } from '../helpers/factories.js';
import { setOrganisationRoles } from '../../src/modules/participants/organisation-roles.service.js';

/**
 * Issue 10, the organisation page: who acts for an organisation is named with the staff badge,
 * as everywhere else. The page belongs to no process, so the administrator carries theirs and
 * whoever convenes a process carries the convener's; an ordinary account named exactly like the
 * administrator, and someone with a role that is not staff (oversight), carry none.
 */
let t: TestApp;
type Who = 'admin' | 'imitator' | 'convener' | 'oversight';
const NAME: Record<Who, string> = { admin: 'Site Admin', imitator: 'Site Admin', convener: 'Connie Vener', oversight: 'Otto Versight' };
const ids = {} as Record<Who, string>;
let org = '';

const LABELS = {
  en: { admin: 'Administrator', convener: 'Convener' },
  fr: { admin: 'Administrateur', convener: 'Organisateur' },
} as const;
const badge = (lang: 'en' | 'fr', kind: 'admin' | 'convener') => `<span class="staff-badge staff-badge--${kind}">${LABELS[lang][kind]}</span>`;

/** Each name cell of the "who acts for it" table: the name and what follows it in the cell. */
const cells = (html: string) => [...html.matchAll(/<td><span class="person-name">([^<]*)<\/span>(.*?)<\/td>/g)].map((m) => ({ name: m[1]!, after: m[2]! }));

beforeAll(async () => {
  t = await testApp();
  const admin = await makeUser(t.db, { admin: true, name: NAME.admin });
  const { process } = await makeProcess(t.db, admin.actor, 'staff-badges-org');
  ids.admin = admin.user.id;
  ids.imitator = (await makeUser(t.db, { name: NAME.imitator })).user.id;
  ids.convener = (await makeUser(t.db, { name: NAME.convener, roles: [{ role: 'convener', processId: process.id }] })).user.id;
  ids.oversight = (await makeUser(t.db, { name: NAME.oversight, roles: [{ role: 'oversight', processId: process.id }] })).user.id;
  org = await makeOrganisation(t.db, admin.actor, 'Badge Works');
  for (const w of Object.keys(ids) as Who[]) await setOrganisationRoles(t.db, 'console', org, ids[w], w === 'imitator' ? ['owner'] : ['manufacturer']);
});
afterAll(async () => t?.close());

describe('staff badges on an organisation’s page', () => {
  it.each(['en', 'fr'] as const)('marks the administrator and a convener among those who act for it, not their namesake (%s)', async (lang) => {
    const res = await t.app.inject({ url: `/${lang}/organisations/${org}` });
    expect(res.statusCode).toBe(200);
    const all = cells(res.body);
    expect(all.map((c) => c.name).sort()).toEqual(['Connie Vener', 'Otto Versight', 'Site Admin', 'Site Admin']);
    const admins = all.filter((c) => c.name === NAME.admin);
    expect(admins.filter((c) => c.after === ` ${badge(lang, 'admin')}`)).toHaveLength(1);
    expect(admins.filter((c) => c.after === '')).toHaveLength(1);
    expect(all.find((c) => c.name === NAME.convener)!.after).toBe(` ${badge(lang, 'convener')}`);
    expect(all.find((c) => c.name === NAME.oversight)!.after).toBe('');
  });

  it('puts the badge on the administrator’s row, by account, and keeps it out of the remove button', async () => {
    const viewer = (await signedInClient(t, { admin: true })).client;
    const res = await viewer.get(`/fr/organisations/${org}`);
    expect(res.statusCode).toBe(200);
    const row = (w: Who) => {
      const m = [...res.body.matchAll(/<tr>(.*?)<\/tr>/gs)].find((r) => r[1]!.includes(`/roles/${ids[w]}/remove`));
      expect(m, `${w}'s row`).toBeDefined();
      return m![1]!;
    };
    expect(row('admin')).toContain(`<span class="person-name">Site Admin</span> ${badge('fr', 'admin')}</td>`);
    expect(row('imitator')).toContain('<td><span class="person-name">Site Admin</span></td>');
    expect(row('imitator')).not.toContain('staff-badge');
    expect(row('admin')).toMatch(/<span class="visually-hidden"> Site Admin<\/span><\/button>/);
  });
});
