import { asArray, asObj, asString, type K8sObject, selectorMatches } from '@plumbline/lang-yaml';

/** The `Namespace` object of a name, as the scan has it (undefined: none). */
export type NamespaceLookup = (name: string) => Pick<K8sObject, 'data' | 'labels'> | undefined;

/** The fields of an admitted object that matching reads. */
type Matchable = Pick<
  K8sObject,
  'apiVersion' | 'group' | 'kind' | 'name' | 'namespace' | 'clusterScoped' | 'labels'
>;

/**
 * Does a ValidatingAdmissionPolicy's `matchConstraints` (or a binding's `matchResources`) select
 * this manifest, as the API server would on CREATE? `namespaceSelector` is decided from a
 * `Namespace` object of the scan; when the scan has none, a non-empty selector matches nothing.
 */
export function matchesResources(
  constraints: unknown,
  object: Matchable,
  namespaces: NamespaceLookup,
): boolean {
  const c = asObj(constraints);
  const rules = asArray(c.resourceRules);
  if (rules.length > 0 && !rules.some((r) => ruleMatches(r, object))) return false;
  if (asArray(c.excludeResourceRules).some((r) => ruleMatches(r, object))) return false;
  if (c.objectSelector !== undefined && !selectorMatches(c.objectSelector, object.labels)) return false;
  if (c.namespaceSelector !== undefined && !object.clusterScoped && !emptySelector(c.namespaceSelector)) {
    const ns = namespaceObject(object, namespaces);
    if (!ns || !selectorMatches(c.namespaceSelector, ns.labels)) return false;
  }
  return true;
}

export function namespaceObject(
  object: Pick<K8sObject, 'clusterScoped' | 'namespace'>,
  namespaces: NamespaceLookup,
): Pick<K8sObject, 'data' | 'labels'> | undefined {
  return object.clusterScoped ? undefined : namespaces(object.namespace);
}

function emptySelector(selector: unknown): boolean {
  const s = asObj(selector);
  return Object.keys(asObj(s.matchLabels)).length === 0 && asArray(s.matchExpressions).length === 0;
}

function ruleMatches(raw: unknown, object: Matchable): boolean {
  const rule = asObj(raw);
  const anyOf = (list: unknown, value: string) => {
    const items = asArray(list).map((x) => asString(x) ?? '');
    return items.includes('*') || items.includes(value);
  };
  const version = object.apiVersion.includes('/') ? object.apiVersion.split('/')[1]! : object.apiVersion;
  if (!anyOf(rule.apiGroups, object.group)) return false;
  if (!anyOf(rule.apiVersions, version)) return false;
  const resources = asArray(rule.resources).map((x) => asString(x) ?? '');
  if (!resources.some((r) => r === '*' || r === '*/*' || r === pluralOf(object.kind))) return false;
  const operations = asArray(rule.operations).map((x) => asString(x) ?? '');
  if (operations.length && !operations.some((o) => o === '*' || o === 'CREATE' || o === 'UPDATE'))
    return false;
  const names = asArray(rule.resourceNames).map((x) => asString(x) ?? '');
  if (names.length && !names.includes(object.name)) return false;
  const scope = asString(rule.scope) ?? '*';
  if (scope === 'Namespaced' && object.clusterScoped) return false;
  if (scope === 'Cluster' && !object.clusterScoped) return false;
  return true;
}

const IRREGULAR: Record<string, string> = { endpoints: 'endpoints', ingress: 'ingresses' };

/** The resource name of a kind (`NetworkPolicy` → `networkpolicies`), as the API's REST mapping has it. */
export function pluralOf(kind: string): string {
  const k = kind.toLowerCase();
  if (IRREGULAR[k]) return IRREGULAR[k];
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(k)) return `${k}es`;
  return `${k}s`;
}
