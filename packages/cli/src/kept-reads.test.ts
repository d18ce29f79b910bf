import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferOfShared, DiskFileSource, MemoryFileSource } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { KeptReadsSource } from './kept-reads.js';
import { scan } from './scan.js';

const POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: replicas-limit
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: ["apps"]
        apiVersions: ["v1"]
        operations: ["CREATE", "UPDATE"]
        resources: ["deployments"]
  validations:
    - expression: "object.spec.replicas <= 5"
      message: at most 5 replicas
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 7
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

describe('KeptReadsSource', () => {
  it('hands what the earlier pass read to the next read of the path, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-kept-'));
    writeFileSync(join(dir, 'a.yaml'), 'kind: ConfigMap\n');
    writeFileSync(join(dir, 'b.yaml'), 'kind: Secret\n');
    const reads = new KeptReadsSource(new DiskFileSource(dir));
    expect((await reads.keeping.read('a.yaml')).toString()).toBe('kind: ConfigMap\n');
    await reads.keeping.read('b.yaml');
    // Changed on disk after the earlier pass: the kept bytes are what the first read gets.
    writeFileSync(join(dir, 'a.yaml'), 'kind: Namespace\n');
    expect((await reads.read('a.yaml')).toString()).toBe('kind: ConfigMap\n');
    expect((await reads.read('a.yaml')).toString()).toBe('kind: Namespace\n');
    writeFileSync(join(dir, 'b.yaml'), 'kind: Service\n');
    reads.forget();
    expect((await reads.read('b.yaml')).toString()).toBe('kind: Service\n');
  });

  it('keeps the bytes in shared memory for a run with workers, which the engine sends with shards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-kept-'));
    writeFileSync(join(dir, 'a.yaml'), 'kind: ConfigMap\n');
    writeFileSync(join(dir, 'b.yaml'), 'kind: Secret\n');
    const plain = new KeptReadsSource(new DiskFileSource(dir));
    await plain.keeping.read('a.yaml');
    expect(plain.sharedBytesOf('a.yaml')).toBeUndefined();
    const reads = new KeptReadsSource(new DiskFileSource(dir), { shared: true });
    await reads.keeping.read('a.yaml');
    await reads.keeping.read('b.yaml');
    writeFileSync(join(dir, 'a.yaml'), 'kind: Namespace\n');
    const shared = reads.sharedBytesOf('a.yaml')!;
    expect(shared.memory).toBeInstanceOf(SharedArrayBuffer);
    expect(bufferOfShared(shared).toString()).toBe('kind: ConfigMap\n');
    // Offering them to a worker leaves them to this thread's next read too, once.
    expect((await reads.read('a.yaml')).toString()).toBe('kind: ConfigMap\n');
    expect(reads.sharedBytesOf('a.yaml')).toBeUndefined();
    expect((await reads.read('a.yaml')).toString()).toBe('kind: Namespace\n');
    reads.forget();
    expect(reads.sharedBytesOf('b.yaml')).toBeUndefined();
  });

  it("keeps the files this thread reads itself (rendering's) in plain buffers, freed once read", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-kept-'));
    mkdirSync(join(dir, 'chart'));
    writeFileSync(join(dir, 'chart', 'values.yaml'), 'replicas: 2\n');
    writeFileSync(join(dir, 'app.yaml'), 'kind: ConfigMap\n');
    const reads = new KeptReadsSource(new DiskFileSource(dir), { shared: true });
    reads.readHere(new Set(['chart/values.yaml']));
    await reads.keeping.read('chart/values.yaml');
    await reads.keeping.read('app.yaml');
    expect(reads.sharedBytesOf('chart/values.yaml')).toBeUndefined();
    expect(reads.sharedBytesOf('app.yaml')?.memory).toBeInstanceOf(SharedArrayBuffer);
    // Still read once: the kept bytes, then the file.
    writeFileSync(join(dir, 'chart', 'values.yaml'), 'replicas: 3\n');
    const kept = await reads.read('chart/values.yaml');
    expect(kept.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect(kept.toString()).toBe('replicas: 2\n');
    expect((await reads.read('chart/values.yaml')).toString()).toBe('replicas: 3\n');
  });

  it('lets a scan with an admission policy read each YAML file once', async () => {
    const inner = new MemoryFileSource({
      'policy/vap.yaml': POLICY,
      'apps/web.yaml': DEPLOYMENT,
      'apps/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  mode: fast\n',
    });
    const reads = new Map<string, number>();
    const read = inner.read.bind(inner);
    inner.read = (path) => {
      reads.set(path, (reads.get(path) ?? 0) + 1);
      return read(path);
    };
    const result = await scan({ root: '.', source: inner, threads: 1, render: false });
    // The policy was found (it reads every YAML file) and judged the Deployment.
    expect(result.findings.filter((f) => f.ruleId === 'vap/replicas-limit').map((f) => f.file)).toEqual([
      'apps/web.yaml',
    ]);
    expect(Object.fromEntries(reads)).toEqual({
      'apps/config.yaml': 1,
      'apps/web.yaml': 1,
      'policy/vap.yaml': 1,
    });
  });
});
