/**
 * `pnpm --filter @muster/api build`: bundles the server (src/main.ts) and the CLI (src/cli.ts) to
 * dist/*.js, so production runs plain JavaScript on node instead of TypeScript through the tsx loader
 * (see docs/decisions/0002). The workspace packages (@muster/*) export TypeScript source, so they are
 * bundled in; every npm package stays external and is loaded from node_modules as usual, native
 * addons (better-sqlite3, @node-rs/argon2) included.
 *
 * dist/ sits at the same depth as src/ and packages/db/src/, so the URLs the code resolves against
 * `import.meta.url` (the migrations in drizzle/, the built dashboard in apps/web/dist) still point at
 * the same folders from the bundle.
 */
import { build, type Plugin } from 'esbuild';

/** Bare imports that are not workspace packages are npm packages: leave them to node's resolution. */
const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@muster/') || args.path.startsWith('node:')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  plugins: [npmPackagesExternal],
  logLevel: 'warning',
});
