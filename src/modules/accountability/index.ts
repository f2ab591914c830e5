/**
 * The accountability module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { createAction, reportOnAction, reportOnPledge, signPledge } from './accountability.service.js';
export { buildTracker } from './tracker.service.js';
