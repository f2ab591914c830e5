/**
 * The documents module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { blocksOf, canRead, createDocument, documentById, documentPath, documentsWithVersions, documentScope, getDocument, listDocuments, listVersions, saveVersion, setDocumentStatus, translationsOf, versionById, versionByNumber } from './documents.service.js';
export type { BlockRow, DocumentRow, VersionRow } from './documents.service.js';
export { BlockHtml } from './views/blocks.js';
export type { DocumentMargin } from './documents.slots.js';
