import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'src/shared, src/api and media/ must not import vscode.' };
const alicloud = { group: ['@alicloud/*'], message: 'Only src/api/openApiTransport.ts loads @alicloud/* (lazily, on first call).' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', '.vscode-test/**', 'test-results/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Only the lazily loaded transport may load the Alibaba Cloud SDK.
    files: ['src/**/*.ts', 'media/**/*.ts'],
    ignores: ['src/api/openApiTransport.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [alicloud] }] },
  },
  {
    // The folder names the runtime: shared code, the API layer and the webview never touch the VS Code API.
    files: ['src/shared/**/*.ts', 'src/api/**/*.ts', 'media/**/*.ts'],
    ignores: ['src/api/openApiTransport.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [alicloud] }] },
  },
  {
    files: ['src/api/openApiTransport.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
);
