import type { Loc, Located } from '@plumbline/core';
import type { Route } from '../document.js';
import { asArray, asObj, asString, isObj, type K8sObject, type Obj } from './object.js';

export type ContainerKind = 'container' | 'init' | 'ephemeral';

/**
 * What runs in the pods: long-running services (replicated), daemons (one per node), batch work
 * (Jobs, CronJobs, Argo Workflows, KEDA ScaledJobs, Tekton runs), bare pods, and `managed` pods
 * whose lifecycle a controller decides in ways the manifests do not show (Knative revisions scale
 * on requests and carry labels Knative adds; custom resources that embed a pod template).
 * Reliability rules pick the classes they make sense for; security rules see every class.
 */
export type WorkloadClass = 'service' | 'daemon' | 'batch' | 'pod' | 'managed';

/**
 * What a view holds: a whole pod, or one half of a pod whose other half lives in another object.
 * A Tekton `Task` holds the containers (its steps) while the `TaskRun` that runs it holds the
 * pod-level settings (`podTemplate`, `serviceAccountName`): rules about a pod-level field that is
 * *missing* skip `containers` views, and a `pod-fields` view has no containers.
 */
export type PodViewPart = 'pod' | 'containers' | 'pod-fields';

/** A value found in the model, with the route (object-relative) it was read from. */
export interface Setting<T = unknown> {
  value: T;
  route: Route;
  /** Which level set it: the container, the pod (or workflow), or a legacy annotation. */
  from: 'container' | 'pod' | 'annotation';
}

/** Security-context fields that exist at both levels; the container's value wins (kubelet rule). */
const SHARED_FIELDS = new Set([
  'runAsUser',
  'runAsGroup',
  'runAsNonRoot',
  'seLinuxOptions',
  'seccompProfile',
  'windowsOptions',
  'appArmorProfile',
]);

export interface WorkloadKindInfo {
  class: WorkloadClass;
  /** Route of the pod template's `spec` (and its `metadata` beside it), when it has one. */
  podSpec?: Route;
  podMetadata?: Route;
}

const TEMPLATE = { podSpec: ['spec', 'template', 'spec'], podMetadata: ['spec', 'template', 'metadata'] };

/** Kinds with a pod template, keyed by kind; `groups` restricts the API group. */
const WORKLOADS: Record<string, WorkloadKindInfo & { groups: string[] }> = {
  Pod: { class: 'pod', podSpec: ['spec'], podMetadata: ['metadata'], groups: [''] },
  PodTemplate: {
    class: 'pod',
    podSpec: ['template', 'spec'],
    podMetadata: ['template', 'metadata'],
    groups: [''],
  },
  ReplicationController: { class: 'service', ...TEMPLATE, groups: [''] },
  Deployment: { class: 'service', ...TEMPLATE, groups: ['apps', 'extensions'] },
  ReplicaSet: { class: 'service', ...TEMPLATE, groups: ['apps', 'extensions'] },
  StatefulSet: { class: 'service', ...TEMPLATE, groups: ['apps'] },
  DaemonSet: { class: 'daemon', ...TEMPLATE, groups: ['apps', 'extensions'] },
  DeploymentConfig: { class: 'service', ...TEMPLATE, groups: ['apps.openshift.io', ''] },
  Job: { class: 'batch', ...TEMPLATE, groups: ['batch'] },
  CronJob: {
    class: 'batch',
    podSpec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    podMetadata: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
    groups: ['batch'],
  },
  Rollout: { class: 'service', ...TEMPLATE, groups: ['argoproj.io'] },
  // Knative Serving: a Service or Configuration stamps out Revisions from `spec.template`; a
  // Revision is the pod spec itself (its metadata is the object's).
  Service: { class: 'managed', ...TEMPLATE, groups: ['serving.knative.dev'] },
  Configuration: { class: 'managed', ...TEMPLATE, groups: ['serving.knative.dev'] },
  Revision: {
    class: 'managed',
    podSpec: ['spec'],
    podMetadata: ['metadata'],
    groups: ['serving.knative.dev'],
  },
  // KEDA: `jobTargetRef` is a JobSpec, run once per scaling event.
  ScaledJob: {
    class: 'batch',
    podSpec: ['spec', 'jobTargetRef', 'template', 'spec'],
    podMetadata: ['spec', 'jobTargetRef', 'template', 'metadata'],
    groups: ['keda.sh'],
  },
  // Tekton: see tektonViews().
  Task: { class: 'batch', groups: ['tekton.dev'] },
  ClusterTask: { class: 'batch', groups: ['tekton.dev'] },
  TaskRun: { class: 'batch', groups: ['tekton.dev'] },
  PipelineRun: { class: 'batch', groups: ['tekton.dev'] },
  Workflow: { class: 'batch', groups: ['argoproj.io'] },
  WorkflowTemplate: { class: 'batch', groups: ['argoproj.io'] },
  ClusterWorkflowTemplate: { class: 'batch', groups: ['argoproj.io'] },
  CronWorkflow: { class: 'batch', groups: ['argoproj.io'] },
};

/** The workload kind of an object, when it runs pods (custom resources: see embeddedTemplate()). */
export function workloadKind(object: K8sObject): WorkloadKindInfo | undefined {
  const info = WORKLOADS[object.kind];
  if (info) return info.groups.includes(object.group) ? info : undefined;
  return embeddedTemplate(object);
}

/**
 * A custom resource this package does not know that embeds a PodTemplateSpec where workloads keep
 * one — `spec.template` (Deployment-like: OpenKruise CloneSet, Kubeflow Notebook...) or
 * `spec.jobTemplate.spec.template` (CronJob-like) — with a `containers` list. Custom groups always
 * contain a dot and built-in ones end in `k8s.io`, so core kinds never fall through to here.
 */
function embeddedTemplate(object: K8sObject): WorkloadKindInfo | undefined {
  if (!object.group.includes('.') || object.group.endsWith('k8s.io')) return undefined;
  for (const [base, workloadClass] of [
    [['spec', 'template'], 'managed'],
    [['spec', 'jobTemplate', 'spec', 'template'], 'batch'],
  ] as const) {
    const containers = asObj(object.get([...base, 'spec'])).containers;
    if (Array.isArray(containers) && containers.length > 0)
      return { class: workloadClass, podSpec: [...base, 'spec'], podMetadata: [...base, 'metadata'] };
  }
  return undefined;
}

export function isTektonKind(object: K8sObject): boolean {
  return object.group === 'tekton.dev' && /^(Cluster)?Task(Run)?$|^PipelineRun$/.test(object.kind);
}

export function isArgoWorkflowKind(object: K8sObject): boolean {
  return object.group === 'argoproj.io' && /^(Cluster)?(Cron)?Workflow(Template)?$/.test(object.kind);
}

/**
 * The pods an object runs, seen the same way whatever the kind: containers (regular, init and
 * ephemeral), volumes, pod-level fields and security contexts merged as the kubelet merges them.
 * An Argo workflow has one view per template that runs a pod.
 */
export class PodSpecView implements Located {
  readonly containers: ContainerView[] = [];
  private labelsMade?: Record<string, string>;
  private annotationsMade?: Record<string, string>;

  constructor(
    readonly object: K8sObject,
    readonly workloadClass: WorkloadClass,
    /** Route of the pod spec (for Argo: of the template). */
    readonly route: Route,
    /** Routes searched, in order, for pod-level fields (Argo: template, then workflow spec). */
    readonly layers: Route[],
    /** Routes of pod metadata (labels, annotations), in order. */
    readonly metadataRoutes: Route[],
    /** Argo template name, when this view is a template. */
    readonly templateName?: string,
    /** A whole pod, or the half of one that this object holds (Tekton). */
    readonly part: PodViewPart = 'pod',
  ) {}

  /** The pod spec (or template) as a whole. */
  get loc(): Loc {
    return this.object.at(this.route) ?? this.object.head;
  }

  /** Where to point when a pod-level setting is missing: the pod spec's key (or the template's name). */
  get anchor(): Loc {
    return this.object.keyAt(this.route) ?? this.object.head;
  }

  /** A pod-level field from the first layer that sets it. */
  field<T = unknown>(name: string): Setting<T> | undefined {
    for (const layer of this.layers) {
      const data = asObj(this.object.get(layer));
      if (data[name] !== undefined && data[name] !== null) {
        return { value: data[name] as T, route: [...layer, name], from: 'pod' };
      }
    }
    return undefined;
  }

  /** A field of the pod-level `securityContext`. */
  podSecurity<T = unknown>(name: string): Setting<T> | undefined {
    for (const layer of this.layers) {
      const sc = asObj(asObj(this.object.get(layer)).securityContext);
      if (sc[name] !== undefined && sc[name] !== null) {
        return { value: sc[name] as T, route: [...layer, 'securityContext', name], from: 'pod' };
      }
    }
    return undefined;
  }

  /**
   * Pod labels (template metadata, for Argo also `podMetadata`). Made once: selectors of every
   * Service, PodDisruptionBudget and NetworkPolicy of a namespace are matched against them. Do not
   * change the record (copy it).
   */
  get labels(): Record<string, string> {
    this.labelsMade ??= this.metadataMap('labels');
    return this.labelsMade;
  }

  /** Pod annotations, made once like `labels`. */
  get annotations(): Record<string, string> {
    this.annotationsMade ??= this.metadataMap('annotations');
    return this.annotationsMade;
  }

  /** Route of a pod annotation, when set. */
  annotationRoute(key: string): Route | undefined {
    for (const route of this.metadataRoutes) {
      if (asObj(asObj(this.object.get(route)).annotations)[key] !== undefined)
        return [...route, 'annotations', key];
    }
    return undefined;
  }

  private metadataMap(field: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const route of [...this.metadataRoutes].reverse()) {
      for (const [k, v] of Object.entries(asObj(asObj(this.object.get(route))[field]))) {
        const s = asString(v) ?? (typeof v === 'boolean' ? String(v) : undefined);
        if (s !== undefined) out[k] = s;
      }
    }
    return out;
  }

  /** Volumes with their routes (Argo: template volumes, then workflow volumes). */
  get volumes(): { name: string; data: Obj; route: Route }[] {
    const out: { name: string; data: Obj; route: Route }[] = [];
    for (const layer of this.layers) {
      asArray(asObj(this.object.get(layer)).volumes).forEach((v, i) => {
        if (isObj(v)) out.push({ name: asString(v.name) ?? '', data: v, route: [...layer, 'volumes', i] });
      });
    }
    return out;
  }

  /** A readable name for messages: the object, and the Argo template when there is one. */
  get label(): string {
    return this.templateName !== undefined
      ? `template \`${this.templateName}\``
      : `${this.object.kind} \`${this.object.name}\``;
  }
}

/** One container of a pod, with its security context merged with the pod's. */
export class ContainerView implements Located {
  constructor(
    readonly pod: PodSpecView,
    readonly kind: ContainerKind,
    readonly route: Route,
    readonly data: Obj,
    readonly name: string,
    /**
     * Route of the settings every such container inherits where it sets nothing itself (a Tekton
     * Task's `stepTemplate`); `own()` falls back to it, with the route of the template's line.
     */
    readonly defaults?: Route,
  ) {}

  get object(): K8sObject {
    return this.pod.object;
  }

  get image(): string | undefined {
    return asString(this.data.image);
  }

  /** The container's own span. */
  get loc(): Loc {
    return this.object.at(this.route) ?? this.object.head;
  }

  /**
   * Where to point when something is missing on the container: its `name: app` pair (wherever it
   * sits in the item), else the item's first key, else the container's own key (Argo `container:`).
   */
  get anchor(): Loc {
    const key = this.object.keyAt([...this.route, 'name']);
    const value = this.object.at([...this.route, 'name']);
    if (key && value && value.end >= key.start) return { file: key.file, start: key.start, end: value.end };
    return this.object.keyAt(this.route) ?? this.object.head;
  }

  at(route: Route): Loc | undefined {
    return this.object.at([...this.route, ...route]);
  }

  keyAt(route: Route): Loc | undefined {
    return this.object.keyAt([...this.route, ...route]);
  }

  /** A setting of the container itself (or of the template its settings default to). */
  own<T = unknown>(...route: (string | number)[]): Setting<T> | undefined {
    const value = dig(this.data, route);
    if (value !== undefined)
      return { value: value as T, route: [...this.route, ...route], from: 'container' };
    if (!this.defaults) return undefined;
    const inherited = dig(this.object.get(this.defaults), route);
    if (inherited === undefined) return undefined;
    return { value: inherited as T, route: [...this.defaults, ...route], from: 'container' };
  }

  /**
   * The effective value of a security-context field: the container's, or for fields that exist at
   * both levels (runAsUser, runAsNonRoot, seccompProfile, ...), the pod's when the container is silent.
   */
  security<T = unknown>(name: string): Setting<T> | undefined {
    const own = this.own<T>('securityContext', name);
    if (own) return own;
    return SHARED_FIELDS.has(name) ? this.pod.podSecurity<T>(name) : undefined;
  }

  /** Effective seccomp profile type, including the legacy annotations. */
  seccompType(): Setting<string> | undefined {
    const profile = this.security<Obj>('seccompProfile');
    if (profile && isObj(profile.value) && typeof profile.value.type === 'string') {
      return { value: profile.value.type, route: [...profile.route, 'type'], from: profile.from };
    }
    for (const key of [
      `container.seccomp.security.alpha.kubernetes.io/${this.name}`,
      'seccomp.security.alpha.kubernetes.io/pod',
    ]) {
      const route = this.pod.annotationRoute(key);
      if (!route) continue;
      const raw = this.pod.annotations[key] ?? '';
      const type =
        raw === 'runtime/default' || raw === 'docker/default'
          ? 'RuntimeDefault'
          : raw === 'unconfined'
            ? 'Unconfined'
            : raw.startsWith('localhost/')
              ? 'Localhost'
              : raw;
      return { value: type, route, from: 'annotation' };
    }
    return undefined;
  }

  /** Effective AppArmor profile type (field or legacy annotation). */
  appArmorType(): Setting<string> | undefined {
    const profile = this.security<Obj>('appArmorProfile');
    if (profile && isObj(profile.value) && typeof profile.value.type === 'string') {
      return { value: profile.value.type, route: [...profile.route, 'type'], from: profile.from };
    }
    const key = `container.apparmor.security.beta.kubernetes.io/${this.name}`;
    const route = this.pod.annotationRoute(key);
    if (!route) return undefined;
    const raw = this.pod.annotations[key] ?? '';
    const type =
      raw === 'runtime/default'
        ? 'RuntimeDefault'
        : raw === 'unconfined'
          ? 'Unconfined'
          : raw.startsWith('localhost/')
            ? 'Localhost'
            : raw;
    return { value: type, route, from: 'annotation' };
  }

  /** Declared container ports. */
  get ports(): {
    port: number | undefined;
    name: string | undefined;
    hostPort: number | undefined;
    protocol: string;
    route: Route;
  }[] {
    return asArray(this.data.ports).flatMap((p, i) =>
      isObj(p)
        ? [
            {
              port: toPort(p.containerPort),
              name: asString(p.name),
              hostPort: toPort(p.hostPort),
              protocol: asString(p.protocol) ?? 'TCP',
              route: [...this.route, 'ports', i],
            },
          ]
        : [],
    );
  }

  /** A readable name for messages. */
  get label(): string {
    const what =
      this.kind === 'init'
        ? 'init container'
        : this.kind === 'ephemeral'
          ? 'ephemeral container'
          : 'container';
    return `${what} \`${this.name}\``;
  }
}

function dig(data: unknown, route: readonly (string | number)[]): unknown {
  let value = data;
  for (const seg of route) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[seg];
  }
  return value === null ? undefined : value;
}

function toPort(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

function addContainers(view: PodSpecView, spec: Obj, route: Route, lists: [string, ContainerKind][]): void {
  for (const [field, kind] of lists) {
    asArray(spec[field]).forEach((c, i) => {
      if (isObj(c))
        view.containers.push(
          new ContainerView(view, kind, [...route, field, i], c, asString(c.name) ?? `#${i + 1}`),
        );
    });
  }
}

/** An object's pod views, and the containers of all of them once asked for. */
interface PodsOfObject {
  views: PodSpecView[];
  containers?: readonly ContainerView[];
}

const memo = new WeakMap<K8sObject, PodsOfObject>();

function podsOfObject(object: K8sObject): PodsOfObject {
  let pods = memo.get(object);
  if (!pods) {
    pods = { views: computePodSpecs(object) };
    memo.set(object, pods);
  }
  return pods;
}

/** The pod views of an object ([] when it runs no pods, or is a Rollout with `workloadRef`). */
export function podSpecsOf(object: K8sObject): PodSpecView[] {
  return podsOfObject(object).views;
}

/**
 * Every container of every pod view of an object, in order: one list per object, shared by every
 * rule that asks (frozen).
 */
export function containersOfPods(object: K8sObject): readonly ContainerView[] {
  const pods = podsOfObject(object);
  pods.containers ??= Object.freeze(pods.views.flatMap((view) => view.containers));
  return pods.containers;
}

/**
 * Labels of pods an object starts besides its pod template(s): each template of an Argo Rollout's
 * canary `experiment` step runs the Rollout's pod template relabelled by the step template's
 * `metadata.labels` (a preview stack that a Service of its own may select).
 */
export function derivedPodLabels(object: K8sObject): Record<string, string>[] {
  if (object.kind !== 'Rollout' || object.group !== 'argoproj.io') return [];
  const base = podSpecsOf(object)[0]?.labels ?? {};
  const out: Record<string, string>[] = [];
  for (const step of asArray(object.get(['spec', 'strategy', 'canary', 'steps']))) {
    for (const t of asArray(asObj(asObj(step).experiment).templates)) {
      const labels = { ...base };
      for (const [k, v] of Object.entries(asObj(asObj(asObj(t).metadata).labels))) {
        const value =
          asString(v) ?? (typeof v === 'boolean' || typeof v === 'number' ? String(v) : undefined);
        if (value !== undefined) labels[k] = value;
      }
      out.push(labels);
    }
  }
  return out;
}

function computePodSpecs(object: K8sObject): PodSpecView[] {
  const info = workloadKind(object);
  if (!info) return [];
  if (isArgoWorkflowKind(object)) return argoViews(object);
  if (isTektonKind(object)) return tektonViews(object);
  if (!info.podSpec) return [];
  const spec = object.get(info.podSpec);
  if (!isObj(spec)) return [];
  const view = new PodSpecView(
    object,
    info.class,
    info.podSpec,
    [info.podSpec],
    info.podMetadata ? [info.podMetadata] : [],
  );
  addContainers(view, spec, info.podSpec, [
    ['initContainers', 'init'],
    ['containers', 'container'],
    ['ephemeralContainers', 'ephemeral'],
  ]);
  return [view];
}

function argoViews(object: K8sObject): PodSpecView[] {
  const specRoute = object.kind === 'CronWorkflow' ? ['spec', 'workflowSpec'] : ['spec'];
  const spec = asObj(object.get(specRoute));
  const views: PodSpecView[] = [];
  asArray(spec.templates).forEach((t, i) => {
    if (!isObj(t)) return;
    const route = [...specRoute, 'templates', i];
    const runsPod = isObj(t.container) || isObj(t.script) || isObj(t.containerSet);
    if (!runsPod) return;
    const view = new PodSpecView(
      object,
      'batch',
      route,
      [route, specRoute],
      [
        [...route, 'metadata'],
        [...specRoute, 'podMetadata'],
      ],
      asString(t.name) ?? `#${i + 1}`,
    );
    addContainers(view, t, route, [['initContainers', 'init']]);
    for (const field of ['container', 'script'] as const) {
      const c = t[field];
      if (isObj(c))
        view.containers.push(
          new ContainerView(view, 'container', [...route, field], c, asString(c.name) ?? 'main'),
        );
    }
    if (isObj(t.containerSet))
      addContainers(view, t.containerSet, [...route, 'containerSet'], [['containers', 'container']]);
    addContainers(view, t, route, [['sidecars', 'container']]);
    views.push(view);
  });
  return views;
}

/**
 * Tekton splits a pod in two. A `Task` (or `ClusterTask`) holds the containers — its `steps` and
 * `sidecars`, each inheriting what it leaves unset from `stepTemplate` — and `volumes`, but no
 * account, node or pod security settings: those come from whoever runs it, so its view is a
 * `containers` part. A `TaskRun` or `PipelineRun` holds the pod-level half: `podTemplate` (v1
 * PipelineRun: `taskRunTemplate.podTemplate`, and per-task `taskRunSpecs[].podTemplate`) with the
 * `serviceAccountName` beside it; those views are `pod-fields` parts without containers. Embedded
 * `taskSpec`s are not enumerated (rare in repositories: Tasks are referenced by name).
 */
function tektonViews(object: K8sObject): PodSpecView[] {
  if (object.kind === 'Task' || object.kind === 'ClusterTask') {
    const spec = asObj(object.get(['spec']));
    const view = new PodSpecView(object, 'batch', ['spec'], [['spec']], [], undefined, 'containers');
    const defaults = isObj(spec.stepTemplate) ? ['spec', 'stepTemplate'] : undefined;
    for (const field of ['steps', 'sidecars']) {
      asArray(spec[field]).forEach((c, i) => {
        if (isObj(c))
          view.containers.push(
            new ContainerView(
              view,
              'container',
              ['spec', field, i],
              c,
              asString(c.name) ?? `#${i + 1}`,
              field === 'steps' ? defaults : undefined,
            ),
          );
      });
    }
    return view.containers.length > 0 ? [view] : [];
  }
  // Pod-level layers, most specific first: a podTemplate and the object holding
  // `serviceAccountName` beside it (v1 PipelineRun: `taskRunTemplate`; v1beta1: the spec).
  const base: Route[] =
    object.kind === 'TaskRun'
      ? [['spec', 'podTemplate'], ['spec']]
      : [
          ['spec', 'taskRunTemplate', 'podTemplate'],
          ['spec', 'taskRunTemplate'],
          ['spec', 'podTemplate'],
          ['spec'],
        ];
  const views: PodSpecView[] = [];
  const add = (layers: Route[]) => {
    const isTemplate = (r: Route) => /^(p|taskP)odTemplate$/.test(String(r[r.length - 1]));
    const route = layers.find((r) => isTemplate(r) && isObj(object.get(r)));
    if (route) views.push(new PodSpecView(object, 'batch', route, layers, [], undefined, 'pod-fields'));
  };
  add(base);
  // Per-task overrides of a PipelineRun (v1 `podTemplate`, v1beta1 `taskPodTemplate`) layer over it.
  asArray(object.get(['spec', 'taskRunSpecs'])).forEach((_, i) => {
    const at = ['spec', 'taskRunSpecs', i];
    const own = ['podTemplate', 'taskPodTemplate'].map((key) => [...at, key]);
    if (own.some((r) => isObj(object.get(r)))) add([...own, at, ...base]);
  });
  return views;
}
