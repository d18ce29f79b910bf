import type { Domain, DomainSuppression, Project } from '@plumbline/core';
import { type K8sObject, k8sGraph, k8sLinks, k8sPartition } from '@plumbline/lang-yaml';

const PLUMBLINE = 'plumbline.dev/ignore';
const KUBE_LINTER = 'ignore-check.kube-linter.io/';
const CHECKOV = /^checkov\.io\/skip\d+$/;

/**
 * Kubernetes: one unit per object of every manifest (List items unwrapped). Cross-resource rules
 * reach the rest of the repository through `k8sGraph(ctx.project, object)`, which relates a folder
 * only to the folders above and below it (and what kustomizations name): `partition` and `links`
 * say so to the engine, which may then check unrelated folders in different threads. A rule must
 * never read the graph unscoped (`k8sGraph(ctx.project)`) beyond `kustomizeImageOverride`.
 */
export const k8sDomain: Domain<K8sObject> = {
  id: 'k8s',
  languages: ['yaml'],
  units: (project) => k8sGraph(project).objects,
  partition: k8sPartition,
  links: k8sLinks,
  resourceOf: (object) => object.resource,
  suppressions: (project) => k8sGraph(project).objects.flatMap(annotationSuppressions),
};

/**
 * Suppressions written as annotations on the object:
 * - `plumbline.dev/ignore: "k8s/rule-a, CKV_K8S_20 -- reason"`
 * - kube-linter `ignore-check.kube-linter.io/<check>: "reason"` → alias `kube-linter:<check>`
 * - Checkov `checkov.io/skip1: "CKV_K8S_20=reason"` → alias `CKV_K8S_20`
 */
export function annotationSuppressions(object: K8sObject): DomainSuppression[] {
  const out: DomainSuppression[] = [];
  const loc = object.loc;
  const span = loc.file.span(loc.start, loc.end);
  const base = { file: loc.file.path, startLine: span.startLine, endLine: span.endLine };
  for (const [key, value] of Object.entries(object.annotations)) {
    if (key === PLUMBLINE) {
      const sep = value.indexOf('--');
      const rules = (sep >= 0 ? value.slice(0, sep) : value).split(/[\s,]+/).filter(Boolean);
      const reason = sep >= 0 ? value.slice(sep + 2).trim() : '';
      if (rules.length > 0) out.push({ ...base, rules, reason: reason || `${PLUMBLINE} annotation` });
    } else if (key.startsWith(KUBE_LINTER)) {
      const check = key.slice(KUBE_LINTER.length);
      if (check)
        out.push({
          ...base,
          rules: [`kube-linter:${check}`],
          reason: value.trim() || 'kube-linter ignore-check annotation',
        });
    } else if (CHECKOV.test(key)) {
      const eq = value.indexOf('=');
      const id = (eq >= 0 ? value.slice(0, eq) : value).trim();
      if (id)
        out.push({
          ...base,
          rules: [id],
          reason: (eq >= 0 ? value.slice(eq + 1).trim() : '') || 'checkov skip annotation',
        });
    }
  }
  return out;
}

/** Suppressions of every object of the project (exposed for tests). */
export function projectSuppressions(project: Project): DomainSuppression[] {
  return k8sDomain.suppressions!(project);
}
