import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * The boundaries in eslint.config.js (docs/decisions/0012) bite: each import below, linted as the
 * text of a real file of the package it would break, is refused, and `pnpm lint` would fail on it.
 * One ESLint instance for all of them: the type-aware rules build a TypeScript program per project,
 * which is most of the time this takes.
 */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

/** The errors `pnpm lint` would report for `code` saved as `file`, as `rule: line`. */
async function errorsOf(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${file}` });
  if (!result) throw new Error(`ESLint gave no result for ${file}`);
  // A file the config ignores comes back with one warning and nothing checked: that is not a pass.
  expect(result.messages.filter((m) => m.message.includes('ignored'))).toEqual([]);
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId ?? 'parse'}: ${m.line}`);
}

const restricted = '@typescript-eslint/no-restricted-imports';
/** The refused imports among `errors`: an import a package may not have also leaves its names unresolved (any), which other rules report. */
const refusedImports = (errors: string[]) => errors.filter((e) => e.startsWith(`${restricted}:`));

describe('the architecture is enforced by pnpm lint', { timeout: 120_000 }, () => {
  it('keeps the domain pure, contracts a leaf, and the web on contracts and API types', async () => {
    const started = performance.now();

    // The domain imports neither the database, nor tRPC, nor Express, nor another package's source by path.
    expect(
      refusedImports(
        await errorsOf(
          'packages/domain/src/pipeline.ts',
          [
            "import { applications } from '@muster/db';",
            "import { initTRPC } from '@trpc/server';",
            "import express from 'express';",
            "import { createDb } from '../../db/src/client.ts';",
            'export const leaks = [applications, initTRPC, express, createDb];',
          ].join('\n'),
        ),
      ),
    ).toEqual([`${restricted}: 1`, `${restricted}: 2`, `${restricted}: 3`, `${restricted}: 4`]);

    // Contracts import nothing of ours.
    expect(
      refusedImports(
        await errorsOf(
          'packages/contracts/src/intake.ts',
          "import { units } from '@muster/domain';\nexport const leak = units;\n",
        ),
      ),
    ).toEqual([`${restricted}: 1`]);

    // The web takes the API's types, never its values; nor the domain's rules, even inside a feature.
    expect(
      await errorsOf(
        'apps/web/src/lib/session.ts',
        "import type { AppRouter } from '@muster/api';\nexport type Router = AppRouter;\n",
      ),
    ).toEqual([]);
    expect(
      refusedImports(
        await errorsOf(
          'apps/web/src/features/applications/components/application-page.tsx',
          [
            "import { appRouter } from '@muster/api';",
            "import { planMove } from '@muster/domain';",
            "import { BoardPage } from '../../board/components/board-page.tsx';",
            "import { TriagePage } from '../../../features/triage/components/triage-page.tsx';",
            "import { useApplicationWrite } from '../hooks/use-application-write.ts';",
            "import { Loading } from '../../../components/loading.tsx';",
            'export const parts = [appRouter, planMove, BoardPage, TriagePage, useApplicationWrite, Loading];',
          ].join('\n'),
        ),
      ),
      // Lines 1–4 break a boundary; 5 (its own feature) and 6 (shared components) do not.
    ).toEqual([`${restricted}: 1`, `${restricted}: 2`, `${restricted}: 3`, `${restricted}: 4`]);

    // The schemas (and zod with them) reach the dashboard by type only; values come from the zod-free entries.
    expect(
      refusedImports(
        await errorsOf(
          'apps/web/src/lib/labels.ts',
          [
            "import { Stage } from '@muster/contracts';",
            "import type { Route } from '@muster/contracts';",
            "import { stages } from '@muster/contracts/vocabulary';",
            'export const parts: [unknown, Route | undefined, unknown] = [Stage, undefined, stages];',
          ].join('\n'),
        ),
      ),
    ).toEqual([`${restricted}: 1`]);

    // Hooks run in the same order on every render.
    expect(
      await errorsOf(
        'apps/web/src/features/applications/components/application-page.tsx',
        [
          "import { useState } from 'react';",
          'export function Sometimes({ isOpen }: { isOpen: boolean }) {',
          '  if (!isOpen) return null;',
          '  const [count] = useState(0);',
          '  return <p>{count}</p>;',
          '}',
        ].join('\n'),
      ),
    ).toEqual(['react-hooks/rules-of-hooks: 4']);

    // A non-null assertion is refused in source; a test may assert what it has just arranged.
    const firstOf = 'export const firstOf = (xs: number[]): number => xs[0]!;\n';
    expect(await errorsOf('packages/domain/src/pipeline.ts', firstOf)).toEqual(['@typescript-eslint/no-non-null-assertion: 1']);
    expect(await errorsOf('packages/domain/src/pipeline.test.ts', firstOf)).toEqual([]);

    console.info(`lint-boundaries: 7 files linted in ${Math.round(performance.now() - started)} ms`);
  });
});
