import { MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { testConfig } from '@plumbline/core/testing';
import { describe, expect, it } from 'vitest';
import { rules } from './rules/index.js';
import { languages } from './test-kit.js';

const pod = (annotations: string) => `apiVersion: v1
kind: Pod
metadata:
  name: agent
  namespace: ops
  annotations:
${annotations}
spec:
  containers:
    - name: agent
      image: vendor/agent:2.1
      securityContext:
        privileged: true
`;

async function audit(files: Record<string, string>) {
  const ids = ['k8s/no-privileged-container'];
  return runAudit({
    source: new MemoryFileSource(files),
    languages,
    registry: new RuleRegistry(rules),
    config: testConfig({ rules: new Map(rules.map((r) => [r.id, { enabled: ids.includes(r.id) }])) }),
    now: new Date('2026-01-01'),
  });
}

describe('k8s domain', () => {
  it('names findings by Kind/namespace/name', async () => {
    const result = await audit({ 'k8s/a.yaml': pod('    team: ops') });
    expect(result.findings.map((f) => [f.ruleId, f.resource, f.suppressed])).toEqual([
      ['k8s/no-privileged-container', 'Pod/ops/agent', undefined],
    ]);
  });

  it.each([
    [
      'plumbline.dev/ignore with a reason',
      '    plumbline.dev/ignore: "k8s/no-privileged-container -- node agent, reviewed"',
      'node agent, reviewed',
    ],
    [
      'plumbline.dev/ignore by alias',
      '    plumbline.dev/ignore: CKV_K8S_16',
      'plumbline.dev/ignore annotation',
    ],
    [
      'kube-linter ignore-check',
      '    ignore-check.kube-linter.io/privileged-container: "needs /dev"',
      'needs /dev',
    ],
    ['Checkov skip', '    checkov.io/skip1: CKV_K8S_16=agent needs host devices', 'agent needs host devices'],
  ])('suppresses through %s', async (_name, annotation, reason) => {
    const result = await audit({ 'k8s/a.yaml': pod(annotation) });
    expect(result.findings.map((f) => f.suppressed)).toEqual([{ kind: 'annotation', reason }]);
  });

  it('does not let an annotation for another rule or object suppress', async () => {
    const other =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    plumbline.dev/ignore: "*"\n---\n';
    const result = await audit({ 'k8s/a.yaml': other + pod('    checkov.io/skip1: CKV_K8S_20=other check') });
    expect(result.findings.map((f) => [f.startLine, f.suppressed])).toEqual([[20, undefined]]);
  });
});
