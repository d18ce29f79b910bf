import { defineRule } from '@plumbline/core';
import { asObj, asString, isArgoWorkflowKind, type K8sObject } from '@plumbline/lang-yaml';
import { workflowSpecRoute } from '../../argo.js';
import { k8sDomain } from '../../domain.js';
import { type Ctx, capitalized, onceEach, podsOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-default-service-account',
  domain: k8sDomain,
  meta: {
    title: 'Pod runs as the default service account',
    description:
      'A pod sets no `serviceAccountName` (or sets `default`), so it shares one identity with every other such pod of the namespace. An Argo workflow sets its account once, on the spec: it is reported once there (unless every template names its own account), and a template only when it names `default` itself.',
    rationale:
      'Low: the default account has no rights unless someone grants them, but any grant then reaches every pod of the namespace, and audit logs cannot tell the workloads apart. A dedicated account per workload keeps least privilege possible. Info when the pod sets `automountServiceAccountToken: false`: without a token it cannot use the account, and only the audit-trail argument remains.',
    remediation:
      'Create a ServiceAccount per workload (with `automountServiceAccountToken: false` unless it calls the API) and set `serviceAccountName`.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_K8S_41', 'kube-linter:default-service-account'],
    references: ['https://kubernetes.io/docs/concepts/security/service-accounts/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  serviceAccountName: default\n  containers:\n    - name: app\n      image: app:1.0\n',
          errors: [{ line: 6, column: 23, endLine: 6, endColumn: 30 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  serviceAccountName: app\n  containers:\n    - name: app\n      image: app:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (isArgoWorkflowKind(object)) return checkWorkflow(object, ctx);
    const once = onceEach();
    for (const p of podsOf(object)) {
      // A Tekton Task runs under the account of whoever runs it (the TaskRun names it).
      if (p.part === 'containers') continue;
      const setting = p.field('serviceAccountName') ?? p.field('serviceAccount');
      const account = asString(setting?.value) ?? 'default';
      if (account !== 'default') continue;
      const at = setting ? object.at(setting.route)! : p.anchor;
      if (setting && !once(setting.route)) continue;
      // Without a token the pod cannot act as the account at all: what is left is audit hygiene.
      const tokenless = isFalse(p.field('automountServiceAccountToken')?.value);
      ctx.report({
        at,
        message: `${capitalized(p.label)} runs as the \`default\` service account${tokenless ? ' (its token is not mounted)' : ''}.`,
        evidence: 'default',
        container: object.loc,
        ...(tokenless ? { severity: 'info' as const } : {}),
      });
    }
  },
});

/**
 * An Argo workflow's account is set once, on the workflow spec; a template may override it. So the
 * workflow is reported once (at its spec) unless every pod template names its own account, and a
 * template only when it names `default` itself.
 */
function checkWorkflow(object: K8sObject, ctx: Ctx): void {
  const pods = podsOf(object);
  if (pods.length === 0) return;
  const specRoute = workflowSpecRoute(object);
  const own = (p: (typeof pods)[number]) => asString(asObj(object.get(p.route)).serviceAccountName);
  const workflowAccount = asString(asObj(object.get(specRoute)).serviceAccountName);
  if ((workflowAccount ?? 'default') === 'default' && pods.some((p) => own(p) === undefined)) {
    const at = workflowAccount
      ? object.at([...specRoute, 'serviceAccountName'])!
      : (object.keyAt(specRoute) ?? object.head);
    report(
      ctx,
      object,
      at,
      `${object.kind} \`${object.name}\` runs its pods as the \`default\` service account.`,
      'default',
    );
  }
  for (const p of pods) {
    if (own(p) !== 'default') continue;
    report(
      ctx,
      object,
      object.at([...p.route, 'serviceAccountName'])!,
      `${capitalized(p.label)} runs as the \`default\` service account.`,
      'default',
    );
  }
}

function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}
