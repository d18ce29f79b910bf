#!/usr/bin/env node
// Memory of one large manifest: generates a ~5 MB file of 20,000 Deployments in a temp folder
// (never committed), scans it with the built CLI in a child under `/usr/bin/time -v`, and prints
// wall time, CPU time and peak RSS. Usage: node bench/memory.mjs [--objects 20000] [--threads 1]
// [--bin path]: the bundle an installed package runs by default (its V8 code cache off), or another
// CLI (packages/cli/dist/bin.js, an older build).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const flagValue = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const objects = Number(flagValue('--objects', '20000'));
const threads = flagValue('--threads', '1');
const bin = flagValue('--bin', new URL('../packages/cli/bundle/plumbline.js', import.meta.url).pathname);

const dir = mkdtempSync(join(tmpdir(), 'plumbline-memory-'));
const file = join(dir, 'deployments.yaml');
const docs = [];
for (let i = 0; i < objects; i++)
  docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 50}
spec:
  replicas: 2
  selector:
    matchLabels: { app: app-${i} }
  template:
    metadata:
      labels: { app: app-${i} }
    spec:
      containers:
        - name: app
          image: registry.example/app:${i}
`);
writeFileSync(file, docs.join('---\n'));
// Over the default 5 MiB per-file limit: raise it, this bench is about holding the file.
writeFileSync(join(dir, '.plumbline.yaml'), 'maxFileSize: 100000000\n');
const mb = statSync(file).size / 1048576;
const t = performance.now();
const r = spawnSync(
  '/usr/bin/time',
  ['-v', process.execPath, bin, 'audit', dir, '-f', 'json', '--fail-on', 'none', '--threads', threads],
  { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } },
);
const wall = (performance.now() - t) / 1000;
const field = (name) => /: (.+)$/.exec(r.stderr.split('\n').find((l) => l.includes(name)) ?? '')?.[1];
const rssMb = Number(field('Maximum resident set size')) / 1024;
const cpu = Number(field('User time')) + Number(field('System time'));
let findings = 'n/a';
try {
  findings = JSON.parse(r.stdout).summary.findings;
} catch {}
console.log(
  JSON.stringify({
    objects,
    mb: +mb.toFixed(2),
    threads,
    exit: r.status,
    wallS: +wall.toFixed(1),
    cpuS: cpu,
    peakRssMb: Math.round(rssMb),
    findings,
  }),
);
rmSync(dir, { recursive: true, force: true });
