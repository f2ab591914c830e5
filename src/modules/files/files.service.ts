import { HttpProblem } from '../../platform/http/problem.js';
import { DOCUMENT_TYPES, identifyDocument, safeFileName } from './file-types.js';

/** The largest file Concord keeps, in bytes (10 MiB): rows stay small enough to back up and serve. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A file as it arrives: the name the sender gave and the bytes. Any type they claimed is ignored. */
export interface Upload {
  name: string;
  data: Buffer;
}

/** The limit in MiB, for messages. */
export const maxFileMiB = (): number => MAX_FILE_BYTES / (1024 * 1024);

/**
 * Check an upload before anything is stored: not empty, within the size limit, and a PDF,
 * DOCX, ODT or Markdown/plain-text document by its content. Returns the name and media type
 * to keep; throws a 4xx problem whose message names the `file` field.
 */
export function checkUpload(upload: Upload): { name: string; mediaType: string } {
  if (upload.data.length === 0) throw new HttpProblem(422, 'files.errors.empty', {}, { file: 'files.errors.empty' });
  if (upload.data.length > MAX_FILE_BYTES) throw new HttpProblem(413, 'files.errors.tooLarge', { max: maxFileMiB() }, { file: 'files.errors.tooLarge' });
  const kind = identifyDocument(upload.data, upload.name);
  if (!kind) throw new HttpProblem(415, 'files.errors.unsupportedType', {}, { file: 'files.errors.unsupportedType' });
  return { name: safeFileName(upload.name, kind), mediaType: DOCUMENT_TYPES[kind].mediaType };
}
