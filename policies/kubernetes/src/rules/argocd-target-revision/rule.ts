import { defineRule } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject } from '@plumbline/lang-yaml';
import { isArgoApplication } from '../../argo.js';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

const PINNED = /^(v?\d+(\.\d+){0,2}([-+][\w.-]+)?|[0-9a-f]{40}|[0-9a-f]{7,12}|.*\d+\.\d+.*)$/i;
const PRODUCTION = /(^|[^a-z])prod(uction)?([^a-z]|$)/i;

export default defineRule<K8sObject>({
  id: 'k8s/argocd-target-revision',
  domain: k8sDomain,
  meta: {
    title: 'Production Argo CD Application tracks a branch',
    description:
      'An Argo CD Application whose project, name or destination says production has a `targetRevision` of `HEAD`, a branch name, or none (which means HEAD) instead of a tag or commit.',
    rationale:
      'Info: tracking a branch is a legitimate GitOps style, but then any merge deploys to production immediately and "what runs" is not a reviewable, revertable pin. Teams that promote through tags want to know.',
    remediation: 'Point production at a release tag or commit SHA and promote by changing it in a pull request; keep branch tracking for dev/staging.',
    category: 'supply-chain',
    severity: 'info',
    confidence: 'medium',
    aliases: [],
    references: ['https://argo-cd.readthedocs.io/en/stable/user-guide/tracking_strategies/'],
    examples: {
      invalid: [
        {
          filename: 'argocd/app.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: shop-production\nspec:\n  project: shop\n  source:\n    repoURL: https://github.com/org/deploy.git\n    path: shop/overlays/production\n    targetRevision: HEAD\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: shop\n',
          errors: [{ line: 10, column: 21, endLine: 10, endColumn: 25 }],
        },
      ],
      valid: [
        {
          filename: 'argocd/app.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: shop-production\nspec:\n  project: shop\n  source:\n    repoURL: https://github.com/org/deploy.git\n    path: shop/overlays/production\n    targetRevision: v1.8.2\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: shop\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isArgoApplication(object)) return;
    const spec = asObj(object.data.spec);
    const dest = asObj(spec.destination);
    const names = [object.name, asString(spec.project), asString(dest.namespace), asString(dest.name)].filter(Boolean).join(' ');
    if (!PRODUCTION.test(names)) return;
    const sources: (string | number)[][] = spec.source ? [['spec', 'source']] : asArray(spec.sources).map((_, i) => ['spec', 'sources', i]);
    for (const route of sources) {
      const source = asObj(object.get(route));
      // Helm charts from a chart repository pin a chart version.
      if (source.chart !== undefined) continue;
      const revision = asString(source.targetRevision);
      if (revision && (PINNED.test(revision) || revision.includes('{{'))) continue;
      const at = revision !== undefined ? object.at([...route, 'targetRevision'])! : object.keyAt(route)!;
      report(ctx, object, at, `Application \`${object.name}\` deploys ${revision ? `branch \`${revision}\`` : 'HEAD'} to production.`, revision ?? 'HEAD');
    }
  },
});
