import { defineRule } from '@plumbline/core';
import { asString, type K8sObject } from '@plumbline/lang-yaml';
import { isArgoApplication } from '../../argo.js';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/argocd-default-project',
  domain: k8sDomain,
  meta: {
    title: 'Argo CD Application in the default project',
    description: 'An Argo CD Application uses `project: default`, which allows any source repository, any destination cluster and namespace, and every resource kind.',
    rationale:
      'Low: projects are Argo CD\'s guard rails — with `default` a typo or a compromised repository can deploy anywhere, cluster-scoped resources included. It matters most in shared Argo CD instances.',
    remediation: 'Create an AppProject per team or application that whitelists its source repos, destinations and resource kinds, and set `spec.project` to it.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: [],
    references: ['https://argo-cd.readthedocs.io/en/stable/user-guide/projects/'],
    examples: {
      invalid: [
        {
          filename: 'argocd/app.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: shop\nspec:\n  project: default\n',
          errors: [{ line: 6, column: 12, endLine: 6, endColumn: 19 }],
        },
      ],
      valid: [{ filename: 'argocd/app.yaml', code: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: shop\nspec:\n  project: shop\n' }],
    },
  },
  check(object, ctx) {
    if (!isArgoApplication(object)) return;
    if (asString(object.get(['spec', 'project'])) !== 'default') return;
    report(ctx, object, object.at(['spec', 'project'])!, `Application \`${object.name}\` uses the unrestricted \`default\` project.`, 'default');
  },
});
