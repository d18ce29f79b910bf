import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const svc = (ns: string, selector: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: ${ns}}\nspec:\n  selector: ${selector}\n  ports: [{port: 80, targetPort: http}]\n`;

// A Rollout whose first canary step runs a preview stack through an experiment, and a lone Pod
// beside it that no Service selects (so the picture is complete enough to judge).
const rollout =
  'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web, tier: front}}\n    spec: {containers: [{name: web, image: "web:1"}]}\n  strategy:\n    canary:\n      steps:\n        - experiment:\n            templates:\n              - name: preview\n                specRef: canary\n                selector: {matchLabels: {app: web-preview}}\n                metadata: {labels: {app: web-preview}}\n        - setWeight: 20\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: lone, namespace: shop, labels: {app: lone}}\nspec: {containers: [{name: a, image: "a:1"}]}\n';

tester.run(rule, {
  valid: [
    {
      name: 'selects the Deployment of another file',
      filename: 'k8s/svc.yaml',
      code: svc('production', '{app: api}'),
      files: { 'k8s/deploy.yaml': HARDENED },
    },
    {
      name: 'a folder of Services only',
      filename: 'services/svc.yaml',
      code: svc('production', '{app: nope}'),
      files: { 'k8s/deploy.yaml': HARDENED },
    },
    {
      name: 'every workload beside it already has its Service (pods from a chart elsewhere)',
      filename: 'k8s/svc.yaml',
      code: svc('production', '{app: exporter}'),
      files: {
        'k8s/deploy.yaml': HARDENED,
        'k8s/api-svc.yaml': svc('production', '{app: api}').replace('name: api', 'name: api2'),
      },
    },
    {
      name: 'an operator resource may run the pods',
      filename: 'k8s/svc.yaml',
      code: svc('production', '{app: prometheus}'),
      files: {
        'k8s/deploy.yaml': HARDENED,
        'k8s/prom.yaml':
          'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: production}\nspec: {replicas: 2}\n',
      },
    },
    {
      name: 'selects the pods of a Rollout canary experiment (template labels over the pod template)',
      filename: 'k8s/svc.yaml',
      code: svc('shop', '{app: web-preview, tier: front}'),
      files: { 'k8s/rollout.yaml': rollout },
    },
  ],
  invalid: [
    {
      name: 'a Rollout with experiments: a selector that neither the Rollout nor its experiments match',
      filename: 'k8s/svc.yaml',
      code: svc('shop', '{app: web-previw}'),
      files: { 'k8s/rollout.yaml': rollout },
      errors: [
        {
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 11,
          message: 'Service `api` selects no pod of namespace `shop`.',
        },
      ],
    },
    {
      name: 'the pods are in another namespace',
      filename: 'k8s/svc.yaml',
      code: svc('staging', '{app: api}'),
      files: {
        'k8s/deploy.yaml': HARDENED,
        'k8s/staging.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: staging, labels: {app: other}}\nspec: {containers: [{name: a, image: "a:1"}]}\n',
      },
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 11 }],
    },
  ],
});
