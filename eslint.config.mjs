// ESLint (flat config): correctness rules, with type information for TypeScript; style is
// Prettier's job (eslint-config-prettier, last). Run by `npm run lint` (docs/testing.md).
import { defineConfig, globalIgnores } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';
import angular from 'angular-eslint';
import prettier from 'eslint-config-prettier';

// ESLint's own recommended rules: the set @eslint/js's `configs.recommended` holds, read from the
// rules' metadata (ESLint 10 no longer brings @eslint/js along; this spares a dependency).
const eslintRecommended = {
  name: 'eslint/recommended',
  rules: Object.fromEntries(
    [...builtinRules]
      .filter(([, rule]) => rule.meta?.docs?.recommended && !rule.meta.deprecated)
      .map(([id]) => [id, 'error']),
  ),
};

// The plain scripts run on Node 24 (scripts/node24.sh): their globals are those of the Node that
// runs ESLint. The jest configs are CommonJS.
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));
const commonJsGlobals = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
  __filename: 'readonly',
};

// Type information from the tsconfig that covers all of a folder's files, specs included (the
// build's tsconfigs leave the specs out). The web app and the tests see @portal/shared through
// its built declarations, as the typecheck does: `npm run lint` builds shared first.
const typed = (files, project) => ({
  files,
  languageOptions: { parserOptions: { project, tsconfigRootDir: import.meta.dirname } },
});

// The layout's import rules (docs/architecture.md; tests/architecture/module-boundaries.spec.ts
// checks the same on resolved paths): web and api never import each other, shared imports
// neither, and nobody reaches into shared's sources (its package entry, or its data files, only).
// Relative paths are matched by their text: `../…/api/` from web is the API's folder.
const noSharedInternals = [
  {
    group: ['@portal/shared/*', '!@portal/shared/reference.json', '!@portal/shared/demo.json'],
    message: 'Import @portal/shared (its entry), not its files.',
  },
  { regex: '^(\\.\\./)+shared/(src|dist)(/|$)', message: "Import @portal/shared (its entry), not shared's sources." },
];
const boundaries = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: [...patterns, ...noSharedInternals] }],
});
const notApi = [
  {
    group: ['@portal/api', '@portal/api/*', '@nestjs/*', 'typeorm', 'typeorm/*'],
    message: 'The API and its frameworks stay out of here.',
  },
  { regex: '^(\\.\\./)+api(/|$)', message: "Do not reach into the API's folder." },
];
const notWeb = [
  { group: ['@portal/web', '@portal/web/*', '@angular/*'], message: 'The web app and Angular stay out of here.' },
  { regex: '^(\\.\\./)+web(/|$)', message: "Do not reach into the web app's folder." },
];

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/.angular/',
    '.nx/',
    '.data/',
    'coverage/',
    'tools/node24/',
    'tests/.artifacts/',
    'tests/e2e/screenshots/',
  ]),
  { linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' } },

  // Plain JavaScript: the scripts, the jest configs, this file.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [eslintRecommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: nodeGlobals },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: commonJsGlobals } },
  // Functions this script hands to the page (page.evaluate) run in the browser.
  {
    files: ['scripts/bench-web/**/*.mjs'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', MutationObserver: 'readonly' } },
  },

  // TypeScript, with type information.
  {
    files: ['**/*.ts'],
    extends: [eslintRecommended, ...tseslint.configs.recommendedTypeChecked],
    rules: {
      // A leading underscore marks a name kept on purpose: a parameter a signature needs, or a
      // field destructured away from the rest (`const { secret: _secret, ...view } = user`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      // Off: async functions without an await are written on purpose to meet a contract that
      // returns a promise (Nest factories, the test tables' steps, stop()), and a throw in them
      // becomes a rejection, as callers expect. A forgotten await is no-floating-promises' job.
      '@typescript-eslint/require-await': 'off',
      // Passing on a reason as it came (an HttpErrorResponse the caller looks into) is fine.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  typed(['api/src/**/*.ts', 'migrations/**/*.ts'], './api/tsconfig.spec.json'),
  typed(['shared/src/**/*.ts'], './shared/tsconfig.spec.json'),
  typed(['web/src/**/*.ts'], './web/tsconfig.spec.json'),
  typed(['tests/**/*.ts'], './tests/tsconfig.json'),

  {
    files: ['api/src/**/*.ts', 'migrations/**/*.ts'],
    rules: {
      ...boundaries(...notWeb),
    },
  },
  {
    // Message types are bytes off the wire (numbers), compared with the protocol's enum of codes.
    files: ['api/src/database/embedded/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-enum-comparison': 'off' },
  },
  { files: ['web/src/**/*.ts'], rules: boundaries(...notApi) },
  { files: ['shared/src/**/*.ts'], rules: boundaries(...notApi, ...notWeb) },
  {
    // The API's answers are parsed JSON typed `any` on purpose (tests/support/api-harness.ts): the
    // tests assert on what the server sent; typing each body would restate the contract under test.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // The web app: angular-eslint's rules for components and for their templates (inline ones too).
  {
    files: ['web/src/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
  },
  {
    files: ['web/src/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
    rules: {
      // button[appSubmitButton] renders its required label (web/src/app/ui/submit-button.ts).
      '@angular-eslint/template/elements-content': ['error', { allowList: ['appSubmitButton'] }],
    },
  },
  {
    // A modal <dialog> focuses the field marked autofocus when it opens, as the HTML standard
    // advises for dialogs; these templates use it only there.
    files: ['web/src/app/request-detail/member-actions.html', 'web/src/app/request-detail/staff-actions.html'],
    rules: { '@angular-eslint/template/no-autofocus': 'off' },
  },

  prettier,
);
