import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'kubeadm static pod',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-scheduler\n  namespace: kube-system\n  labels:\n    component: kube-scheduler\n    tier: control-plane\nspec:\n  priorityClassName: system-node-critical\n  containers:\n    - name: kube-scheduler\n      image: registry.k8s.io/kube-scheduler:v1.31.2\n',
    },
    {
      name: 'patch of an add-on',
      filename: 'overlays/gke/cni-patch.yaml',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: istio-cni-node\n  namespace: kube-system\nspec:\n  template:\n    spec:\n      priorityClassName: system-node-critical\n',
    },
    {
      name: 'not a workload',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\n  namespace: kube-system\n',
    },
  ],
  invalid: [
    {
      name: 'namespace from a kustomization',
      filename: 'addons/pod.yaml',
      code: pod(),
      files: { 'addons/kustomization.yaml': 'namespace: kube-system\nresources: [pod.yaml]\n' },
      errors: [
        { line: 4, column: 9, endLine: 4, endColumn: 12, message: 'Pod `app` runs in `kube-system`.' },
      ],
    },
  ],
});
