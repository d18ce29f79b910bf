import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { controlPlaneContainers, describe, flagIsFalse, reportFlag } from '../../control-plane.js';
import { k8sDomain } from '../../domain.js';

const PROFILED = new Set(['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);

export default defineRule<K8sObject>({
  id: 'k8s/control-plane-profiling',
  domain: k8sDomain,
  meta: {
    title: 'Control-plane component serves profiling data',
    description:
      'A kube-apiserver, kube-controller-manager or kube-scheduler static pod runs without `--profiling=false`; profiling is on by default and serves `/debug/pprof`. Opt-in (the strict preset turns it on).',
    rationale:
      'Low: the pprof endpoints reveal the program’s internals (goroutines, heap, command line) to whoever is authorized to read them, and a CPU profile on demand costs the component time; CIS Kubernetes 1.2.18, 1.3.2 and 1.4.1 ask to turn it off. etcd profiling (`--enable-pprof`) is off by default and not checked.',
    remediation:
      'Add `--profiling=false` to the command (kubeadm: `extraArgs: {profiling: "false"}` in the ClusterConfiguration).',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_90', 'CKV_K8S_107', 'CKV_K8S_114'],
    references: ['https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/'],
    examples: {
      invalid: [
        {
          filename: 'manifests/kube-scheduler.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-scheduler\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - kube-scheduler\n    - --kubeconfig=/etc/kubernetes/scheduler.conf\n    image: registry.k8s.io/kube-scheduler:v1.30.2\n    name: kube-scheduler\n',
          errors: [{ line: 8, column: 5, endLine: 8, endColumn: 12 }],
        },
      ],
      valid: [
        {
          filename: 'manifests/kube-scheduler.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-scheduler\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - kube-scheduler\n    - --kubeconfig=/etc/kubernetes/scheduler.conf\n    - --profiling=false\n    image: registry.k8s.io/kube-scheduler:v1.30.2\n    name: kube-scheduler\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const cp of controlPlaneContainers(object)) {
      if (!PROFILED.has(cp.component)) continue;
      const flag = cp.flags.get('profiling');
      if (flagIsFalse(flag)) continue;
      const how = flag ? `sets \`--profiling=${flag.value ?? 'true'}\`` : 'runs without `--profiling=false`';
      reportFlag(
        ctx,
        cp,
        flag,
        `${describe(cp)} ${how}: it serves profiling data at \`/debug/pprof\`.`,
        'profiling',
      );
    }
  },
});
