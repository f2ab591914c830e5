/**
 * The search module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { followDocumentVisibility, indexForSearch, indexManyForSearch, indexTranslationsForSearch, removeFromSearch } from './search.index.js';
export type { SearchEntryInput } from './search.index.js';
export { reindexSearch } from './search.reindex.js';
export { plainText } from './search.text.js';
