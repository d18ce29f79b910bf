#!/usr/bin/env node
// Writes docs/rules/<domain>/<slug>.md for every rule and the index docs/rules/README.md, from the
// rule metadata, and deletes pages of rules that no longer exist. Run with `npm run docs`.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expectedDocs } from '@plumbline/cli/docs';

const root = new URL('..', import.meta.url).pathname;
const docsDir = join(root, 'docs', 'rules');
const pages = await expectedDocs();
for (const [path, text] of pages) {
  mkdirSync(dirname(join(docsDir, path)), { recursive: true });
  writeFileSync(join(docsDir, path), text);
}
const walk = (dir, rel = '') =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name), `${rel}${d.name}/`) : [`${rel}${d.name}`],
  );
for (const path of walk(docsDir)) if (!pages.has(path)) rmSync(join(docsDir, path));
console.error(`${pages.size} docs pages written to docs/rules`);
