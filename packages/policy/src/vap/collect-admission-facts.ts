import {
  asArray,
  asObj,
  asString,
  isKustomizationPath,
  isObj,
  type K8sObject,
  k8sObjectsOf,
  type YamlFile,
} from '@plumbline/lang-yaml';
import { mayHoldScalar } from './may-hold-scalar.js';

/** An object a policy reads besides the one it admits (a param, a Namespace), as plain data. */
export type AdmissionObject = Pick<
  K8sObject,
  'data' | 'apiVersion' | 'group' | 'kind' | 'name' | 'namespace' | 'clusterScoped' | 'labels' | 'resource'
>;

/**
 * What a `vap/<name>` rule reads beyond the object it checks, from every YAML file of the scan,
 * in listing order. Collected once on the main thread and sent to every worker with the rule, so
 * a shard holding the object but not the policy's binding, params or namespaces judges it as one
 * thread holding everything does (objects rendered from charts are added by the rule itself).
 */
export interface AdmissionFacts {
  /** The policy's manifest (the first of its name). */
  policy: Record<string, unknown>;
  /** The `spec` of each binding naming the policy. */
  bindings: Record<string, unknown>[];
  /** Objects of the policy's `paramKind` its bindings may name (none when it takes no params). */
  params: AdmissionObject[];
  /** The scan's `Namespace` objects, when the policy or a binding reads namespaces (else none). */
  namespaces: AdmissionObject[];
}

/** A policy as found: its manifest and its bindings' specs. */
export interface FoundPolicy {
  name: string;
  policy: Record<string, unknown>;
  bindings: Record<string, unknown>[];
}

/** Parses a file when its bytes pass `wanted`. */
export type ReadModel = (path: string, wanted: (bytes: Buffer) => boolean) => YamlFile | undefined;

/** What one policy needs beyond its bindings. */
interface Needs {
  param?: { kind: string; apiVersion: string; names: Set<string> | undefined };
  namespaces: boolean;
}

/**
 * Collects the facts of each policy from the scan's YAML files (`paths`, in listing order, whose
 * bytes the caller kept). Parses only when some policy takes params or reads namespaces, and only
 * the files whose bytes may hold a wanted kind (and, when every binding names its params, one of
 * the names) as a scalar, however spelled (`mayHoldScalar`: a superset, never fewer files).
 */
export function collectAdmissionFacts(
  found: readonly FoundPolicy[],
  paths: readonly string[],
  read: ReadModel,
): AdmissionFacts[] {
  const needs = found.map(needsOf);
  const params = found.map(() => [] as K8sObject[]);
  const namespaces: K8sObject[] = [];
  const wantNamespaces = needs.some((n) => n.namespaces);
  const wanted = (bytes: Buffer) =>
    (wantNamespaces && mayHoldScalar(bytes, 'Namespace')) ||
    needs.some(
      ({ param }) =>
        param !== undefined &&
        mayHoldScalar(bytes, param.kind) &&
        (param.names === undefined || [...param.names].some((n) => mayHoldScalar(bytes, n))),
    );
  if (wantNamespaces || needs.some((n) => n.param))
    for (const path of paths) {
      const model = read(path, wanted);
      if (!model) continue;
      for (const object of k8sObjectsOf(model)) {
        if (wantNamespaces && object.kind === 'Namespace') namespaces.push(object);
        needs.forEach(({ param }, i) => {
          if (
            param &&
            object.kind === param.kind &&
            (!param.apiVersion || object.apiVersion === param.apiVersion) &&
            (param.names === undefined || param.names.has(object.name))
          )
            params[i]!.push(object);
        });
      }
    }
  inferNamespaces(params.flat(), paths, read);
  return found.map((f, i) => ({
    policy: f.policy,
    bindings: f.bindings,
    params: params[i]!.map(plainObject),
    namespaces: needs[i]!.namespaces ? namespaces.map(plainObject) : [],
  }));
}

function needsOf(found: FoundPolicy): Needs {
  const spec = asObj(found.policy.spec);
  const selects = (constraints: unknown) => {
    const selector = asObj(asObj(constraints).namespaceSelector);
    return (
      Object.keys(asObj(selector.matchLabels)).length > 0 || asArray(selector.matchExpressions).length > 0
    );
  };
  // An expression can read the namespace only by that name (a superset: any text mentioning it).
  const namespaces =
    JSON.stringify(spec).includes('namespaceObject') ||
    selects(spec.matchConstraints) ||
    found.bindings.some((b) => selects(b.matchResources));
  const paramKind = isObj(spec.paramKind) ? spec.paramKind : undefined;
  const kind = asString(paramKind?.kind);
  const refs = found.bindings.map((b) => asObj(b.paramRef)).filter((r) => Object.keys(r).length > 0);
  // No binding with a `paramRef`: the policy is evaluated with no params at all.
  if (!paramKind || !kind || refs.length === 0) return { namespaces };
  const names = refs.map((r) => asString(r.name));
  return {
    namespaces,
    param: {
      kind,
      apiVersion: asString(paramKind.apiVersion) ?? '',
      names: names.every((n) => n) ? new Set(names as string[]) : undefined,
    },
  };
}

/**
 * Objects without `metadata.namespace` land in the namespace of the nearest kustomization above
 * them that sets one, as the Kubernetes graph says (the last one of a folder, in listing order).
 */
function inferNamespaces(objects: K8sObject[], paths: readonly string[], read: ReadModel): void {
  const loose = objects.filter((o) => !o.declaredNamespace && !o.clusterScoped);
  if (loose.length === 0) return;
  const above = new Set<string>();
  for (const o of loose)
    for (let dir = dirOf(o.file.path); ; dir = dirOf(dir)) {
      above.add(dir);
      if (dir === '') break;
    }
  const kustomizeNamespaces = new Map<string, string>();
  for (const path of paths) {
    if (!above.has(dirOf(path))) continue;
    const model = read(path, (bytes) => isKustomizationPath(path) || mayHoldScalar(bytes, 'Kustomization'));
    for (const doc of model?.documents ?? []) {
      if (doc.kind !== 'kustomization' && !(isObj(doc.data) && doc.data.kind === 'Kustomization')) continue;
      const ns = asString(asObj(doc.data).namespace);
      if (ns) kustomizeNamespaces.set(dirOf(path), ns);
    }
  }
  for (const o of loose)
    for (let dir = dirOf(o.file.path); ; dir = dirOf(dir)) {
      const ns = kustomizeNamespaces.get(dir);
      if (ns) {
        o.inferredNamespace = ns;
        break;
      }
      if (dir === '') break;
    }
}

function plainObject(o: K8sObject): AdmissionObject {
  return {
    data: o.data,
    apiVersion: o.apiVersion,
    group: o.group,
    kind: o.kind,
    name: o.name,
    namespace: o.namespace,
    clusterScoped: o.clusterScoped,
    labels: o.labels,
    resource: o.resource,
  };
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
