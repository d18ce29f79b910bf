import { defineRule } from '@plumbline/core';
import {
  asArray,
  asObj,
  asString,
  isArgoWorkflowKind,
  type K8sGraph,
  type K8sObject,
  k8sGraph,
} from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { reportWithFix } from '../../fix/report.js';
import { addToMap, indentStep } from '../../fix/yaml-edits.js';
import { capitalized, podsOf } from '../../lib.js';
import { isBinding } from '../../rbac.js';

/** Annotations of cloud workload identity: the pod needs a Kubernetes token to trade for cloud credentials. */
const WORKLOAD_IDENTITY =
  /^(eks\.amazonaws\.com\/role-arn|iam\.gke\.io\/gcp-service-account|azure\.workload\.identity\/client-id)$/;

export default defineRule<K8sObject>({
  id: 'k8s/no-service-account-token-automount',
  domain: k8sDomain,
  meta: {
    title: 'API token mounted for a service account that no role is bound to',
    description:
      'A pod runs as its own ServiceAccount, the repository declares that ServiceAccount but binds no Role or ClusterRole to it, and neither the pod nor the ServiceAccount sets `automountServiceAccountToken: false`: every container holds an API token that the workload has no use for.',
    rationale:
      'Low: the token grants nothing today, but it identifies the pod to the API server and gains whatever a later binding grants; an intruder gets it for free. Pods that run as the `default` account are left to `k8s/no-default-service-account` (one root cause, one finding: its fix — a dedicated account with `automountServiceAccountToken: false` — also removes the token). A pod that names a ServiceAccount the repository does not declare, or one that a binding (or a `system:serviceaccounts` group binding) grants rights, or one annotated for cloud workload identity, or one that runs `kubectl` (which uses the discovery rights every account has), is assumed to need its token; an explicit `automountServiceAccountToken: true` is a stated choice and is not reported.',
    remediation:
      'Set `automountServiceAccountToken: false` on the ServiceAccount (or on the pod). If the workload does call the API, bind it a Role with the rights it needs.',
    category: 'security',
    fixable: true,
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV_K8S_38', 'KSV-0036', 'polaris:automountServiceAccountToken'],
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  serviceAccountName: app\n  containers:\n    - name: app\n      image: app:1.0\n',
          errors: [{ line: 11, column: 23, endLine: 11, endColumn: 26 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\nautomountServiceAccountToken: false\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  serviceAccountName: app\n  containers:\n    - name: app\n      image: app:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    // Argo's executor needs the token to report results.
    if (isArgoWorkflowKind(object)) return;
    for (const p of podsOf(object)) {
      if (p.field('automountServiceAccountToken')) continue; // false, or a stated true
      const setting = p.field('serviceAccountName') ?? p.field('serviceAccount');
      const account = asString(setting?.value);
      if (!setting || account === undefined || account === 'default') continue;
      const graph = k8sGraph(ctx.project, object);
      const accounts = graph.find('ServiceAccount', object.namespace, account);
      if (accounts.length === 0) continue;
      if (accounts.some((sa) => sa.data.automountServiceAccountToken !== undefined)) continue;
      if (accounts.some((sa) => Object.keys(sa.annotations).some((k) => WORKLOAD_IDENTITY.test(k)))) continue;
      if (isBound(graph, object.namespace, account)) continue;
      // kubectl works with the rights every account has (discovery, the service-account issuer's keys).
      if (p.containers.some((c) => /kubectl/.test(JSON.stringify([c.image, c.data.command, c.data.args]))))
        continue;
      // The pod stops mounting the token, written right under the account it names.
      const layer = setting.route.slice(0, -1);
      const edits = addToMap(
        object,
        layer,
        { automountServiceAccountToken: false },
        { step: indentStep(object, layer), after: String(setting.route.at(-1)) },
      );
      reportWithFix(
        ctx,
        object,
        object.at(setting.route)!,
        `${capitalized(p.label)} mounts the API token of ServiceAccount \`${account}\`, which no Role or ClusterRole is bound to.`,
        account,
        edits?.length
          ? {
              description: `Do not mount the unused API token of ServiceAccount \`${account}\` in ${p.label}`,
              edits,
            }
          : undefined,
      );
    }
  },
});

/** Does any RoleBinding or ClusterRoleBinding of the repository name the service account (or all accounts)? */
function isBound(graph: K8sGraph, namespace: string, account: string): boolean {
  const bindings = [...graph.ofKind('RoleBinding'), ...graph.ofKind('ClusterRoleBinding')].filter(isBinding);
  return bindings.some((b) =>
    asArray(b.data.subjects).some((s) => {
      const subject = asObj(s);
      const name = asString(subject.name);
      if (subject.kind === 'Group')
        return name === 'system:serviceaccounts' || name === `system:serviceaccounts:${namespace}`;
      if (subject.kind === 'User') return name === `system:serviceaccount:${namespace}:${account}`;
      if (subject.kind !== 'ServiceAccount' || name !== account) return false;
      // A kustomization's `namespace:` rewrites the subjects of the bindings it lists.
      if (b.inferredNamespace === namespace) return true;
      const stated = asString(subject.namespace);
      if (stated !== undefined) return stated === namespace;
      // Without a namespace, a RoleBinding's subject is read in its own; a ClusterRoleBinding's is unknown.
      return b.clusterScoped || b.namespace === namespace;
    }),
  );
}
