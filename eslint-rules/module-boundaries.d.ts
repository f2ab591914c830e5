import type { Rule } from 'eslint';

/** The module-boundaries rule (module-boundaries.js), typed for its tests. */
declare const rule: Rule.RuleModule;
export default rule;
