#!/usr/bin/env node
// Compares the models two builds of @plumbline/lang-hcl produce: every `.tf`, `.tf.json`,
// `.tfvars(.json)` and `.hcl` file of `dir` (default ../shared/corpus) parsed by both, the models,
// comments, problems and errors serialised to JSON (locations as [start, end], keys in order,
// undefined kept) and compared. Used to prove a parser change keeps the model exactly.
// Usage: node bench/hcl-models.mjs <old lang-hcl dist dir> [new dist dir] [dir]
// (copy packages/lang-hcl/dist aside before the change; --show prints where the first differing file differs)
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceFile } from '@plumbline/core';
import { filesUnder } from './corpus-files.mjs';

const [oldDir, newDir = new URL('../packages/lang-hcl/dist', import.meta.url).pathname, dirArg] = process.argv
  .slice(2)
  .filter((a) => a !== '--show');
if (!oldDir) throw new Error('usage: node bench/hcl-models.mjs <old dist> [new dist] [dir]');
const dir = resolve(dirArg ?? new URL('../../shared/corpus', import.meta.url).pathname);
const load = async (d) => import(pathToFileURL(join(resolve(d), 'index.js')).href);
const builds = [await load(oldDir), await load(newDir)];
for (const b of builds) await b.initHclParser();

const paths = filesUnder(dir, (name) => /\.(tf|tf\.json|tfvars|tfvars\.json|hcl)$/i.test(name));

const replacer = (key, value) => {
  if (value === undefined) return '<undefined>';
  if (key === 'file' && value && typeof value === 'object') return value.path;
  if (value && typeof value === 'object' && 'file' in value && 'start' in value && 'end' in value)
    return Object.keys(value).length === 3 ? [value.start, value.end, value.file.path] : value;
  return value;
};
const run = (b, rel, text) => {
  const file = new SourceFile(rel, text, { repoPath: rel });
  try {
    // `.hcl` files (Terragrunt, Packer, ...) are not claimed by the language: parse the HCL text itself.
    const out = /\.hcl$/i.test(rel) ? b.parseHclText(file) : b.parseHcl(file);
    return JSON.stringify(out, replacer);
  } catch (error) {
    return JSON.stringify({ error: String(error), offset: error.offset });
  }
};

let same = 0;
const differ = [];
for (const p of paths) {
  const rel = relative(dir, p);
  const text = readFileSync(p, 'utf8');
  const [a, b] = builds.map((build) => run(build, rel, text));
  if (a === b) same++;
  else differ.push(rel);
}
console.log(JSON.stringify({ files: paths.length, same, differ: differ.length }));
for (const rel of differ.slice(0, 20)) console.log('differs:', rel);
if (process.argv.includes('--show') && differ.length > 0) {
  const text = readFileSync(join(dir, differ[0]), 'utf8');
  const [a, b] = builds.map((build) => run(build, differ[0], text));
  let i = 0;
  while (a[i] === b[i]) i++;
  console.log('old:', a.slice(i - 300, i + 200));
  console.log('new:', b.slice(i - 300, i + 200));
}
process.exitCode = differ.length > 0 ? 1 : 0;
