import { asArray, asObj, asString, type K8sObject } from '@plumbline/lang-yaml';

export interface PolicyRule {
  route: (string | number)[];
  verbs: string[];
  resources: string[];
  apiGroups: string[];
  resourceNames: string[];
}

export function isRole(object: K8sObject): boolean {
  return object.group === 'rbac.authorization.k8s.io' && (object.kind === 'Role' || object.kind === 'ClusterRole');
}

export function isBinding(object: K8sObject): boolean {
  return object.group === 'rbac.authorization.k8s.io' && (object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding');
}

const strings = (v: unknown) => asArray(v).map((x) => asString(x) ?? '');

/** The `rules` of a Role or ClusterRole. */
export function policyRules(object: K8sObject): PolicyRule[] {
  if (!isRole(object)) return [];
  return asArray(object.data.rules).flatMap((r, i) => {
    const rule = asObj(r);
    return [
      {
        route: ['rules', i],
        verbs: strings(rule.verbs).map((v) => v.toLowerCase()),
        resources: strings(rule.resources).map((v) => v.toLowerCase()),
        apiGroups: strings(rule.apiGroups),
        resourceNames: strings(rule.resourceNames),
      },
    ];
  });
}

/** Does the rule grant one of the verbs (a `*` verb grants all)? */
export function grants(rule: PolicyRule, verbs: string[]): boolean {
  return rule.verbs.includes('*') || verbs.some((v) => rule.verbs.includes(v));
}

/** Index of the first resource of the rule named explicitly in `names` (-1 when none). */
export function resourceIndex(rule: PolicyRule, names: string[]): number {
  return rule.resources.findIndex((r) => names.includes(r));
}

export const WRITE_VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection'];
