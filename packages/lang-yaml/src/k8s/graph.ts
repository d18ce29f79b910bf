import { isRendered, type PathLink, type Project, type SourceFile } from '@plumbline/core';
import type { YamlFile } from '../language.js';
import { asArray, asObj, asString, isObj, type K8sObject, k8sObjectsOf } from './object.js';
import { derivedPodLabels, type PodSpecView, podSpecsOf } from './pod.js';

/** A label selector: `matchLabels`/`matchExpressions`, or a plain map (Service, ReplicationController). */
export interface LabelSelector {
  matchLabels?: Record<string, unknown>;
  matchExpressions?: { key?: unknown; operator?: unknown; values?: unknown }[];
}

/**
 * Does the selector select these labels? A selector with neither `matchLabels` nor
 * `matchExpressions` selects everything (as a NetworkPolicy `podSelector: {}` does).
 */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  const s = asObj(selector);
  const structured = 'matchLabels' in s || 'matchExpressions' in s;
  const matchLabels = structured ? asObj(s.matchLabels) : s;
  for (const [k, v] of Object.entries(matchLabels)) {
    if (labels[k] !== asString(v) && !(typeof v === 'boolean' && labels[k] === String(v))) return false;
  }
  if (!structured) return true;
  for (const e of asArray(s.matchExpressions)) {
    const expr = asObj(e);
    const key = asString(expr.key) ?? '';
    const values = asArray(expr.values).map((v) => asString(v) ?? String(v));
    const has = Object.hasOwn(labels, key);
    switch (asString(expr.operator)) {
      case 'In':
        if (!has || !values.includes(labels[key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** True when a selector has no criteria at all (selects every pod of the namespace). */
export function isEmptySelector(selector: unknown): boolean {
  const s = asObj(selector);
  return (
    Object.keys(asObj(s.matchLabels)).length === 0 &&
    asArray(s.matchExpressions).length === 0 &&
    Object.keys(s).every((k) => k === 'matchLabels' || k === 'matchExpressions')
  );
}

/** API groups served by Kubernetes itself. */
const BUILTIN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'extensions',
  'policy',
  'autoscaling',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'apiextensions.k8s.io',
  'admissionregistration.k8s.io',
  'apiregistration.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'node.k8s.io',
  'certificates.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'kustomize.config.k8s.io',
  'gateway.networking.k8s.io',
  // OPA Gatekeeper policies: admission rules, never pods.
  'constraints.gatekeeper.sh',
  'templates.gatekeeper.sh',
]);

/** Custom resources known not to create pods of their own. */
const PASSIVE_KINDS = new Set([
  'ServiceMonitor',
  'PodMonitor',
  'Probe',
  'PrometheusRule',
  'AlertmanagerConfig',
  'Certificate',
  'Issuer',
  'ClusterIssuer',
  'VirtualService',
  'DestinationRule',
  'Gateway',
  'ServiceEntry',
  'Sidecar',
  'PeerAuthentication',
  'AuthorizationPolicy',
  'RequestAuthentication',
  'EnvoyFilter',
  'HTTPRoute',
  'GRPCRoute',
  'AnalysisTemplate',
  'ClusterAnalysisTemplate',
  'AnalysisRun',
  'Application',
  'ApplicationSet',
  'AppProject',
  'SealedSecret',
  'ExternalSecret',
  'SecretStore',
  'ClusterSecretStore',
  'VerticalPodAutoscaler',
  'ScaledObject',
  'BackendConfig',
  'FrontendConfig',
  'ManagedCertificate',
  'IngressRoute',
  'Middleware',
]);

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function joinPath(dir: string, rel: string): string {
  const parts = dir ? dir.split('/') : [];
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/**
 * Every Kubernetes object of the repository, by namespace (objects without a namespace take the
 * one of an enclosing kustomization, else `default`), so rules can ask which pods a Service,
 * NetworkPolicy, PodDisruptionBudget or HPA selects, and whether a referenced object exists.
 */
export class K8sGraph {
  readonly objects: K8sObject[] = [];
  private readonly byNamespace = new Map<string, K8sObject[]>();
  private readonly byKey = new Map<string, K8sObject[]>();
  private readonly byKind = new Map<string, K8sObject[]>();
  private readonly podsByNamespace = new Map<string, readonly PodSpecView[]>();
  /**
   * `images:` entries of the loose kustomizations (ones that were not built), with the folders they
   * apply to (their own and the ones their `resources` name), never the whole repository.
   */
  private readonly imageOverrides: { dirs: string[]; name: string; tag?: string; digest?: string }[] = [];
  private readonly scopes = new Map<string, K8sGraph>();
  /** What kustomizations tie beyond their folder: the targets of `images:` and the patches they list. */
  readonly links: PathLink[] = [];

  constructor(files: readonly { path: string; model: YamlFile }[]) {
    const kustomizeNamespaces = new Map<string, string>();
    const patchFiles = new Set<string>();
    for (const f of files) {
      for (const doc of f.model.documents) {
        if (doc.kind !== 'kustomization' && !(isObj(doc.data) && doc.data.kind === 'Kustomization')) continue;
        const data = asObj(doc.data);
        const dir = dirOf(f.path);
        const ns = asString(data.namespace);
        if (ns) kustomizeNamespaces.set(dir, ns);
        const dirs = [dir];
        for (const r of [...asArray(data.resources), ...asArray(data.bases)])
          if (typeof r === 'string' && !r.includes('://')) dirs.push(joinPath(dir, r));
        for (const image of asArray(data.images)) {
          const entry = asObj(image);
          const name = asString(entry.name);
          if (name)
            this.imageOverrides.push({
              dirs,
              name,
              tag: asString(entry.newTag),
              digest: asString(entry.digest),
            });
        }
        const patches: string[] = [];
        for (const p of asArray(data.patchesStrategicMerge))
          if (typeof p === 'string') patches.push(joinPath(dir, p));
        for (const field of ['patches', 'patchesJson6902']) {
          for (const p of asArray(data[field])) {
            const path = typeof p === 'string' ? p : asString(asObj(p).path);
            if (path) patches.push(joinPath(dir, path));
          }
        }
        for (const p of patches) patchFiles.add(p);
        const imageDirs = this.imageOverrides.some((o) => o.dirs === dirs) ? dirs : [];
        if (imageDirs.length > 0 || patches.length > 0)
          this.links.push({ file: f.path, folders: imageDirs, paths: patches });
      }
    }
    for (const f of files) {
      let rooted = false;
      const patchy = patchFiles.has(f.path) || /(^|[/._-])patch(es)?[^/]*\.ya?ml$/i.test(f.path);
      for (const object of k8sObjectsOf(f.model)) {
        // Objects (and kustomizations) at the root of the scan reach every folder (`around`, namespaces).
        if (!rooted && dirOf(f.path) === '' && !isRendered(object.file)) {
          rooted = true;
          this.links.push({ file: f.path, folders: [''] });
        }
        if (object.kind === 'Kustomization') continue;
        if (!object.declaredNamespace && isRendered(object.file) && object.file.namespace)
          object.inferredNamespace = object.file.namespace;
        else if (!object.declaredNamespace && kustomizeNamespaces.size > 0) {
          for (let dir = dirOf(f.path); ; dir = dirOf(dir)) {
            const ns = kustomizeNamespaces.get(dir);
            if (ns) {
              object.inferredNamespace = ns;
              break;
            }
            if (dir === '') break;
          }
        }
        const pods = podSpecsOf(object);
        if (patchy) object.partial = true;
        else if (
          pods.length > 0 &&
          // A Tekton run's pod template has no containers by nature: it is no fragment.
          pods.every(
            (p) =>
              p.part !== 'pod-fields' &&
              p.containers.filter((c) => c.kind === 'container').every((c) => !c.image),
          )
        )
          object.partial = true;
        this.add(object);
      }
    }
  }

  /**
   * The graph a cross-object rule sees from this object: its deployment unit only. A rendered object
   * (a Helm release with one values set, a kustomize build) sees its own unit; a loose manifest sees
   * loose manifests of its folder, its subfolders and the folders above it — never a sibling tree.
   */
  around(object: K8sObject): K8sGraph {
    const key = scopeKey(object.file);
    let scoped = this.scopes.get(key);
    if (!scoped) {
      scoped = Object.create(K8sGraph.prototype) as K8sGraph;
      Object.assign(scoped, {
        objects: [],
        byNamespace: new Map(),
        byKey: new Map(),
        byKind: new Map(),
        podsByNamespace: new Map(),
        imageOverrides: this.imageOverrides,
        scopes: new Map(),
      });
      for (const o of this.scopeIndex().objectsInScope(key, this.objects)) scoped.add(o);
      this.scopes.set(key, scoped);
    }
    return scoped;
  }

  /**
   * The `images:` entry a kustomization of this object's unit has for the image, if any. Built
   * objects already carry their override, so this only concerns loose files.
   */
  kustomizeImageOverride(
    object: K8sObject,
    imageName: string,
  ): { name: string; tag?: string; digest?: string } | undefined {
    if (isRendered(object.file)) return undefined;
    const path = object.file.path;
    return this.imageOverrides.find(
      (o) => o.name === imageName && o.dirs.some((d) => d === '' || path === d || path.startsWith(`${d}/`)),
    );
  }

  private scopeIndexCache?: ScopeIndex;

  /** Built on first use, after every object was added (scoped graphs never build one). */
  private scopeIndex(): ScopeIndex {
    this.scopeIndexCache ??= new ScopeIndex(this.objects);
    return this.scopeIndexCache;
  }

  private add(object: K8sObject): void {
    this.objects.push(object);
    const list = this.byNamespace.get(object.namespace);
    if (list) list.push(object);
    else this.byNamespace.set(object.namespace, [object]);
    const ofKind = this.byKind.get(object.kind);
    if (ofKind) ofKind.push(object);
    else this.byKind.set(object.kind, [object]);
    const key = `${object.kind}\u0000${object.namespace}\u0000${object.name}`;
    this.byKey.set(key, [...(this.byKey.get(key) ?? []), object]);
  }

  /** Objects of a namespace ('' for cluster-scoped ones). */
  inNamespace(namespace: string): K8sObject[] {
    return this.byNamespace.get(namespace) ?? [];
  }

  get namespaces(): string[] {
    return [...this.byNamespace.keys()].filter((n) => n !== '');
  }

  /** Objects of a kind and name in a namespace (several when overlays repeat them). */
  find(kind: string, namespace: string, name: string): K8sObject[] {
    return this.byKey.get(`${kind}\u0000${namespace}\u0000${name}`) ?? [];
  }

  ofKind(kind: string, namespace?: string): K8sObject[] {
    if (namespace === undefined) return [...(this.byKind.get(kind) ?? [])];
    return this.inNamespace(namespace).filter((o) => o.kind === kind);
  }

  /**
   * Pod views of the namespace's workloads (partial objects included). Made once per namespace:
   * every Service, PodDisruptionBudget and NetworkPolicy selector of it is matched against them.
   */
  pods(namespace: string): readonly PodSpecView[] {
    let pods = this.podsByNamespace.get(namespace);
    if (!pods) {
      pods = Object.freeze(this.inNamespace(namespace).flatMap((o) => podSpecsOf(o)));
      this.podsByNamespace.set(namespace, pods);
    }
    return pods;
  }

  /** Pod views whose labels the selector selects, in a namespace. */
  podsSelectedBy(namespace: string, selector: unknown): PodSpecView[] {
    return this.pods(namespace).filter((p) => selectorMatches(selector, p.labels));
  }

  /**
   * Does the selector select any pod of the namespace: a pod template, or pods an object derives
   * from one (the templates of a Rollout's canary experiments)?
   */
  selectsAnyPod(namespace: string, selector: unknown): boolean {
    return (
      this.podsSelectedBy(namespace, selector).length > 0 ||
      this.inNamespace(namespace).some((o) => derivedPodLabels(o).some((l) => selectorMatches(selector, l)))
    );
  }

  /**
   * May the namespace run pods that no manifest of the repository describes? True when it holds
   * custom resources that operators turn into pods (a `Prometheus`, a `Kafka`, an `Elasticsearch`...):
   * then "selects no pod" cannot be decided from the manifests.
   */
  mayRunUnlistedPods(namespace: string): boolean {
    return this.inNamespace(namespace).some(
      (o) =>
        !BUILTIN_GROUPS.has(o.group) &&
        !PASSIVE_KINDS.has(o.kind) &&
        // `managed` pods (Knative, custom resources) carry labels their controller adds.
        podSpecsOf(o).every((p) => p.workloadClass === 'managed'),
    );
  }

  /**
   * Is the picture of this namespace complete enough to say that something is missing? True when
   * some workload of the namespace sits in the object's own directory (a folder of manifests that
   * ship together), so a Service in a folder of Services alone is not said to select nothing.
   */
  hasWorkloadsBeside(object: K8sObject): boolean {
    const dir = dirOf(object.file.path);
    return this.inNamespace(object.namespace).some(
      (o) => dirOf(o.file.path) === dir && podSpecsOf(o).length > 0,
    );
  }
}

/**
 * The repository's object graph, computed once per run; with `near`, the part of it in that
 * object's deployment unit (what cross-object rules must use).
 */
export function k8sGraph(project: Project, near?: K8sObject): K8sGraph {
  const graph = project.memo(
    'lang-yaml:k8s-graph',
    () =>
      new K8sGraph(project.byLanguage<YamlFile>('yaml').map((f) => ({ path: f.file.path, model: f.model }))),
  );
  return near ? graph.around(near) : graph;
}

/** The graph's `links` (what its kustomizations name beyond their folder), for `Domain.links`. */
export function k8sLinks(project: Project): PathLink[] {
  return k8sGraph(project).links;
}

/**
 * Which YAML files the Kubernetes graph may relate (`Domain.partition`): a folder goes with the
 * nearest folder above it that holds YAML, so a folder, its subfolders and the folders above it
 * meet (what `around` relates) and sibling trees do not; files at the root join everything. What
 * kustomizations name (`../base`) is in the graph's `links`; as such names mostly reach the
 * parent's siblings, the two folders above a `kustomization.yaml` (never the root) count as holding
 * YAML here, so that `deploy/overlays/prod` meets `deploy/base` without checking them again.
 */
export function k8sPartition(paths: readonly string[]): string[][] {
  const holders = new Set(paths.map(dirOf));
  // A file at the root relates to everything only when it holds objects (`links` says so), which a
  // `stats.json` or `mkdocs.yml` there does not; a root kustomization sets every namespace.
  if (!paths.some((p) => dirOf(p) === '' && isKustomizationName(p))) holders.delete('');
  for (const path of paths)
    if (isKustomizationName(path)) {
      // Never the root: that would join everything.
      const parent = dirOf(dirOf(path));
      if (parent !== '') holders.add(parent);
      if (dirOf(parent) !== '') holders.add(dirOf(parent));
    }
  const top = new Map<string, string>();
  const groupOf = (dir: string): string => {
    const known = top.get(dir);
    if (known !== undefined) return known;
    let above = dir;
    do above = dirOf(above);
    while (above !== '' && !holders.has(above));
    const group = dir === '' || (above === '' && !holders.has('')) ? dir : groupOf(above);
    top.set(dir, group);
    return group;
  };
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const key = groupOf(dirOf(path));
    const group = groups.get(key);
    if (group) group.push(path);
    else groups.set(key, [path]);
  }
  return [...groups.values()];
}

const isKustomizationName = (path: string) => /(^|\/)kustomization\.ya?ml$/i.test(path);

/**
 * Which objects share a scope with a key, without comparing every object with every folder (a
 * repository of thousands of folders spent most of its check time there). Loose objects are
 * indexed by folder, with the folder tree, so a folder's scope is its own objects, those of the
 * folders above it and those of the folders below it; rendered objects by unit. The objects come
 * back in the graph's order, as a scan over all of them would return them.
 */
class ScopeIndex {
  private readonly byScope = new Map<string, number[]>();
  private readonly subfolders = new Map<string, Set<string>>();
  private readonly loose: number[] = [];

  constructor(objects: readonly K8sObject[]) {
    objects.forEach((object, index) => {
      const key = scopeKey(object.file);
      const list = this.byScope.get(key);
      if (list) list.push(index);
      else {
        this.byScope.set(key, [index]);
        if (key.startsWith('dir:')) this.linkFolder(key.slice(4));
      }
      if (key.startsWith('dir:')) this.loose.push(index);
    });
  }

  objectsInScope(key: string, objects: readonly K8sObject[]): K8sObject[] {
    let indices: number[];
    if (key.startsWith('unit:')) indices = this.byScope.get(key) ?? [];
    else if (key === 'dir:') indices = this.loose;
    else {
      const dir = key.slice(4);
      indices = [];
      for (let up = dirOf(dir); ; up = dirOf(up)) {
        indices.push(...(this.byScope.get(`dir:${up}`) ?? []));
        if (up === '') break;
      }
      const below = [dir];
      while (below.length > 0) {
        const folder = below.pop()!;
        indices.push(...(this.byScope.get(`dir:${folder}`) ?? []));
        below.push(...(this.subfolders.get(folder) ?? []));
      }
      indices.sort((a, b) => a - b);
    }
    return indices.map((i) => objects[i]!);
  }

  /** Records the folder under each of its parents, up to the root. */
  private linkFolder(dir: string): void {
    for (let child = dir; child !== ''; ) {
      const parent = dirOf(child);
      const siblings = this.subfolders.get(parent);
      if (siblings?.has(child)) return; // and so are the folders above it
      if (siblings) siblings.add(child);
      else this.subfolders.set(parent, new Set([child]));
      child = parent;
    }
  }
}

/** `unit:<id>` for rendered files, `dir:<folder>` for loose ones. */
function scopeKey(file: SourceFile): string {
  return isRendered(file) ? `unit:${file.unit}` : `dir:${dirOf(file.path)}`;
}
