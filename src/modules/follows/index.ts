/**
 * The follows module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { followOf, recordActivity } from './follows.service.js';
export { followBox } from './follows.page-presenter.js';
export { FollowBox } from './views/follow-box.js';
