import { MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { testConfig } from '@plumbline/core/testing';
import { describe, expect, it } from 'vitest';
import { rules } from './rules/index.js';
import { SYSTEM_AWARE_RULES } from './system-workloads.js';
import { languages } from './test-kit.js';

/** A CNI node agent shaped like Calico's `calico-node` (line numbers below depend on this layout). */
function cniAgent(namespace: string, name = 'calico-node'): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
  namespace: ${namespace}
  labels:
    k8s-app: ${name}
spec:
  selector:
    matchLabels:
      k8s-app: ${name}
  template:
    metadata:
      labels:
        k8s-app: ${name}
    spec:
      hostNetwork: true
      serviceAccountName: ${name}
      priorityClassName: system-node-critical
      tolerations:
        - operator: Exists
      containers:
        - name: calico-node
          image: docker.io/calico/node:v3.28.1
          securityContext:
            privileged: true
          volumeMounts:
            - name: lib-modules
              mountPath: /lib/modules
              readOnly: true
      volumes:
        - name: lib-modules
          hostPath:
            path: /lib/modules
`;
}

/** The whole pack over the files, as a scan runs it; the findings of the listed rules. */
async function scan(files: Record<string, string>, ruleIds: string[]) {
  const result = await runAudit({
    source: new MemoryFileSource(files),
    languages,
    registry: new RuleRegistry(rules),
    config: testConfig({ rules: new Map(ruleIds.map((id) => [id, { enabled: true }])) }),
    now: new Date('2026-01-01'),
  });
  return result.findings
    .filter((f) => ruleIds.includes(f.ruleId))
    .map((f) => ({
      ruleId: f.ruleId,
      line: f.startLine,
      column: f.startColumn,
      confidence: f.confidence,
      message: f.message,
    }));
}

describe('system workloads lower confidence, never exempt', () => {
  it('a CNI DaemonSet in kube-system: host network and privileged reported with low confidence and why', async () => {
    const found = await scan({ 'cni/calico.yaml': cniAgent('kube-system') }, [
      'k8s/no-host-network',
      'k8s/no-privileged-container',
    ]);
    expect(found).toEqual([
      {
        ruleId: 'k8s/no-host-network',
        line: 17,
        column: 20,
        confidence: 'low',
        message:
          'DaemonSet `calico-node` sets `hostNetwork: true` (system workload in `kube-system`: CNI agents, kube-proxy, the control plane and node agents use the node’s network; lower confidence).',
      },
      {
        ruleId: 'k8s/no-privileged-container',
        line: 26,
        column: 25,
        confidence: 'low',
        message: expect.stringContaining(
          'runs privileged (system workload in `kube-system`: CNI agents and CSI node plugins program the node and mount its devices; lower confidence).',
        ),
      },
    ]);
  });

  it('the same DaemonSet in a user namespace keeps the rules’ confidence', async () => {
    const ids = ['k8s/no-host-network', 'k8s/no-privileged-container'];
    const user = await scan({ 'cni/calico.yaml': cniAgent('shop') }, ids);
    expect(user.map((f) => [f.ruleId, f.line, f.confidence])).toEqual([
      ['k8s/no-host-network', 17, 'high'],
      ['k8s/no-privileged-container', 26, 'high'],
    ]);
    expect(user.every((f) => !f.message.includes('lower confidence'))).toBe(true);
  });

  it('a system name in a user namespace is not enough', async () => {
    const found = await scan({ 'apps/kube-proxy.yaml': cniAgent('apps', 'kube-proxy') }, [
      'k8s/no-host-network',
    ]);
    expect(found.map((f) => f.confidence)).toEqual(['high']);
  });

  it('the namespace may come from the kustomization that deploys the agent', async () => {
    const manifest = cniAgent('kube-system').replace('  namespace: kube-system\n', '');
    const found = await scan(
      {
        'cni/daemonset.yaml': manifest,
        'cni/kustomization.yaml': 'namespace: kube-system\nresources:\n  - daemonset.yaml\n',
      },
      ['k8s/no-host-network'],
    );
    expect(found.map((f) => [f.line, f.confidence])).toEqual([[16, 'low']]);
  });

  it('a rule without a documented exception keeps its confidence in kube-system', async () => {
    const found = await scan({ 'cni/calico.yaml': cniAgent('kube-system') }, ['k8s/no-host-path']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 33, confidence: 'high' });
    expect(found[0]!.message).not.toContain('lower confidence');
  });

  it('in `monitoring`, a node-exporter DaemonSet is lowered, a Deployment is not', async () => {
    const exporter =
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: node-exporter\n  namespace: monitoring\nspec:\n  selector:\n    matchLabels: {app: node-exporter}\n  template:\n    metadata:\n      labels: {app: node-exporter}\n    spec:\n      hostNetwork: true\n      hostPID: true\n      containers:\n        - name: node-exporter\n          image: quay.io/prometheus/node-exporter:v1.8.2\n          args: [--path.rootfs=/host]\n';
    const grafana = exporter
      .replace('kind: DaemonSet', 'kind: Deployment')
      .replaceAll('node-exporter', 'grafana');
    const found = await scan(
      { 'monitoring/node-exporter.yaml': exporter, 'monitoring/grafana.yaml': grafana },
      ['k8s/no-host-network', 'k8s/no-host-pid'],
    );
    expect(found.map((f) => [f.ruleId, /`[a-z-]+`/.exec(f.message)?.[0], f.confidence])).toEqual([
      ['k8s/no-host-network', '`grafana`', 'high'],
      ['k8s/no-host-pid', '`grafana`', 'high'],
      ['k8s/no-host-network', '`node-exporter`', 'low'],
      ['k8s/no-host-pid', '`node-exporter`', 'low'],
    ]);
    expect(found[2]!.message).toContain('(node agent (DaemonSet) in `monitoring`:');
  });

  it('root in kube-system, through no-root-user and run-as-non-root', async () => {
    const manifests =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-proxy\n  namespace: kube-system\nspec:\n  hostNetwork: true\n  securityContext:\n    runAsUser: 0\n  containers:\n    - name: kube-proxy\n      image: registry.k8s.io/kube-proxy:v1.30.2\n' +
      '---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: csi-node\n  namespace: kube-system\nspec:\n  template:\n    spec:\n      containers:\n        - name: driver\n          image: registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.11.1\n          securityContext:\n            runAsNonRoot: false\n';
    const found = await scan({ 'manifests/kube-system.yaml': manifests }, [
      'k8s/run-as-non-root',
      'k8s/no-root-user',
    ]);
    expect(found.map((f) => [f.ruleId, f.line, f.confidence])).toEqual([
      ['k8s/no-root-user', 9, 'low'],
      ['k8s/run-as-non-root', 26, 'low'],
    ]);
  });

  it('lists only rules that exist', () => {
    const ids = new Set(rules.map((r) => r.id));
    expect(SYSTEM_AWARE_RULES.filter((id) => !ids.has(id))).toEqual([]);
  });
});
