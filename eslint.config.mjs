import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Process boundaries are visible in imports (see docs/architecture.md):
// shared is platform-free, and main and renderer never import each other.
// Every Node built-in, with and without the `node:` prefix, and their subpaths
// (fs/promises), as whole module names: `../shared/domain` is not the `domain` module.
const nodeBuiltin = `^(node:.*|(${builtinModules
  .filter((name) => !name.startsWith('_'))
  .map((name) => name.replace(/[/]/g, '\\/'))
  .join('|')})(/.*)?)$`;

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Type-aware rules: a promise nobody awaits loses its error (and its order).
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: nodeBuiltin,
              message: 'src/shared is platform-free: no Node, DOM, React or Electron imports.',
            },
            {
              group: ['electron', 'react', 'react-dom', 'better-sqlite3'],
              message: 'src/shared is platform-free: no Node, DOM, React or Electron imports.',
            },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared must not import from a process.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/preload/**', 'react', 'react-dom', 'cytoscape*'],
              message: 'main never imports renderer code.',
            },
            {
              group: ['electron', 'electron/*'],
              message:
                'Only src/main/index.ts (and the IPC binding) import electron: everything else runs in Node, the CLI and tests too.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/index.ts', 'src/main/ipc/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/preload/**', 'react', 'react-dom', 'cytoscape*'],
              message: 'main never imports renderer code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: nodeBuiltin,
              message: 'the renderer runs in a sandboxed page: no Node built-ins.',
            },
            {
              group: ['electron', 'better-sqlite3', '**/main/**', '**/preload/**'],
              message:
                'the renderer reaches main only through the contract client in src/renderer/src/api.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', 'better-sqlite3', 'zod'],
              message: 'the preload exposes only the contract method names.',
            },
          ],
        },
      ],
    },
  },
);
