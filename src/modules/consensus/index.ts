/**
 * The consensus module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { callPath, consensusSummary, currentOutcomes, listCalls, openCall, statePosition } from './consensus.service.js';
export type { CallDetail } from './consensus.service.js';
export type { ConsensusOutcome } from './consensus.tables.js';
export { recordOutcome } from './outcomes.service.js';
export type { RecommendationSubject } from './consensus.slots.js';
