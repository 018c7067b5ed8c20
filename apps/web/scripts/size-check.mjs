// Fails the build when the JavaScript the dashboard loads before anything else is over budget.
// "Initial" means what dist/index.html asks for up front: its entry script and the modules it
// preloads. Route chunks loaded later with React.lazy / route `lazy` do not count.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const budgetKb = 150;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
const files = [...new Set([...scripts, ...preloads])].filter((f) => f.endsWith('.js'));
if (!files.length) {
  console.error('size-check: found no scripts in dist/index.html');
  process.exit(1);
}

let total = 0;
for (const file of files) {
  const bytes = readFileSync(join(dist, file.replace(/^\//, '')));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`  ${file}  ${(bytes.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip`);
}
const kb = total / 1024;
console.log(`size-check: initial JS ${kb.toFixed(1)} KB gzip (budget ${budgetKb} KB) in ${files.length} file(s)`);
if (kb > budgetKb) {
  console.error(`size-check: over budget by ${(kb - budgetKb).toFixed(1)} KB`);
  process.exit(1);
}
