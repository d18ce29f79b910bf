import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'explicitly false', code: pod('', '  hostNetwork: false\n') },
  ],
  invalid: [
    {
      name: 'CNI agent in kube-system: still reported, the message says why confidence is lower',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: cilium\n  namespace: kube-system\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      containers:\n        - name: cilium-agent\n          image: quay.io/cilium/cilium:v1.16.1\n',
      errors: [
        {
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 24,
          message:
            '(system workload in `kube-system`: CNI agents, kube-proxy, the control plane and node agents use the node’s network; lower confidence).',
        },
      ],
    },
    {
      name: 'Pod',
      code: pod('', '  hostNetwork: true\n'),
      errors: [
        { line: 6, column: 16, endLine: 6, endColumn: 20, message: 'Pod `app` sets `hostNetwork: true`' },
      ],
    },
    {
      name: 'CronJob pod template',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          hostNetwork: true\n          containers: [{name: a, image: "a:1"}]\n',
      errors: [{ line: 9, column: 24, endLine: 9, endColumn: 28 }],
    },
    {
      name: 'Argo workflow-level setting applies to each template',
      filename: 'argo/wf.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  hostNetwork: true\n  templates:\n    - name: a\n      container: {image: "a:1"}\n',
      errors: [{ line: 5, column: 16, endLine: 5, endColumn: 20, message: 'Template `a`' }],
    },
  ],
});
