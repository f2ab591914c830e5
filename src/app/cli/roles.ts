import type { Command } from 'commander';
import { Option } from 'commander';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.js';
import { INSTALLATION_ROLES, ORGANISATION_ROLES, isInstallationRole, isOrganisationRole } from '../../platform/auth/roles.js';
import { withDatabase } from './with-db.js';
import { accountsRepository, grantInstallationRole, installationRoleHolders, revokeInstallationRole } from '../../modules/accounts/index.js';
import {
  grantOrganisationRole,
  organisationPeople,
  participantsRepository,
  revokeOrganisationRole,
  type Organisation,
} from '../../modules/participants/index.js';

const ALL_ROLES = [...new Set([...INSTALLATION_ROLES, ...ORGANISATION_ROLES])];

/** The organisation named by --organisation: its id, or its name (any case). */
async function organisationOf(db: Kysely<DB>, idOrName: string): Promise<Organisation> {
  const org = z.uuid().safeParse(idOrName).success
    ? await participantsRepository.organisation(db, idOrName)
    : await participantsRepository.organisationByName(db, idOrName);
  if (!org) throw new Error(`No organisation ${idOrName}`);
  return org;
}

async function userOf(db: Kysely<DB>, email: string) {
  const user = await accountsRepository.findByEmail(db, email);
  if (!user) throw new Error(`No account uses ${email}; create it first with \`concord user create\``);
  return user;
}

/**
 * `concord role grant|revoke|list`: installation roles (registrar, assessor), or with
 * --organisation the roles someone holds for an organisation (owner, representative,
 * manufacturer, assessor).
 * The operator at the console acts without an account (audited with no actor), as
 * `concord user create --admin` does; this is how an organisation gets its first owner.
 */
export function registerRoleCommands(cli: Command, out: (s: string) => void): void {
  const role = cli.command('role').description('installation roles, and who acts for an organisation');
  const roleOption = () =>
    new Option('--role <role>', 'installation: registrar, assessor; with --organisation: owner, representative, manufacturer, assessor')
      .choices(ALL_ROLES)
      .makeOptionMandatory();

  for (const verb of ['grant', 'revoke'] as const) {
    role
      .command(verb)
      .description(verb === 'grant' ? 'give someone a role' : 'take a role away from someone')
      .requiredOption('--email <email>', 'their account')
      .addOption(roleOption())
      .option('--organisation <id>', "an organisation's id or name: the role is held for it")
      .action((o: { email: string; role: string; organisation?: string }) =>
        withDatabase(async ({ db }) => {
          const user = await userOf(db, o.email);
          if (o.organisation) {
            if (!isOrganisationRole(o.role)) throw new Error(`${o.role} is not a role for an organisation (${ORGANISATION_ROLES.join(', ')})`);
            const org = await organisationOf(db, o.organisation);
            const roles = await (verb === 'grant' ? grantOrganisationRole : revokeOrganisationRole)(db, 'console', org.id, user.id, o.role);
            out(`${user.email} for ${org.name}: ${roles.join(', ') || 'no roles'}`);
          } else {
            if (!isInstallationRole(o.role))
              throw new Error(`${o.role} is held for an organisation: add --organisation (installation roles: ${INSTALLATION_ROLES.join(', ')})`);
            const roles = await (verb === 'grant' ? grantInstallationRole : revokeInstallationRole)(db, 'console', user.id, o.role);
            out(`${user.email} across the installation: ${roles.join(', ') || 'no roles'}`);
          }
        }),
      );
  }

  role
    .command('list')
    .description('who holds installation roles, or with --organisation who acts for it')
    .option('--organisation <id>', "an organisation's id or name")
    .option('--json', 'one JSON object per line')
    .action((o: { organisation?: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        if (o.organisation) {
          const org = await organisationOf(db, o.organisation);
          const people = await organisationPeople(db, org.id);
          if (!people.length) out(`No one acts for ${org.name}.`);
          for (const p of people) out(o.json ? JSON.stringify({ userId: p.userId, name: p.name, roles: p.roles }) : `${p.name}\t${p.roles.join(', ')}`);
          return;
        }
        const holders = await installationRoleHolders(db);
        if (!holders.length) out('No one holds an installation role.');
        for (const h of holders)
          out(o.json ? JSON.stringify({ userId: h.userId, name: h.name, email: h.email, roles: h.roles }) : `${h.email}\t${h.name}\t${h.roles.join(', ')}`);
      }),
    );
}
