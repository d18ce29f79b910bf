import { defineRule } from '@plumbline/core';
import { asObj, type K8sObject } from '@plumbline/lang-yaml';
import { isArgoApplication } from '../../argo.js';
import { k8sDomain } from '../../domain.js';
import { isTrue, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/argocd-prune-without-self-heal',
  domain: k8sDomain,
  meta: {
    title: 'Automated sync prunes but does not self-heal',
    description: 'An Argo CD Application enables automated sync with `prune: true` but not `selfHeal: true`.',
    rationale:
      'Low: Git deletions are applied automatically, yet manual changes made in the cluster (a `kubectl edit` during an incident, a tampered Deployment) are left in place until the next commit — the cluster and Git silently disagree, the opposite of what an automated GitOps sync promises.',
    remediation: 'Add `selfHeal: true` to `syncPolicy.automated` (or turn off `prune` if the sync is meant to be conservative).',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: [],
    references: ['https://argo-cd.readthedocs.io/en/stable/user-guide/auto_sync/'],
    examples: {
      invalid: [
        {
          filename: 'argocd/app.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: shop\nspec:\n  project: shop\n  syncPolicy:\n    automated:\n      prune: true\n',
          errors: [{ line: 9, column: 14, endLine: 9, endColumn: 18 }],
        },
      ],
      valid: [
        {
          filename: 'argocd/app.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: shop\nspec:\n  project: shop\n  syncPolicy:\n    automated:\n      prune: true\n      selfHeal: true\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isArgoApplication(object)) return;
    const automated = asObj(object.get(['spec', 'syncPolicy', 'automated']));
    if (!isTrue(automated.prune) || isTrue(automated.selfHeal)) return;
    report(ctx, object, object.at(['spec', 'syncPolicy', 'automated', 'prune'])!, `Application \`${object.name}\` prunes automatically but does not self-heal.`, 'prune');
  },
});
