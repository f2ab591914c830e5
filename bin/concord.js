#!/usr/bin/env node
// The `concord` command. It runs the compiled copy of src/ (bin/compiled.js: made with esbuild
// on the first run after a source file changes, ~1 s), which starts several times faster than
// compiling TypeScript on the fly. CONCORD_FROM_SOURCE=1, or a copy that cannot be made, runs
// the sources through tsx's loader instead, pointed at the project's own tsconfig so JSX
// compiles for Preact from whichever folder the command is run.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compiledCopy } from './compiled.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const copy = process.env.CONCORD_FROM_SOURCE === '1' ? undefined : await compiledCopy(root);
let main;
if (copy) {
  // Errors then point at the TypeScript lines (the copy carries inline source maps).
  process.setSourceMapsEnabled(true);
  if (process.env.CONCORD_DEBUG_BUILD) console.error(`concord: running ${path.relative(root, copy)}`);
  ({ main } = await import(pathToFileURL(path.join(copy, 'src/app/cli/index.js')).href));
} else {
  if (process.env.CONCORD_DEBUG_BUILD) console.error('concord: running src/ through tsx');
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: path.join(root, 'tsconfig.json') });
  ({ main } = await import('../src/app/cli/index.ts'));
}
await main(process.argv);
