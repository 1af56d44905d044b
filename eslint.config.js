import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/*
 * Import zones (see ../shared/DESIGN.md): renderer → core; electron → db → core; server → core.
 * Nothing imports renderer, electron or server; only four shell files may import 'electron'.
 */
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util', 'worker_threads'];
/** What no file in renderer/ may import (the renderer's own rooms below repeat it). */
const RENDERER_OUT = [...NODE_BUILTINS, 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'electron', '**/db/**', '**/electron/**', '**/server/**'];
/** One zustand store in the renderer: only renderer/store/index.ts calls create (everything else is a slice). */
const ONE_STORE = [{ name: 'zustand', importNames: ['create', 'createStore'], message: 'One store: add a slice to renderer/store/index.ts instead of a new zustand store.' }];
const zone = (files, patterns, message, extraPaths = []) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { paths: extraPaths, patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'bench/.out/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  zone(
    ['core/**/*.ts'],
    [...NODE_BUILTINS, 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'react', 'react-dom', 'electron', '**/db/**', '**/electron/**', '**/renderer/**', '**/server/**'],
    'core/ is pure: no node, no DOM, no I/O, and it imports nothing outside core/.',
  ),
  zone(
    ['db/**/*.ts'],
    ['electron', 'react', 'react-dom', '**/electron/**', '**/renderer/**', '**/server/**'],
    'db/ may import core/ only.',
  ),
  zone(
    ['renderer/**/*.{ts,tsx}'],
    RENDERER_OUT,
    'renderer/ talks to the back end only through the contract client; it imports core/ and itself.',
    ONE_STORE,
  ),
  // ── Rooms inside renderer/ (issue 12) ─────────────────────────────────────────────────────────────
  // A later block replaces the rule's options for its files, so each room repeats RENDERER_OUT.
  {
    files: ['renderer/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ONE_STORE,
        patterns: [
          { group: RENDERER_OUT, message: 'renderer/ talks to the back end only through the contract client; it imports core/ and itself.' },
          // Anything outside ui/ (a path that climbs out with ../) except a stylesheet such as the tokens.
          { regex: '^\\.\\./(?!.*\\.css$)', message: 'renderer/ui/ is the design kit: it imports nothing of ours but its own files and CSS (tokens).' },
        ],
      }],
    },
  },
  zone(
    ['renderer/components/**/*.{ts,tsx}'],
    [...RENDERER_OUT, '**/pages', '**/pages/**'],
    'renderer/components/ never imports renderer/pages/: move what both need to components/, model/, ui/ or format.',
    ONE_STORE,
  ),
  zone(
    ['renderer/store/**/*.{ts,tsx}'],
    [...RENDERER_OUT, '**/components', '**/components/**', '**/pages', '**/pages/**'],
    'renderer/store/ never imports components or pages: move the shared, non-visual code to store/ or model/.',
    ONE_STORE,
  ),
  zone(
    ['renderer/store/index.ts'],
    [...RENDERER_OUT, '**/components', '**/components/**', '**/pages', '**/pages/**'],
    'renderer/store/ never imports components or pages: move the shared, non-visual code to store/ or model/.',
  ),
  // ── end of renderer rooms ─────────────────────────────────────────────────────────────────────────
  zone(
    ['electron/**/*.ts'],
    ['**/renderer/**', '**/server/**'],
    'electron/ must not import the renderer or the server.',
    [{ name: 'electron', message: "Only electron/main.ts, preload.ts, security.ts and ipc.ts may import 'electron'." }],
  ),
  zone(
    ['server/**/*.ts'],
    ['electron', 'react', 'react-dom', 'better-sqlite3', '**/electron/**', '**/renderer/**', '**/db/**'],
    'server/ may import core/ only: it runs the shared appliers on PostgreSQL, never the console.',
  ),
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/security.ts', 'electron/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '**/server/**'], message: 'electron/ must not import the renderer or the server.' }] }] },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'build/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
