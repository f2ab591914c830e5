/**
 * The files module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { sendFile } from './download.js';
export { MAX_FILE_BYTES, checkUpload, maxFileMiB } from './files.service.js';
export type { Upload } from './files.service.js';
export { databaseFileStore } from './files.store.js';
export type { FileStore, StoredFile } from './files.store.js';
export { acceptMultipart, explainOversizedUploads, uploadedFiles } from './multipart.js';
