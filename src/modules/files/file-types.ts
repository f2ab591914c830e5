import { looksLikeZip, storedEntryData, zipEntries } from './zip.js';

/** The kinds of document a report may be: decided by the bytes, never by the name or the browser. */
export type DocumentKind = 'pdf' | 'docx' | 'odt' | 'markdown' | 'text';

/** What each kind is served as, and the name endings that fit it (the first is added when none fits). */
export const DOCUMENT_TYPES: Record<DocumentKind, { mediaType: string; extensions: readonly string[] }> = {
  pdf: { mediaType: 'application/pdf', extensions: ['.pdf'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['.docx'] },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['.odt'] },
  markdown: { mediaType: 'text/markdown', extensions: ['.md', '.markdown'] },
  text: { mediaType: 'text/plain', extensions: ['.txt', '.text'] },
};

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True for valid UTF-8 with no NUL byte: what a Markdown or plain-text file is. */
export function isUtf8Text(data: Buffer): boolean {
  if (data.includes(0)) return false;
  try {
    utf8.decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * An OpenDocument text keeps its type in a first entry `mimetype`, stored uncompressed (ODF
 * 1.2 §3.3), so it can be read without inflating anything.
 */
function isOdt(data: Buffer): boolean {
  const first = zipEntries(data)?.find((e) => e.localHeaderOffset === 0);
  if (first?.name !== 'mimetype') return false;
  return storedEntryData(data, first)?.toString('latin1') === ODT_MIMETYPE;
}

/** An Office Open XML word-processing document: `[Content_Types].xml` and a `word/` part. */
function isDocx(data: Buffer): boolean {
  const names = zipEntries(data)?.map((e) => e.name) ?? [];
  return names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('word/'));
}

/**
 * What a file is, from its content alone; undefined for anything not accepted. The name only
 * tells Markdown from plain text, which have the same content rules.
 * @example identifyDocument(Buffer.from('%PDF-1.7\n…'), 'report.docx') // 'pdf'
 */
export function identifyDocument(data: Buffer, name: string): DocumentKind | undefined {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (looksLikeZip(data)) return isDocx(data) ? 'docx' : isOdt(data) ? 'odt' : undefined;
  if (isUtf8Text(data)) return /\.(md|markdown)$/i.test(name) ? 'markdown' : 'text';
  return undefined;
}

/** Control characters and bidirectional overrides (which can disguise `cod.exe` as `exe.doc`) go. */
const UNSAFE_IN_NAME = /[\p{Cc}\u202a-\u202e\u2066-\u2069"\\/:*?<>|]/gu;

/**
 * A name safe to offer as a download: no folders, no control or bidi characters, at most
 * 200 characters, and ending as its content says (a PDF sent as `x.exe` becomes `x.exe.pdf`).
 * @example safeFileName('C:\\docs\\Rapport final.PDF', 'pdf') // 'Rapport final.PDF'
 */
export function safeFileName(name: string, kind: DocumentKind): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(UNSAFE_IN_NAME, '').replace(/\s+/g, ' ').trim();
  const { extensions } = DOCUMENT_TYPES[kind];
  const ext = extensions.find((e) => base.toLowerCase().endsWith(e));
  const stem = ext ? base.slice(0, base.length - ext.length) : base;
  return `${(stem.trim() || 'document').slice(0, 190)}${ext ? base.slice(base.length - ext.length) : extensions[0]}`;
}
