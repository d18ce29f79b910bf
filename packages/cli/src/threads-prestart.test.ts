import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pooledReport } from './test-support/pooled-report.ts';

/**
 * A large repository (about 5 MB: over the 4 MB from which a scan is worth worker threads): services with a
 * Deployment and a bulky ConfigMap each, and a Dockerfile.
 */
function largeRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-large-'));
  for (let i = 0; i < 60; i++) {
    const dir = join(root, 'services', `svc-${i}`);
    mkdirSync(dir, { recursive: true });
    const rows = Array.from(
      { length: 1800 },
      (_, r) => `    route-${r}.svc-${i}.internal = 10.0.${i}.${r % 250}`,
    );
    writeFileSync(
      join(dir, 'config.yaml'),
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        `  name: svc-${i}-routes`,
        'data:',
        '  routes.conf: |',
        ...rows,
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'deployment.yaml'),
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: svc-${i}`,
        'spec:',
        '  selector:',
        `    matchLabels: { app: svc-${i} }`,
        '  template:',
        `    metadata: { labels: { app: svc-${i} } }`,
        '    spec:',
        '      containers:',
        `        - name: svc-${i}`,
        `          image: registry.example.com/svc-${i}:latest`,
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM node:20\nCOPY . /app\nRUN npm ci\nCMD ["node", "/app/svc-${i}.js"]\n`,
    );
  }
  return root;
}

describe('a large scan', () => {
  it('starts its worker while the files are listed, and it is the one the pool uses', async () => {
    const root = largeRepository();
    const two = await pooledReport(root, 2, '--no-render');
    const one = await pooledReport(root, 1, '--no-render');
    // Started once the listing passed 4 MB (about 50 of the 60 services), before the walk ended.
    const prestarted = two.stderr.indexOf('plumbline timeline: workers prestarted while listing');
    expect(prestarted).toBeGreaterThan(0);
    expect(prestarted).toBeLessThan(two.stderr.indexOf('plumbline timeline: listed'));
    expect(two.stderr).toMatch(/plumbline timeline: a prestarted worker is adopted/);
    expect(two.stderr).toMatch(/plumbline pool: 1 workers, /);
    // One thread starts none, and goes shard by shard on its own.
    expect(one.stderr).not.toMatch(/prestarted/);
    expect(one.stderr).toMatch(/plumbline pool: 0 workers, /);
    expect(JSON.parse(one.json).findings.length).toBeGreaterThan(60);
    expect(two.json).toBe(one.json);
    rmSync(root, { recursive: true, force: true });
  });
});
