import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * External tools some tests need (Chromium, pdftotext, pg_dump). On a developer machine a
 * missing tool skips those tests with a message naming what to install. Under CI=true it
 * fails instead: CI installs every tool, so a missing one means the checks silently stopped
 * running, which a green build must never hide.
 */
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * True on CI's later passes (PostgreSQL, then Node 24), set by .ci/run: a test whose outcome
 * neither the database engine nor the Node version can change (page widths are the stylesheet's
 * and Chromium's) has already run on the first pass, and skips here.
 */
export const REPEAT_PASS = process.env.CI_REPEAT_PASS === '1';

/** True when the tool is there; otherwise throws under CI, or warns and returns false. */
export function toolPresent(tool: string, present: boolean, install: string): boolean {
  if (present) return true;
  const message = `${tool} is missing (${install})`;
  if (IN_CI) throw new Error(`${message}. CI=true: tests that need it fail instead of being skipped.`);
  console.warn(`Skipping the tests that need it: ${message}.`);
  return false;
}

/** Whether a command runs from PATH (or at the given path). */
export function commandRuns(command: string, args: string[] = ['--version']): boolean {
  const r = spawnSync(command, args, { stdio: 'ignore' });
  return !r.error;
}

export const PDFTOTEXT_INSTALL = 'Debian package poppler-utils: apt-get install poppler-utils';

/** Run one of poppler's tools on a PDF written to a scratch file; null when it is missing off CI. */
function poppler(tool: string, pdf: Buffer | Uint8Array, args: string[]): string | null {
  if (!toolPresent(tool, commandRuns(tool, ['-v']), PDFTOTEXT_INSTALL)) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'concord-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdfinfo' ? [] : ['-'])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A PDF's text as pdftotext reads it (`['-layout']` keeps columns side by side); null when
 * pdftotext is missing on a developer machine (the caller skips its text assertions), an
 * error under CI.
 */
export function pdfText(pdf: Buffer | Uint8Array, args: string[] = ['-enc', 'UTF-8']): string | null {
  return poppler('pdftotext', pdf, args);
}

/** The PDF as poppler's pdftohtml XML: each text run with <b> and <i> where its font is bold or italic. */
export function pdfXml(pdf: Buffer | Uint8Array): string | null {
  return poppler('pdftohtml', pdf, ['-xml', '-stdout', '-i', '-q']);
}

/** pdfinfo's report (Title, Tagged, PDF version…). */
export function pdfInfo(pdf: Buffer | Uint8Array): string | null {
  return poppler('pdfinfo', pdf, []);
}
