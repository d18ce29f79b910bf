import { MemoryFileSource } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { ListedOnceSource, languagesFor } from './listed-once.js';
import { allLanguages } from './registry.js';
import { scan } from './scan.js';

const ids = (paths: string[]) =>
  languagesFor(
    allLanguages,
    paths.map((path) => ({ path, size: 1 })),
  ).map((l) => l.id);

describe('languagesFor', () => {
  it('keeps only the languages that claim a listed file, in their order', () => {
    const [dockerfile, hcl, yaml] = allLanguages.map((l) => l.id);
    expect(ids(['Dockerfile', 'README.md'])).toEqual([dockerfile]);
    expect(ids(['infra/main.tf', 'deploy.yaml', 'build/Dockerfile.prod'])).toEqual([dockerfile, hcl, yaml]);
    // A Terraform plan is JSON that both HCL and YAML would claim: HCL comes first, as before.
    expect(ids(['plan.json'])).toEqual([hcl, yaml]);
    expect(ids(['notes.txt'])).toEqual([]);
  });
});

describe('ListedOnceSource', () => {
  it('walks its source once however often it is listed, and reads through it', async () => {
    const inner = new MemoryFileSource({ Dockerfile: 'FROM alpine:3.20\n', 'a.tf': '' });
    let walks = 0;
    const list = inner.list.bind(inner);
    inner.list = () => {
      walks++;
      return list();
    };
    const source = new ListedOnceSource(inner);
    const paths = async () => {
      const out: string[] = [];
      for await (const e of source.list()) out.push(e.path);
      return out.sort();
    };
    expect(await paths()).toEqual(['Dockerfile', 'a.tf']);
    expect(await paths()).toEqual(['Dockerfile', 'a.tf']);
    expect(walks).toBe(1);
    expect((await source.read('Dockerfile')).toString()).toBe('FROM alpine:3.20\n');
  });

  it('a scan of Dockerfiles only still reports their findings and counts every file', async () => {
    const result = await scan({
      root: '.',
      source: new MemoryFileSource({ Dockerfile: 'FROM alpine\nRUN apt-get install -y curl\n' }),
    });
    expect(result.summary.files).toBe(1);
    expect(result.findings.map((f) => [f.ruleId, f.startLine])).toContainEqual([
      'dockerfile/pin-apt-versions',
      2,
    ]);
  });
});
