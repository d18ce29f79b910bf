import { fileURLToPath } from 'node:url';
import { describeRulePack } from '@plumbline/core/testing';
import { describe, expect, it } from 'vitest';
import { rules } from './rules/index.js';
import { languages } from './test-kit.js';

describeRulePack({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  domain: 'k8s',
  rules,
  languages,
});

describe('aliases', () => {
  // Trivy's kubelet checks (KCV, run on node-collector output) are spelled like its KSV ids.
  it('use the peer spellings of shared/peers/README.md', () => {
    const spelling =
      /^(CKV2?_K8S_\d+|KSV-\d{4,5}|KCV-\d{4}|kube-linter:[a-z0-9-]+|polaris:[A-Za-z]+|kube-score:[a-z0-9-]+)$/;
    const bad = rules.flatMap((r) =>
      r.meta.aliases.filter((a) => !spelling.test(a)).map((a) => `${r.id}: ${a}`),
    );
    expect(bad).toEqual([]);
  });

  it('give every rule in the Pod security, RBAC and network groups a peer where one exists (at least 40 rules with aliases)', () => {
    expect(rules.filter((r) => r.meta.aliases.length > 0).length).toBeGreaterThanOrEqual(40);
    expect(rules.length).toBeGreaterThanOrEqual(60);
  });
});
