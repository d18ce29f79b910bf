import type { Loc, Located } from '@plumbline/core';
import type { Route, YamlDocument } from '../document.js';
import type { YamlFile } from '../language.js';

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Kinds that live outside namespaces (their resource id has no namespace). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'APIService',
  'PodSecurityPolicy',
  'CSIDriver',
  'VolumeSnapshotClass',
  'ClusterWorkflowTemplate',
  'ClusterIssuer',
]);

/** The namespace an object without `metadata.namespace` lands in (kubectl's default context). */
export const DEFAULT_NAMESPACE = 'default';

/**
 * One Kubernetes object: a YAML document, or one item of a `List` document. Routes given to
 * `at`/`keyAt`/`nearest` are relative to the object, so rules never care whether it was wrapped.
 */
export class K8sObject implements Located {
  readonly apiVersion: string;
  readonly kind: string;
  /** `metadata.name` (or `generateName`), '' when absent. */
  readonly name: string;
  /** `metadata.namespace` as written; undefined when the manifest does not set one. */
  readonly declaredNamespace: string | undefined;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  /**
   * True for a fragment rather than a full object: a Kustomize patch, or a workload whose
   * containers have no image. Rules about what is missing skip partial objects.
   */
  partial = false;
  /** Namespace given by an enclosing kustomization (`namespace:`), when the object sets none. */
  inferredNamespace: string | undefined;

  constructor(
    readonly doc: YamlDocument,
    /** Route of the object inside its document ([] or ['items', i]). */
    readonly base: Route,
    readonly data: Obj,
  ) {
    this.apiVersion = asString(data.apiVersion) ?? '';
    this.kind = asString(data.kind) ?? '';
    const metadata = asObj(data.metadata);
    this.name = asString(metadata.name) ?? asString(metadata.generateName) ?? '';
    this.declaredNamespace = asString(metadata.namespace) || undefined;
    this.labels = stringMap(metadata.labels);
    this.annotations = stringMap(metadata.annotations);
  }

  get file() {
    return this.doc.file;
  }

  /** API group ('' for the core group). */
  get group(): string {
    const slash = this.apiVersion.indexOf('/');
    return slash < 0 ? '' : this.apiVersion.slice(0, slash);
  }

  get clusterScoped(): boolean {
    return CLUSTER_SCOPED.has(this.kind);
  }

  /** The namespace the object lands in: the declared one, or `default`; '' when cluster-scoped. */
  get namespace(): string {
    return this.clusterScoped ? '' : (this.declaredNamespace ?? this.inferredNamespace ?? DEFAULT_NAMESPACE);
  }

  /** `Kind/namespace/name` (namespaced) or `Kind/name` (cluster-scoped). */
  get resource(): string {
    const name = this.name || '(unnamed)';
    return this.clusterScoped ? `${this.kind}/${name}` : `${this.kind}/${this.namespace}/${name}`;
  }

  /** The whole object. */
  get loc(): Loc {
    return this.base.length === 0 ? this.doc.loc : (this.doc.at(this.base) ?? this.doc.loc);
  }

  get(route: Route): unknown {
    return this.doc.get([...this.base, ...route]);
  }

  at(route: Route): Loc | undefined {
    return this.doc.at([...this.base, ...route]);
  }

  keyAt(route: Route): Loc | undefined {
    return this.doc.keyAt([...this.base, ...route]);
  }

  /** The key at the route, or of its deepest existing ancestor within the object. */
  nearest(route: Route): Loc {
    for (let n = route.length; n > 0; n--) {
      const loc = this.keyAt(route.slice(0, n));
      if (loc) return loc;
    }
    return this.head;
  }

  /** Where to point for the object as a whole: its `kind:` line. */
  get head(): Loc {
    return this.keyAt(['kind']) ?? this.loc;
  }

  /** `metadata.name` value, else the `kind:` line. */
  get nameLoc(): Loc {
    return this.at(['metadata', 'name']) ?? this.head;
  }
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asObj(value))) {
    const s = asString(v) ?? (typeof v === 'boolean' ? String(v) : undefined);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** Every Kubernetes object of a parsed YAML file, `*List` documents unwrapped. */
export function k8sObjectsOf(file: YamlFile): K8sObject[] {
  const out: K8sObject[] = [];
  for (const doc of file.documents) {
    if (doc.kind !== 'k8s' || !isObj(doc.data)) continue;
    const data = doc.data;
    const kind = asString(data.kind) ?? '';
    if (kind.endsWith('List') && Array.isArray(data.items)) {
      data.items.forEach((item, i) => {
        if (isObj(item) && typeof item.kind === 'string' && typeof item.apiVersion === 'string') {
          out.push(new K8sObject(doc, ['items', i], item));
        }
      });
      continue;
    }
    out.push(new K8sObject(doc, [], data));
  }
  return out;
}
