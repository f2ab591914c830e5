#!/usr/bin/env node
// The `concord` command. TypeScript runs through tsx's loader, pointed at the project's own
// tsconfig so JSX compiles for Preact from whichever folder the command is run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
register({ tsconfig: path.join(root, 'tsconfig.json') });
const { main } = await import('../src/app/cli/index.ts');
await main(process.argv);
