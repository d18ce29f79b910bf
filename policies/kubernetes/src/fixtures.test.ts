import { fileURLToPath } from 'node:url';
import { MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { readFixtureDir, testConfig } from '@plumbline/core/testing';
import { describe, expect, it } from 'vitest';
import { rules } from './rules/index.js';
import { languages } from './test-kit.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/${name}/k8s`, import.meta.url));

async function scan(dir: string, allRules = false) {
  return runAudit({
    source: new MemoryFileSource(readFixtureDir(dir)),
    languages,
    registry: new RuleRegistry(rules),
    config: testConfig({ rules: new Map(allRules ? rules.map((r) => [r.id, { enabled: true }]) : []) }),
    now: new Date('2026-01-01'),
  });
}

describe('fixtures', () => {
  it('the hardened stack (Deployment, Service, PDB, NetworkPolicies, HPA, ServiceAccount/RBAC, alerts) has no finding above low', async () => {
    const result = await scan(fixture('hardened'));
    expect(
      result.errors.filter((e) => e.kind === 'parse' || e.kind === 'internal' || e.kind === 'skipped'),
    ).toEqual([]);
    const aboveLow = result.findings.filter((f) => !['low', 'info'].includes(f.severity));
    expect(aboveLow.map((f) => `${f.ruleId} ${f.file}:${f.startLine} ${f.message}`)).toEqual([]);
    // What remains is informational: the database password is read into an environment variable.
    expect([...new Set(result.findings.map((f) => f.ruleId))].sort()).toEqual(['k8s/prefer-secret-files']);
  });

  it('the hardened stack stays at or below low even with the opt-in rules on', async () => {
    const result = await scan(fixture('hardened'), true);
    expect(result.findings.filter((f) => !['low', 'info'].includes(f.severity)).map((f) => f.ruleId)).toEqual(
      [],
    );
  });

  it('the insecure stack triggers the rules it was written for', async () => {
    const result = await scan(fixture('insecure'));
    expect(result.errors.filter((e) => e.kind === 'parse' || e.kind === 'internal')).toEqual([]);
    const fired = new Set(result.findings.map((f) => f.ruleId));
    const expected = rules
      .map((r) => r.id)
      .filter((id) => !rules.find((r) => r.id === id)!.meta.optIn)
      .filter(
        (id) =>
          ![
            // Rules the insecure stack deliberately does not exercise (covered by their own tests).
            'k8s/no-host-process',
            // Mistakes that stop a deploy (bad port names, a missing account) or a debug leftover.
            'k8s/invalid-port-name',
            'k8s/service-account-not-found',
            'k8s/no-ssh-port',
            // Its pods run as the default account: one root cause, reported by no-default-service-account.
            'k8s/no-service-account-token-automount',
            // Helm values files read without their chart: the stack has no chart.
            'k8s/helm-values-latest-tag',
            'k8s/helm-values-privileged',
            'k8s/helm-values-missing-resources',
            // Its containers leave these unset along with others: listed by k8s/require-security-context (below).
            'k8s/require-drop-all-capabilities',
            'k8s/require-read-only-root-fs',
            'k8s/require-seccomp-profile',
          ].includes(id),
      );
    const combined = result.findings
      .filter((f) => f.ruleId === 'k8s/require-security-context')
      .map((f) => f.message)
      .join('\n');
    for (const setting of [
      'seccompProfile: RuntimeDefault',
      'readOnlyRootFilesystem: true',
      'capabilities.drop: [ALL]',
    ])
      expect(combined).toContain(setting);
    const missing = expected.filter((id) => !fired.has(id));
    expect(missing).toEqual([]);
  });
});

describe('fixtures/kubeadm', () => {
  const kubeadm = fileURLToPath(new URL('../../../fixtures/kubeadm', import.meta.url));

  it('with every rule on, only the kubelet rules speak: the legacy worker’s weak settings, a kubeadm join flag and kubeadm’s unset protectKernelDefaults', async () => {
    const result = await scan(kubeadm, true);
    expect(result.errors.filter((e) => e.kind === 'parse' || e.kind === 'internal')).toEqual([]);
    expect(
      result.findings.map((f) => `${f.file}:${f.startLine}:${f.startColumn} ${f.ruleId} ${f.resource}`),
    ).toEqual([
      'kubeadm-config.yaml:37:1 k8s/kubelet-protect-kernel-defaults KubeletConfiguration',
      'nodes/join-gpu-worker.yaml:14:14 k8s/kubelet-read-only-port JoinConfiguration',
      'nodes/legacy-worker-config.yaml:7:15 k8s/kubelet-read-only-port KubeletConfiguration',
      'nodes/legacy-worker-config.yaml:10:14 k8s/kubelet-anonymous-auth KubeletConfiguration',
      'nodes/legacy-worker-config.yaml:14:9 k8s/kubelet-authorization-mode KubeletConfiguration',
      'nodes/legacy-worker-config.yaml:15:25 k8s/kubelet-iptables-util-chains KubeletConfiguration',
      'nodes/legacy-worker-config.yaml:16:24 k8s/kubelet-protect-kernel-defaults KubeletConfiguration',
      'nodes/legacy-worker-config.yaml:17:21 k8s/kubelet-certificate-rotation KubeletConfiguration',
      'nodes/legacy-worker-config.yaml:19:35 k8s/kubelet-certificate-rotation KubeletConfiguration',
      'nodes/legacy-worker-config.yaml:22:5 k8s/kubelet-tls-cipher-suites KubeletConfiguration',
      'nodes/legacy-worker-config.yaml:23:5 k8s/kubelet-tls-cipher-suites KubeletConfiguration',
    ]);
  });

  it('the default policy (kubelet rules are opt-in) reports nothing', async () => {
    const result = await scan(kubeadm);
    expect(result.findings.map((f) => f.ruleId)).toEqual([]);
  });
});
