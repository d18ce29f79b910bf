#!/usr/bin/env node
// Organisation scan throughput: a fake organisation on 127.0.0.1 (every request delayed by
// --latency ms, default 50) whose repositories are small folders cut from the shared corpus, scanned
// by the built CLI (`plumbline org scan`, all rules, default concurrency and workers) in a child
// process. Prints repositories per minute and the child's peak RSS; run it with two sizes to see
// memory stay flat in the number of repositories.
//
// The CLI is the bundle, as org/action.yml and an installed package run it (`--bin` another, e.g.
// packages/cli/dist/bin.js), with its V8 code cache in the bench's temporary folder: the first run
// starts without one, as on a fresh runner, and the second uses it.
//
//   npm run build && node bench/org.mjs [--repos 500] [--latency 50] [--files 12] [--corpus ../shared/corpus]
//     [--args 'extra CLI arguments'] [--node 'node flags, e.g. --interrupt-budget=2000000'] [--bin path]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeOrg } from '../packages/org/dist/test-support/fake-org.js';
import { sha } from '../packages/org/dist/test-support/org-fixture.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const repoCount = Number(opt('repos', '500'));
const latencyMs = Number(opt('latency', '50'));
const filesPerRepo = Number(opt('files', '12'));
const corpus = resolve(opt('corpus', new URL('../../shared/corpus', import.meta.url).pathname));
const extra = opt('args', '').split(' ').filter(Boolean);
const nodeFlags = opt('node', '').split(' ').filter(Boolean);

// Corpus files grouped by the project they came from, so each fake repository looks like a real folder.
const kinds = new Set(['dockerfile', 'k8s-yaml', 'terraform', 'workflow', 'helm-values', 'kustomization']);
const byProject = new Map();
for (const line of readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1)) {
  const [project, path, kind, bytes] = line.split('\t');
  if (!project || !kinds.has(kind) || Number(bytes) > 200_000) continue;
  if (!byProject.has(project)) byProject.set(project, []);
  byProject.get(project).push(path);
}
const projects = [...byProject.keys()].sort();
const repos = [];
let totalFiles = 0;
for (let i = 0; i < repoCount; i++) {
  const project = projects[i % projects.length];
  const paths = byProject.get(project);
  const start = (Math.floor(i / projects.length) * filesPerRepo) % Math.max(1, paths.length);
  const files = { 'README.md': `# repo ${i}\n` };
  for (const path of paths.slice(start, start + filesPerRepo)) {
    files[path] = readFileSync(join(corpus, project.replace('/', '__'), path));
    totalFiles++;
  }
  repos.push({ name: `repo-${String(i).padStart(4, '0')}`, sha: sha(`bench-${i}`), files });
}

const token = 'ghs_bench_token';
const fake = await startFakeOrg({ org: 'bench', token, repos, perPage: 100, latencyMs });
const work = mkdtempSync(join(tmpdir(), 'plumbline-org-bench-'));
const bin = resolve(opt('bin', new URL('../packages/cli/bundle/plumbline.js', import.meta.url).pathname));

/** Runs the CLI under /usr/bin/time: wall time, CPU time and peak RSS (worker threads included). */
function run(dbName) {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(
      '/usr/bin/time',
      [
        '-f',
        'BENCH_TIME %U %S %M',
        process.execPath,
        ...nodeFlags,
        bin,
        'org',
        'scan',
        'bench',
        '--api-url',
        fake.baseUrl,
        '--db',
        join(work, dbName),
        '--out',
        join(work, 'out'),
        '--no-progress',
        ...extra,
      ],
      { env: { ...process.env, GITHUB_TOKEN: token, XDG_CACHE_HOME: join(work, 'cache') } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const [, user, sys, kb] = /BENCH_TIME ([\d.]+) ([\d.]+) (\d+)/.exec(stderr) ?? [];
      resolvePromise({
        code,
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: Number(user) + Number(sys),
        peakMb: Number(kb) / 1024,
        stdout,
        stderr,
      });
    });
  });
}

const cores = cpus().length;
const report = (label, r) =>
  console.log(
    `${label}: ${r.seconds.toFixed(1)} s wall, ${((repoCount / r.seconds) * 60).toFixed(0)} repositories/min; ` +
      `${r.cpuSeconds.toFixed(1)} s CPU, so ${((repoCount / (r.cpuSeconds / cores)) * 60).toFixed(0)} repositories/min on ${cores} idle cores; ` +
      `peak RSS ${r.peakMb.toFixed(0)} MB`,
  );
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

console.log(
  `fake org: ${repoCount} repositories, ${totalFiles} corpus files, ${latencyMs} ms per request; ${cpus().length} cores, Node ${process.version}; ${bin}`,
);
const first = await run('bench.db');
if (first.code !== 0) {
  console.error(first.stdout, first.stderr);
  process.exit(1);
}
console.log(first.stdout.trim());
report('first run', first);
const failures = JSON.parse(readFileSync(join(work, 'out', 'results.json'), 'utf8')).repositories.filter(
  (r) => r.status === 'failed',
);
for (const r of failures) console.log(`  failed: ${r.name}: ${r.reason}`);
const second = await run('bench.db');
report('second run (all unchanged)', second);
console.log(`load average during the runs: ${load()}`);
console.log(`requests: ${fake.requests.length} API, ${fake.downloads.length} downloads`);
await fake.close();
rmSync(work, { recursive: true, force: true });
