/**
 * The comments module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { commentPath, submitComment } from './comments.service.js';
export { periodSummaries } from './comments.summary.js';
export { bodyHash, normaliseForDuplicates } from './comments.text.js';
export { GroupsDispositionBody, OUTCOMES } from './dispositions.schema.js';
export { respondToGroups } from './dispositions.groups.js';
export { recordDisposition } from './dispositions.service.js';
export { floodSignals, hideComment, setsFloodSignals } from './moderation.service.js';
export { openPeriod, periodPath } from './periods.service.js';
export { importComments, type ImportResult, type RefusedRow } from './comments.import.js';
export { formatOf, type ImportFormat } from './comments.import-parse.js';
export { groupSetBreakdown, groupTexts, periodExists, periodsOf, periodTexts, type GroupText, type PeriodText, type SetBreakdownRow } from './campaign-source.js';
export { periodScope } from './comments.scopes.js';
export { periodTitle, periodTrail, signalsModel, type SignalsModel } from './comments.page-presenter.js';
export { SignalsSection } from './views/signals.view.js';
export { signalsFromJson, type Signals } from './comments.signals.js';
export type { PeriodDetail } from './periods.service.js';
export { foldCounters, pendingCopies, pendingCopiesOfCampaigns } from './comments.counters.js';
export type { CampaignCount } from './comments.slots.js';
export { foldCampaigns, type CampaignFold } from './campaign-folds.js';
