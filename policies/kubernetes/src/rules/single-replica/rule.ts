import { defineRule } from '@plumbline/core';
import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { hpasFor, REPLICATED } from '../../graph-helpers.js';
import { explicitReplicas, report } from '../../lib.js';

/**
 * Folder names (and namespaces) of environments where one replica is the expected choice: local,
 * development, test, staging, examples and docs.
 */
const NON_PRODUCTION =
  /^(dev|devel|develop|development|local|test|tests|testing|e2e|integration|it|qa|stage|staging|stg|sandbox|playground|preview|review|example|examples|sample|samples|demo|demos|tutorial|tutorials|quickstart|quick-start|getting-started|docs?|hack|minikube|kind|k3d|microk8s)$/i;

/** Is this object meant for a non-production environment, by its path or its namespace? */
function nonProduction(object: K8sObject): boolean {
  const segments = object.loc.file.path.split('/').slice(0, -1);
  const namespace = object.declaredNamespace ?? object.inferredNamespace ?? '';
  return segments.some((s) => NON_PRODUCTION.test(s)) || NON_PRODUCTION.test(namespace);
}

export default defineRule<K8sObject, { nonProduction: boolean }>({
  id: 'k8s/single-replica',
  domain: k8sDomain,
  meta: {
    title: 'Workload runs a single replica',
    description:
      'A Deployment, StatefulSet, ReplicaSet or Rollout sets `replicas: 1` and no HorizontalPodAutoscaler scales it. (An unset `replicas` is not reported: it is usually set by an HPA, Kustomize or Helm elsewhere; `0` means deliberately scaled down.)',
    rationale:
      'Low: one pod means downtime on every node drain, upgrade, eviction or crash. Many workloads (singletons, dev environments) accept that, so it is a prompt to decide, not an outage in itself. Workloads in a folder or namespace named for a non-production environment (`dev`, `test`, `staging`, `examples`, `docs`, `minikube`, ...) are not reported by default: one replica is the usual, deliberate choice there, and half of what this rule reported on real repositories was such manifests. The option `nonProduction: true` (on in the `strict` preset) reports them too.',
    remediation:
      'Run at least 2 replicas (3 across zones for production), with a PodDisruptionBudget and topology spread; or scale with an HPA whose `minReplicas` is 2 or more.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: [
      'polaris:deploymentMissingReplicas',
      'kube-linter:minimum-three-replicas',
      'kube-score:deployment-replicas',
    ],
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#replicas'],
    options: {
      schema: {
        type: 'object',
        properties: {
          nonProduction: {
            type: 'boolean',
            description:
              'Also report workloads in development, test, staging, example and docs folders or namespaces (the strict preset does).',
          },
        },
        additionalProperties: false,
      },
      defaults: { nonProduction: false },
    },
    examples: {
      invalid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
          errors: [{ line: 6, column: 13, endLine: 6, endColumn: 14 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!REPLICATED.has(object.kind) || object.partial) return;
    if (!ctx.options.nonProduction && nonProduction(object)) return;
    if (explicitReplicas(object) !== 1) return;
    if (hpasFor(k8sGraph(ctx.project, object), object).length > 0) return;
    report(
      ctx,
      object,
      object.at(['spec', 'replicas'])!,
      `${object.kind} \`${object.name}\` runs a single replica.`,
      'replicas',
    );
  },
});
