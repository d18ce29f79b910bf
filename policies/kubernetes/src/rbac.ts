import { asArray, asObj, asString, type K8sObject } from '@plumbline/lang-yaml';

export interface PolicyRule {
  route: (string | number)[];
  verbs: string[];
  resources: string[];
  apiGroups: string[];
  resourceNames: string[];
}

export function isRole(object: K8sObject): boolean {
  return (
    object.group === 'rbac.authorization.k8s.io' && (object.kind === 'Role' || object.kind === 'ClusterRole')
  );
}

export function isBinding(object: K8sObject): boolean {
  return (
    object.group === 'rbac.authorization.k8s.io' &&
    (object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding')
  );
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

/** One resource of a Role rule that grants a watched verb on it. */
export interface Grant {
  rule: PolicyRule;
  resource: string;
  /** Route of the resource in the object (`rules.i.resources.j`). */
  route: (string | number)[];
}

/**
 * The resources, named explicitly (a `*` is `rbac-no-wildcards`' finding), of each rule of a
 * Role or ClusterRole that grant one of the verbs. `resources` maps each resource to the API
 * groups that serve it, so a custom resource of the same name (Knative's `services`) is not
 * mistaken for the core one; a rule with `apiGroups: ["*"]` matches every group.
 */
export function grantsOn(object: K8sObject, resources: Record<string, string[]>, verbs: string[]): Grant[] {
  return policyRules(object).flatMap((rule) => {
    if (!grants(rule, verbs)) return [];
    return rule.resources.flatMap((resource, i) =>
      resources[resource]?.some((g) => rule.apiGroups.includes(g) || rule.apiGroups.includes('*'))
        ? [{ rule, resource, route: [...rule.route, 'resources', i] }]
        : [],
    );
  });
}
