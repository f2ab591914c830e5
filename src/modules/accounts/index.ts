/**
 * The accounts module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { accountsRepository } from './accounts.repository.js';
export { EmailSchema } from './accounts.schema.js';
export { createUser, grantRole, lockRoleHolders, revokeRole, roleHolders } from './accounts.service.js';
export { grantInstallationRole, installationRoleHolders, revokeInstallationRole, setInstallationRoles } from './installation-roles.service.js';
export type { InstallationRoleHolder } from './installation-roles.service.js';
