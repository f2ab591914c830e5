import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Pages from view models: a file under src/modules/<m>/views/ lays out a model its module's
 * page presenter (<m>.page-presenter.ts) made in the request's language; it does not take
 * database rows or decide who may do what. This fails when a view imports:
 * - a repository (`*.repository.js`) or the database's own types (`platform/db/`);
 * - a type whose name ends in `Row` (DocumentRow, SubmissionRow…), from anywhere;
 * - a row type through a module's face (`Process` from processes/index.js, which re-exports
 *   it from its repository);
 * - the policy or role types (`platform/auth/`): `can…` flags come in the model.
 *
 * ALLOWED lists the views that still do. It only shrinks: a listed file that no longer
 * breaks a rule fails the test until it is taken off the list.
 */
const ALLOWED = new Set<string>([
  // Every view takes a model: keep it so.
]);

const MODULES = path.resolve('src/modules');

/** The names each module's face re-exports from a repository: row types under another name. */
function faceRowTypes(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of readdirSync(MODULES)) {
    const face = path.join(MODULES, m, 'index.ts');
    if (!existsSync(face)) continue;
    const names = new Set<string>();
    const sf = ts.createSourceFile(face, readFileSync(face, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const st of sf.statements) {
      if (!ts.isExportDeclaration(st) || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier)) continue;
      if (!st.moduleSpecifier.text.endsWith('.repository.js')) continue;
      if (st.exportClause && ts.isNamedExports(st.exportClause)) for (const e of st.exportClause.elements) names.add(e.name.text);
    }
    out.set(m, names);
  }
  return out;
}

/**
 * What a view file imports that a view should not, in words.
 * @example violations("import type { SubmissionRow } from '../calls.repository.js';", faces) // two findings
 */
function violations(source: string, faces: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const sf = ts.createSourceFile('view.tsx', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  for (const st of sf.statements) {
    const isImport = ts.isImportDeclaration(st);
    if (!isImport && !ts.isExportDeclaration(st)) continue;
    const spec = st.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec)) continue;
    const from = spec.text;
    const names: string[] = [];
    if (isImport) {
      const clause = st.importClause;
      if (clause?.name) names.push(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) names.push((e.propertyName ?? e.name).text);
    } else if (st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const e of st.exportClause.elements) names.push((e.propertyName ?? e.name).text);
    }
    if (from.endsWith('.repository.js')) found.push(`imports a repository (${from})`);
    if (/\/platform\/db\//.test(from)) found.push(`imports database types (${from})`);
    if (/\/platform\/auth\//.test(from)) found.push(`decides permissions itself (${from}); take a can… flag from the model`);
    for (const n of names) if (/Row$/.test(n)) found.push(`imports the row type ${n} (${from})`);
    const face = /(?:^|\/)modules\/([^/]+)\/index\.js$|^\.\.\/\.\.\/([^/.][^/]*)\/index\.js$/.exec(from);
    const faceModule = face?.[1] ?? face?.[2];
    const rows = faceModule ? faces.get(faceModule) : undefined;
    for (const n of names) if (rows?.has(n) && !/Row$/.test(n)) found.push(`imports the row type ${n} through ${faceModule}'s face`);
  }
  return found;
}

function viewFiles(): string[] {
  const out: string[] = [];
  for (const m of readdirSync(MODULES)) {
    const dir = path.join(MODULES, m, 'views');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) if (/\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)) out.push(`${m}/views/${f.split(path.sep).join('/')}`);
  }
  return out.sort();
}

describe('views take view models, not rows', () => {
  const faces = faceRowTypes();
  const files = viewFiles();
  const found = new Map(files.map((f) => [f, violations(readFileSync(path.join(MODULES, f), 'utf8'), faces)]));

  it('finds rows however they are imported', () => {
    expect(faces.get('processes')).toContain('Process');
    const v = (s: string) => violations(s, faces);
    expect(v("import type { SubmissionRow } from '../calls.repository.js';")).toHaveLength(2);
    expect(v("import type { DocumentRow as D } from '../../documents/index.js';")).toEqual(['imports the row type DocumentRow (../../documents/index.js)']);
    expect(v("import { processCrumb, type Process } from '../../processes/index.js';")).toEqual(["imports the row type Process through processes's face"]);
    expect(v("import { can } from '../../../platform/auth/policies.js';")).toHaveLength(1);
    expect(v("export type { Row } from './x.js';")).toHaveLength(1);
    expect(v("import type { CallPageModel } from '../calls.page-presenter.js';\nimport { Layout } from '../../../platform/web/layout.js';")).toEqual([]);
  });

  it('no view outside the list imports rows, repositories or policies', () => {
    const offenders = files.filter((f) => !ALLOWED.has(f) && found.get(f)!.length > 0).map((f) => `${f}: ${found.get(f)!.join('; ')}`);
    expect(offenders, 'take a view model from the module’s page presenter instead (docs/ARCHITECTURE.md, “Pages from view models”)').toEqual([]);
  });

  it('the list only shrinks: every listed view exists and still needs its place', () => {
    const stale = [...ALLOWED].filter((f) => !found.get(f)?.length);
    expect(stale, 'these views no longer take rows (or are gone): take them off ALLOWED').toEqual([]);
  });
});
