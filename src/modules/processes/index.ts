/**
 * The processes module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export type { Process, StakeholderGroup } from './processes.repository.js';
export { processRecords } from './processes.scopes.js';
export { processCrumb } from './processes.presenter.js';
export { Bilingual, CopyProcessBody, CreateProcessBody, DEFAULT_STAKEHOLDER_KEYS, Slug, SlugParams } from './processes.schema.js';
export { createProcess, getProcess, listProcesses, processById, processBySlug, processScope, saveStakeholderGroups, stakeholderGroupsOf, todayIn, asOfDay, processAsOfDay } from './processes.service.js';
export type { ProcessDetail } from './processes.service.js';
export type { ProcessCopyInput, ProcessSectionInput } from './processes.slots.js';
export { copyProcess } from './templates.service.js';
