import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript beside the binary, without type declarations
import { build, compiledCopy, fingerprint } from '../../bin/compiled.js';

/**
 * The compiled copy `concord` runs (bin/compiled.js): it must follow every change of src/, never
 * include tests, keep source maps, and the binary must actually run it (and fall back to tsx).
 */
const repo = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-compiled-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Fp = (root: string) => string;
type Build = (root: string) => Promise<string>;
const fp = fingerprint as Fp;

/** A small project: the real tsconfig, a module, a JSX view, a JSON asset and a test. */
function project(name: string): string {
  const root = path.join(tmp, name);
  fs.mkdirSync(path.join(root, 'src/views'), { recursive: true });
  fs.copyFileSync(path.join(repo, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
  fs.writeFileSync(path.join(root, 'package.json'), '{"type":"module"}\n');
  fs.writeFileSync(path.join(root, 'src/answer.ts'), 'export const answer: number = 41 + 1;\n');
  fs.writeFileSync(path.join(root, 'src/views/hello.tsx'), 'export const Hello = () => <p>hello</p>;\n');
  fs.writeFileSync(path.join(root, 'src/views/strings.json'), '{"hello":"bonjour"}\n');
  fs.writeFileSync(path.join(root, 'src/answer.test.ts'), 'throw new Error("a test must not be compiled");\n');
  return root;
}

/** Rewrite a file with other content and a later modification time, as an editor would. */
function edit(file: string, content: string) {
  fs.writeFileSync(file, content);
  const later = new Date(Date.now() + 5_000);
  fs.utimesSync(file, later, later);
}

describe('bin/compiled.js', { timeout: 60_000 }, () => {
  it('compiles src/ (not its tests) into dist/<fingerprint>, with source maps and assets', async () => {
    const root = project('one');
    const dir = await (build as Build)(root);
    expect(path.relative(root, dir)).toBe(path.join('dist', fp(root)));
    expect(fs.existsSync(path.join(dir, '.complete'))).toBe(true);
    const answer = fs.readFileSync(path.join(dir, 'src/answer.js'), 'utf8');
    expect(answer).toContain('sourceMappingURL=data:application/json;base64,');
    expect(((await import(path.join(dir, 'src/answer.js'))) as { answer: number }).answer).toBe(42);
    expect(fs.readFileSync(path.join(dir, 'src/views/hello.js'), 'utf8')).toMatch(/from "preact\/jsx-runtime"/);
    expect(fs.readFileSync(path.join(dir, 'src/views/strings.json'), 'utf8')).toBe('{"hello":"bonjour"}\n');
    expect(fs.existsSync(path.join(dir, 'src/answer.test.js'))).toBe(false);
  });

  it('makes a new copy when a source file changes, not when a test does, and keeps three', async () => {
    const root = project('two');
    const first = fp(root);
    edit(path.join(root, 'src/answer.test.ts'), 'export {};\n');
    expect(fp(root)).toBe(first);
    const copies = [await (build as Build)(root)];
    for (const n of [43, 44, 45]) {
      edit(path.join(root, 'src/answer.ts'), `export const answer: number = ${n};\n`);
      expect(fp(root)).not.toBe(path.basename(copies.at(-1)!));
      copies.push(await (build as Build)(root));
      expect(((await import(path.join(copies.at(-1)!, 'src/answer.js'))) as { answer: number }).answer).toBe(n);
    }
    expect(new Set(copies).size).toBe(4);
    const kept = fs.readdirSync(path.join(root, 'dist')).sort();
    expect(kept).toEqual(
      copies
        .slice(1)
        .map((c) => path.basename(c))
        .sort(),
    );
  });

  it('answers undefined (so the caller uses tsx) when src/ cannot compile', async () => {
    const root = project('broken');
    edit(path.join(root, 'src/answer.ts'), 'export const answer = ;\n');
    expect(await (compiledCopy as (r: string) => Promise<string | undefined>)(root)).toBeUndefined();
    expect(fs.readdirSync(path.join(root, 'dist'))).toEqual([]);
  });

  it('is what the concord binary runs, with the same answers as the sources through tsx', () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [path.join(repo, 'bin/concord.js'), '--help'], {
        encoding: 'utf8',
        env: { ...process.env, CONCORD_DEBUG_BUILD: '1', ...env },
      });
    const compiled = run({});
    expect(compiled.status).toBe(0);
    expect(compiled.stderr).toContain(`concord: running ${path.join('dist', fp(repo))}`);
    const source = run({ CONCORD_FROM_SOURCE: '1' });
    expect(source.status).toBe(0);
    expect(source.stderr).toContain('concord: running src/ through tsx');
    expect(compiled.stdout).toBe(source.stdout);
    expect(compiled.stdout).toContain('Usage: concord');
  });
});
