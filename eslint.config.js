// ESLint 9 flat config. Type-aware linting through typescript-eslint's project service, so
// rules that need types (floating promises, exhaustive switches) see the real program.
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import moduleBoundaries from './eslint-rules/module-boundaries.js';

export default defineConfig(
  {
    ignores: ['node_modules/', 'data/', 'dist/', 'coverage/', 'test-results/', 'bench/results/'],
  },
  {
    files: ['src/**/*.{ts,tsx,js}', 'test/**/*.{ts,tsx,js}', 'bench/**/*.{ts,tsx,js}', 'bin/**/*.js', 'eslint-rules/**/*.js', '*.config.{ts,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // The three the architecture names.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      // `_`-prefixed names are deliberately unused (positional parameters, destructuring rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Fastify and commander accept async callbacks and handle their promises themselves.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, properties: false } }],
      // Fastify plugins are async functions by contract, whether or not they await anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Modules meet only through their faces (index.ts); the frame (src/platform) imports no
    // module; only the composition (src/app) imports manifests. Tests may reach inside.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    plugins: { concord: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: { 'concord/module-boundaries': ['error', { srcRoot: path.join(import.meta.dirname, 'src') }] },
  },
  {
    // Tests read `res.json()` (typed any by light-my-request) and poke at its fields; the
    // assertions are the type check there.
    files: ['test/**/*.{ts,tsx}', 'src/**/*.test.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Kysely's Migrator works on a database of any shape: Kysely<any> is the documented type.
    files: ['src/platform/db/migrate.ts', 'src/platform/db/migrations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Plain JavaScript files (bin/, this config) are outside tsconfig's program: lint them
    // without type information.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
);
