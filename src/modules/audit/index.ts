/**
 * The audit module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { verifyAllCommand, verifyProcessCommand } from './audit-view.cli.js';
