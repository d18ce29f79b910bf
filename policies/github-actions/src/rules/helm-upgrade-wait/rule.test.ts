import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const run = (s: string) => `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n${s}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    run(
      '          helm upgrade --install a ./c \\\n            --namespace prod \\\n            --wait --timeout=5m\n',
    ),
    run(
      '          helm install a ./c --dry-run\n          helm template a ./c\n          helm repo add x https://x\n',
    ),
    run('          helm install a ./c --rollback-on-failure\n'),
    run(
      '          helm install op ./charts/operator \\\n            --set x=1\n          kubectl wait --timeout=5m --for=condition=available deployment op\n',
    ),
    run('          helm install prometheus-operator-crds oci://ghcr.io/x/prometheus-operator-crds\n'),
  ],
  invalid: [
    {
      name: 'continued lines without wait',
      code: run(
        '          helm upgrade --install a ./c \\\n            --set image.tag=1\n          helm install b ./d --wait-for-jobs\n',
      ),
      errors: [
        { line: 7, column: 11, endLine: 7, endColumn: 23 },
        { line: 9, column: 11, endLine: 9, endColumn: 23 },
      ],
    },
  ],
});
