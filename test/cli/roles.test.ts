import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../helpers/cli.js';
import { withDatabase } from '../../src/app/cli/with-db.js';
import { accountsRepository } from '../../src/modules/accounts/accounts.repository.js';
import { createOrganisation } from '../../src/modules/participants/participants.service.js';
import { actorFor } from '../helpers/factories.js';

/**
 * `concord role grant|revoke|list`: installation roles, and with --organisation who acts for an
 * organisation (how an installation names an organisation's first owner).
 */
const cli = new CliSandbox('roles');
const concord = (...args: string[]) => cli.run(...args);
let orgId = '';

beforeAll(async () => {
  await cli.setUp();
  await concord('user', 'create', '--email', 'reg@example.org', '--name', 'Rita Registrar', '--password', 'a long enough passphrase');
  await concord('user', 'create', '--email', 'boss@example.org', '--name', 'Bo Owner', '--password', 'a long enough passphrase');
  orgId = await withDatabase(async ({ db }) => {
    const boss = (await accountsRepository.findByEmail(db, 'boss@example.org'))!;
    return (await createOrganisation(db, actorFor(boss), { name: 'Maple Devices', sector: 'private_sector', country: 'CA' })).id;
  });
});
afterAll(() => cli.tearDown());

describe('concord role', { timeout: 180_000 }, () => {
  it('grants, lists and revokes installation roles', async () => {
    expect((await concord('role', 'list')).out).toBe('No one holds an installation role.');
    expect(await concord('role', 'grant', '--email', 'reg@example.org', '--role', 'registrar')).toEqual({
      out: 'reg@example.org across the installation: registrar',
      code: 0,
    });
    expect((await concord('role', 'grant', '--email', 'reg@example.org', '--role', 'assessor')).out).toBe(
      'reg@example.org across the installation: registrar, assessor',
    );
    expect((await concord('role', 'list')).out).toBe('reg@example.org\tRita Registrar\tregistrar, assessor');
    expect((await concord('role', 'revoke', '--email', 'reg@example.org', '--role', 'registrar')).out).toBe(
      'reg@example.org across the installation: assessor',
    );
  });

  it('names who acts for an organisation, by its id or its name', async () => {
    expect((await concord('role', 'grant', '--email', 'boss@example.org', '--role', 'owner', '--organisation', orgId)).out).toBe(
      'boss@example.org for Maple Devices: owner',
    );
    expect((await concord('role', 'grant', '--email', 'reg@example.org', '--role', 'assessor', '--organisation', 'maple devices')).out).toBe(
      'reg@example.org for Maple Devices: assessor',
    );
    expect((await concord('role', 'list', '--organisation', orgId)).out).toBe('Bo Owner\towner\nRita Registrar\tassessor');
    // The operator may take the last owner away (an owner could not).
    expect((await concord('role', 'revoke', '--email', 'boss@example.org', '--role', 'owner', '--organisation', orgId)).out).toBe(
      'boss@example.org for Maple Devices: no roles',
    );
  });

  it('refuses a role in the wrong scope, an unknown account or organisation, with a sentence', async () => {
    expect(await concord('role', 'grant', '--email', 'reg@example.org', '--role', 'owner')).toEqual({
      out: expect.stringContaining('owner is held for an organisation: add --organisation') as string,
      code: 1,
    });
    expect((await concord('role', 'grant', '--email', 'reg@example.org', '--role', 'registrar', '--organisation', orgId)).out).toContain(
      'registrar is not a role for an organisation',
    );
    expect((await concord('role', 'grant', '--email', 'nobody@example.org', '--role', 'registrar')).out).toContain('No account uses nobody@example.org');
    expect((await concord('role', 'list', '--organisation', 'Nowhere Inc')).out).toBe('concord: No organisation Nowhere Inc');
    expect((await concord('role', 'grant', '--email', 'reg@example.org', '--role', 'king')).code).toBe(1);
  });

  it('leaves each change in the installation chain, which verifies', async () => {
    const events = await withDatabase(({ db }) =>
      db
        .selectFrom('audit_events')
        .select(['action', 'chain', 'actor_id'])
        .where('action', 'in', ['installation.setRoles', 'organisation.setRoles', 'organisation.removePerson'])
        .execute(),
    );
    expect(events).toHaveLength(6);
    expect(new Set(events.map((e) => e.chain))).toEqual(new Set(['installation']));
    expect(events.every((e) => e.actor_id === null)).toBe(true);
    expect((await concord('audit', 'verify')).code).toBe(0);
  });
});
