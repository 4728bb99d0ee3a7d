// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'src/base, src/shared, src/api, src/forms and media/ must not import vscode.' };
const alicloud = { group: ['@alicloud/*'], message: 'Only src/api/openApiTransport.ts loads @alicloud/* (lazily, on first call).' };

/**
 * The layers of src/, lowest first (docs/ARCHITECTURE.md): a file imports its own folder and lower layers only,
 * types included (a type that two layers share lives in the lower one; what the upper one does is passed in as a
 * callback). src/constants.ts is below everything; the other files at the top of src/ are the composition above all.
 * import() of a chunk entry (core.ts, deferred.ts) is the one way up and is not an import declaration.
 */
export const LAYERS = [['base'], ['shared'], ['api'], ['util'], ['auth'], ['services'], ['forms'], ['tree', 'webview'], ['commands']];
/** The composition at the top of src/: what builds the layers and what VS Code calls. */
export const ROOT_MODULES = ['core', 'deferred', 'extension', 'formContext', 'statusBar'];
/** Only index.ts is the API layer's public face (src/api/README.md). */
const apiInternals = { regex: '^(\\./|(\\.\\./)+)api/', message: 'Import the API layer from src/api (index.ts) only; see src/api/README.md.' };

/** @param {Record<string, unknown>} options @returns {import('eslint').Linter.RulesRecord} */
const restrictImports = (options) => ({ 'no-restricted-imports': ['error', options] });

/**
 * One `no-restricted-imports` block per folder (flat config keeps the last block's options, so each is complete).
 * @returns {import('eslint').Linter.Config[]}
 */
function importRules() {
  /** @param {string} folder @param {string[]} above */
  const upward = (folder, above) => ({
    regex: `^(\\.\\./)+(${above.join('|')})(/|$)`,
    message: `src/${folder} is below ${above.map((f) => (ROOT_MODULES.includes(f) ? `src/${f}.ts` : `src/${f}`)).join(', ')}: move the shared piece down or pass it in (docs/ARCHITECTURE.md).`,
  });
  const blocks = LAYERS.flatMap((layer, i) => layer.map((folder) => {
    const above = [...LAYERS.slice(i + 1).flat(), ...layer.filter((f) => f !== folder), ...ROOT_MODULES];
    const pure = ['base', 'shared', 'api', 'forms'].includes(folder);
    const patterns = [upward(folder, above), ...(folder === 'api' ? [] : [apiInternals])];
    return {
      files: [`src/${folder}/**/*.ts`],
      rules: restrictImports({ ...(pure ? { paths: [noVscode] } : {}), patterns: [...patterns, alicloud] }),
    };
  }));
  return [
    ...blocks,
    {
      files: ['src/*.ts'],
      rules: restrictImports({ patterns: [apiInternals, alicloud] }),
    },
    {
      // Only the lazily loaded transport may load the Alibaba Cloud SDK.
      files: ['src/api/openApiTransport.ts'],
      rules: restrictImports({ paths: [noVscode], patterns: [upward('api', [...LAYERS.slice(3).flat(), ...ROOT_MODULES])] }),
    },
    {
      // The webview pages run in the browser: no VS Code API, no SDK.
      files: ['media/**/*.ts'],
      rules: restrictImports({ paths: [noVscode], patterns: [alicloud] }),
    },
  ];
}

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
  ...importRules(),
);
