import { defineRule, isRendered, type Project } from '@plumbline/core';
import { asString, type K8sGraph, type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { capitalized, isTemplated, onceEach, podsOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/service-account-not-found',
  domain: k8sDomain,
  meta: {
    title: 'Pod names a ServiceAccount that is not defined',
    description:
      'A pod sets `serviceAccountName` to an account that no ServiceAccount of its namespace defines, in its deployment unit. Judged only where the picture is complete enough: the folder (or rendered chart) of the workload defines ServiceAccounts for that namespace, and one of them is used by no pod — the shape of a rename that missed one side. Accounts created elsewhere (another chart, a platform team, a cloud module) are therefore not reported, nor are loose files under a kustomization that was not built (the account may sit in a sibling folder it lists).',
    rationale:
      'Medium: the API server refuses to create the pods ("serviceaccount not found"), so the ReplicaSet or Job stays at zero pods while the Deployment itself applies cleanly — the failure shows up only in events.',
    remediation: 'Point `serviceAccountName` at the ServiceAccount the manifests define, or add it.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['kube-linter:non-existent-service-account'],
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web-api\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: webapi\n  containers:\n    - name: web\n      image: web:1.0\n',
          errors: [{ line: 11, column: 23, endLine: 11, endColumn: 29 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web-api\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: web-api\n  containers:\n    - name: web\n      image: web:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const once = onceEach();
    for (const p of podsOf(object)) {
      if (p.part === 'containers') continue;
      const setting = p.field('serviceAccountName') ?? p.field('serviceAccount');
      const account = asString(setting?.value);
      if (!setting || !account || account === 'default' || isTemplated(account) || !once(setting.route))
        continue;
      const graph = k8sGraph(ctx.project, object);
      if (graph.find('ServiceAccount', object.namespace, account).length > 0) continue;
      if (!unusedAccountBeside(graph, object) || inUnbuiltKustomization(ctx.project, object)) continue;
      report(
        ctx,
        object,
        object.at(setting.route)!,
        `${capitalized(p.label)} runs as ServiceAccount \`${account}\`, which is not defined in namespace \`${object.namespace}\`.`,
        account,
      );
    }
  },
});

const dirOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** Does the workload's folder define a ServiceAccount of its namespace that no pod of the unit uses? */
function unusedAccountBeside(graph: K8sGraph, object: K8sObject): boolean {
  const dir = dirOf(object.file.path);
  const used = new Set(
    graph
      .inNamespace(object.namespace)
      .flatMap((o) =>
        podsOf(o, { skipPartial: false }).map(
          (p) => asString((p.field('serviceAccountName') ?? p.field('serviceAccount'))?.value) ?? 'default',
        ),
      ),
  );
  return graph
    .ofKind('ServiceAccount', object.namespace)
    .some((sa) => dirOf(sa.file.path) === dir && !used.has(sa.name));
}

/**
 * A loose file under a kustomization that was not built: the account may come from a sibling
 * folder the kustomization also lists (`../rbac`), which the folder-scoped graph does not see.
 */
function inUnbuiltKustomization(project: Project, object: K8sObject): boolean {
  if (isRendered(object.file)) return false;
  const kustomizations = new Set(
    project
      .byLanguage('yaml')
      .map((f) => f.file.path)
      .filter((path) => /(^|\/)kustomization\.ya?ml$/i.test(path))
      .map(dirOf),
  );
  for (let dir = dirOf(object.file.path); ; dir = dirOf(dir)) {
    if (kustomizations.has(dir)) return true;
    if (dir === '') return false;
  }
}
