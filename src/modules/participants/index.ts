/**
 * The participants module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { csvField } from './participants.presenter.js';
export { participantsRepository } from './participants.repository.js';
export type { Organisation } from './participants.repository.js';
export { balance, createOrganisation, isProcessMember, joinProcess, listMembers, memberStakeholderGroups, membership, organisations, organisationsByIds, organisationsInProcess } from './participants.service.js';
export type { BalanceRow } from './participants.service.js';
export { BalanceSection } from './views/balance-section.js';
export { balanceSection } from './participants.page-presenter.js';
export type { BalanceModel } from './participants.page-presenter.js';
export { grantOrganisationRole, organisationPeople, organisationRolesOf, revokeOrganisationRole, setOrganisationRoles } from './organisation-roles.service.js';
export type { OrganisationPerson } from './organisation-roles.service.js';
