/**
 * The groups module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { groupFromParams } from './groups.pages.js';
export { groupsRepository } from './groups.repository.js';
export type { WorkingGroup } from './groups.repository.js';
export { GroupParams } from './groups.schema.js';
export { createGroup, getGroup, groupById, groupMemberIds, groupsByUser, isGroupMember, joinGroup, listGroups, postAnnouncement } from './groups.service.js';
