// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'src/base, src/shared, src/api and media/ must not import vscode.' };
const alicloud = { group: ['@alicloud/*'], message: 'Only src/api/openApiTransport.ts loads @alicloud/* (lazily, on first call).' };

// The JavaScript tooling run by plain `node` (build, benchmark, test runners): type-checked through JSDoc by
// tsconfig.tools.json, which also gives these files the type-aware rules.
const TOOLS = ['esbuild.js', 'eslint.config.mjs', 'bench/*.mjs', 'bench/lib/*.{mjs,cjs}', 'bench/payload/*.cjs', 'test/vscode/*.mjs', 'scripts/*.mjs', 'test/support/*.cjs'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', '.vscode-test/**', 'test-results/**', 'bench/fixtures/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts', ...TOOLS],
    extends: [...tseslint.configs.recommendedTypeChecked],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: TOOLS,
    languageOptions: {
      parserOptions: {
        project: './tsconfig.tools.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // tsc resolves every name (checkJs), including Node's globals, which ESLint would need listed.
      'no-undef': 'off',
      // CommonJS files load their dependencies with require().
      '@typescript-eslint/no-require-imports': 'off',
      // These two look at the expression a JSDoc cast wraps, not at the cast (typescript-eslint#4824), so they flag
      // every `/** @type {T} */ (JSON.parse(...))`; tsc checks the casts, and the other no-unsafe-* rules still catch
      // an uncast `any` where it is used.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.cjs', 'esbuild.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // Only the lazily loaded transport may load the Alibaba Cloud SDK.
    files: ['src/**/*.ts', 'media/**/*.ts'],
    ignores: ['src/api/openApiTransport.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [alicloud] }] },
  },
  {
    // The folder names the runtime: shared code, the API layer and the webview never touch the VS Code API.
    files: ['src/base/**/*.ts', 'src/shared/**/*.ts', 'src/api/**/*.ts', 'media/**/*.ts'],
    ignores: ['src/api/openApiTransport.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [alicloud] }] },
  },
  {
    files: ['src/api/openApiTransport.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
);
