import { readdirSync } from 'node:fs';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/*
 * The architecture, enforced (STYLE.md "Boundaries are enforced"; docs/decisions/0012):
 * contracts ← domain ← db ← api; the web reaches the API by type only; web features stay apart.
 */
const webFeatures = readdirSync(new URL('./apps/web/src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

// A file gets the options of the last block that sets a rule (flat config replaces options, it does
// not merge them), so each block below names every restriction for its files.
const restrict = (patterns, paths = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...patterns, intoAnotherPackage], paths }],
});

// The boundaries are drawn on package names; a relative path into another package's source would walk round them.
const intoAnotherPackage = {
  regex: '^(\\.\\./)+((apps|packages)/)?(api|web|contracts|domain|db)/src(/|$)',
  message: 'Import another package by its name (@muster/…), not by a relative path into its source.',
};

const web = {
  patterns: [
    {
      group: ['@muster/domain', '@muster/domain/*', '@muster/db', '@muster/db/*', 'drizzle-orm', 'better-sqlite3', 'express'],
      message: 'The dashboard imports @muster/contracts, and the API by type only: the rules stay on the server.',
    },
  ],
  paths: [
    { name: '@muster/api', allowTypeImports: true, message: 'Import the API by type only (import type { AppRouter }).' },
    {
      name: '@muster/contracts',
      allowTypeImports: true,
      message:
        'The schemas bring zod: import them by type only; values come from @muster/contracts/vocabulary, /limits or /refusals.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'drizzle/**', '.bench/**', 'docs/**', 'data/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.ts', '*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  // Tests, browser specs and benchmark scripts may assert what they have just arranged, and read
  // JSON answers field by field.
  {
    files: ['**/*.test.ts', 'tests/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['packages/contracts/**'],
    rules: restrict([{ group: ['@muster/*'], message: 'Contracts are the leaf: they import nothing of ours.' }]),
  },
  {
    files: ['packages/domain/**'],
    rules: restrict([
      {
        group: [
          '@muster/db',
          '@muster/db/*',
          '@muster/api',
          '@trpc/*',
          'express',
          'drizzle-orm',
          'drizzle-orm/*',
          'better-sqlite3',
          'node:*',
        ],
        message: 'The domain is pure rules: no database, no tRPC, no Express, no I/O.',
      },
    ]),
  },
  {
    files: ['packages/db/**'],
    rules: restrict([{ group: ['@muster/api', '@trpc/*', 'express'], message: 'The database layer knows nothing of the API.' }]),
  },
  { files: ['apps/web/**'], rules: restrict(web.patterns, web.paths) },
  // Each feature also keeps out of its siblings, whether reached from the feature (`../../board/…`)
  // or from src (`../../../features/board/…`).
  ...webFeatures.map((feature) => ({
    files: [`apps/web/src/features/${feature}/**`],
    rules: restrict(
      [
        ...web.patterns,
        {
          regex: `^(\\.\\./)+(features/)?(${webFeatures.filter((f) => f !== feature).join('|')})(/|$)`,
          message: 'Web features do not import each other: move what they share to components/ or lib/.',
        },
      ],
      web.paths,
    ),
  })),
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
