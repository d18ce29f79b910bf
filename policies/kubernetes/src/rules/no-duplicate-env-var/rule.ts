import { defineRule } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-duplicate-env-var',
  domain: k8sDomain,
  meta: {
    title: 'Environment variable defined twice',
    description: 'A container lists the same variable twice in `env`; only the last definition takes effect.',
    rationale: 'Low: the manifest says two things and Kubernetes silently picks one, so a reviewer may approve a value that is never used (and a merge tool may reorder them).',
    remediation: 'Keep one definition of the variable.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['kube-linter:duplicate-env-var'],
    references: ['https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      env:\n        - {name: LOG_LEVEL, value: info}\n        - {name: LOG_LEVEL, value: debug}\n',
          errors: [{ line: 11, column: 18, endLine: 11, endColumn: 27 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      env:\n        - {name: LOG_LEVEL, value: info}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      const seen = new Set<string>();
      asArray(c.data.env).forEach((e, i) => {
        const name = asString(asObj(e).name);
        if (!name) return;
        if (seen.has(name)) report(ctx, object, c.at(['env', i, 'name'])!, `The ${c.label} of ${c.pod.label} defines \`${name}\` more than once.`, `${c.name}:${name}`);
        seen.add(name);
      });
    }
  },
});
