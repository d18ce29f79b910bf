import { type AnyRule, defineRule, isRendered, type Project, type Severity } from '@plumbline/core';
import {
  asArray,
  asObj,
  asString,
  isObj,
  type K8sObject,
  k8sGraph,
  podSpecsOf,
  selectorMatches,
} from '@plumbline/lang-yaml';
import { k8sDomain } from '@plumbline/policy-kubernetes';
import { Budget, metered } from '../cel/budget.js';
import { CelCompileError, type CompiledExpression, compileExpression } from '../cel/compile.js';
import { LazyVariables } from '../cel/lazy-variables.js';
import {
  ADMISSION_RULE_PREFIX,
  type AdmissionObject,
  type AdmissionPolicyRef,
  BINDING_KIND,
  POLICY_KIND,
} from './find-admission-policies.js';
import { matchesResources, type NamespaceLookup, namespaceObject, pluralOf } from './match-constraints.js';

export { type AdmissionPolicyRef, findAdmissionPolicies } from './find-admission-policies.js';

/** What an admission policy's expressions may read (`authorizer` is not supported). */
const VAP_VARIABLES = ['object', 'oldObject', 'request', 'params', 'namespaceObject', 'variables'];

/** Deny (or no binding in the scan) blocks the deploy: high; Warn only: medium; Audit only: low. */
function severityOf(actions: string[]): Severity {
  if (actions.length === 0 || actions.includes('Deny')) return 'high';
  return actions.includes('Warn') ? 'medium' : 'low';
}

/** One rule per admission policy of the scan, on the Kubernetes domain. */
export function admissionPolicyRules(policies: AdmissionPolicyRef[]): AnyRule[] {
  return policies.map((ref) =>
    defineRule<K8sObject>({
      id: `${ADMISSION_RULE_PREFIX}${ref.name}`,
      domain: k8sDomain,
      // Not `wholeProject`: what the policy reads from other files (its manifest, bindings, params,
      // namespaces) comes with the rule as `ref.facts`, so the YAML may be split over threads.
      meta: {
        title: `ValidatingAdmissionPolicy ${ref.name}`,
        description: `The cluster's admission policy \`${ref.name}\` (in \`${ref.file}\`) would reject this object.`,
        rationale:
          'The cluster evaluates this policy on every create and update; a manifest that fails it is rejected at deploy time. Checking it before merge moves the failure to the pull request.',
        remediation: `Change the object so that it satisfies the validations of \`${ref.name}\`, or exclude it in the policy's binding.`,
        category: 'reliability',
        severity: severityOf(ref.actions),
        confidence: 'high',
        aliases: [],
        docs: { path: ref.file },
        examples: { invalid: [], valid: [] },
      },
      check(object, context) {
        const { policy, scope, manifest } = admissionState(context.project, ref);
        if (object === manifest) {
          for (const problem of policy.problems)
            context.report({
              at: problem.exact
                ? (object.at(problem.route) ?? object.nearest(problem.route))
                : object.nearest(problem.route),
              message: problem.message,
              container: object.loc,
            });
          return;
        }
        if (policy.problems.length > 0) return;
        for (const violation of evaluate(policy, object, scope))
          context.report({
            at: violation.at ?? object.head,
            message: violation.message,
            evidence: violation.evidence,
            container: object.loc,
          });
      },
    }),
  );
}

interface CompiledAdmissionPolicy {
  name: string;
  spec: Record<string, unknown>;
  failOnError: boolean;
  paramKind: { apiVersion: string; kind: string } | undefined;
  matchConditions: { name: string; expression: CompiledExpression }[];
  variables: { name: string; expression: CompiledExpression }[];
  validations: {
    index: number;
    source: string;
    expression: CompiledExpression;
    message: string | undefined;
    messageExpression: CompiledExpression | undefined;
  }[];
  /** Reported on the policy's manifest (`exact`: at the route's value when it has one). */
  problems: { route: (string | number)[]; exact: boolean; message: string }[];
}

/** What a policy reads besides the object it admits. */
interface AdmissionScope {
  /** The `spec` of each binding of the policy. */
  bindings: Record<string, unknown>[];
  /** Objects of the policy's `paramKind` (a superset of those its bindings name). */
  params: AdmissionObject[];
  namespaces: NamespaceLookup;
}

/**
 * Each rule's policy compiled once per thread, not once per shard: its expressions are parsed and
 * planned, which was a third of a policy's time on a repository of a few hundred objects, and the
 * same in each of a scan's shards (bench/README.md, fifteenth session). A compiled policy holds
 * no state between evaluations.
 */
const compiledPolicies = new WeakMap<AdmissionPolicyRef, CompiledAdmissionPolicy>();

function compiledPolicy(ref: AdmissionPolicyRef): CompiledAdmissionPolicy {
  let policy = compiledPolicies.get(ref);
  if (!policy) {
    policy = compileAdmissionPolicy(ref.name, ref.facts.policy);
    compiledPolicies.set(ref, policy);
  }
  return policy;
}

/**
 * The compiled policy and what it reads, once per project (a thread's shard). Loose files are read
 * from the facts the main thread collected over the whole scan, never from the shard, so every
 * split gives the same answer; rendered objects (Helm, kustomize builds) exist only in the thread
 * that rendered them, which holds every YAML file of the scan (pool/plan-shards.ts), and are added.
 */
function admissionState(project: Project, ref: AdmissionPolicyRef) {
  return project.memo(`policy:vap:${ref.name}`, () => {
    const policy = compiledPolicy(ref);
    const graph = k8sGraph(project);
    const rendered = graph.objects.filter((o) => isRendered(o.file));
    const bindings = [
      ...ref.facts.bindings,
      ...rendered
        .filter((o) => o.kind === BINDING_KIND)
        .map((o) => asObj(o.data.spec))
        .filter((spec) => asString(spec.policyName) === ref.name),
    ];
    const paramKind = policy.paramKind?.kind;
    const params = [...ref.facts.params, ...rendered.filter((o) => paramKind && o.kind === paramKind)];
    const namespaces = new Map<string, AdmissionObject>();
    for (const ns of [...ref.facts.namespaces, ...rendered.filter((o) => o.kind === 'Namespace')])
      if (!namespaces.has(ns.name)) namespaces.set(ns.name, ns);
    // The manifest the policy was found in, when this shard holds it: its problems are reported
    // there; else on its rendered copy (a kustomize build claims the files it reads).
    const manifests = graph.ofKind(POLICY_KIND).filter((o) => o.name === ref.name);
    const manifest =
      manifests.find((o) => o.file.path === ref.file && !isRendered(o.file)) ??
      manifests.find((o) => isRendered(o.file));
    const scope: AdmissionScope = { bindings, params, namespaces: (name) => namespaces.get(name) };
    return { policy, scope, manifest };
  });
}

function compileAdmissionPolicy(name: string, manifest: Record<string, unknown>): CompiledAdmissionPolicy {
  const spec = asObj(manifest.spec);
  const problems: CompiledAdmissionPolicy['problems'] = [];
  const compile = (source: unknown, route: (string | number)[], names: string[]) => {
    if (typeof source !== 'string') {
      problems.push({ route, exact: false, message: `${route.join('.')}: expected a CEL expression string` });
      return undefined;
    }
    try {
      return compileExpression(source, names);
    } catch (error) {
      if (!(error instanceof CelCompileError)) throw error;
      const unsupported = /'authorizer'/.test(error.message)
        ? ' (authorizer checks are not supported before merge)'
        : '';
      problems.push({
        route,
        exact: true,
        message: `${POLICY_KIND} ${name}: ${route.join('.')} does not compile: ${error.message}${unsupported}`,
      });
      return undefined;
    }
  };
  const matchConditions = asArray(spec.matchConditions).flatMap((c, i) => {
    const expression = compile(
      asObj(c).expression,
      ['spec', 'matchConditions', i, 'expression'],
      VAP_VARIABLES,
    );
    return expression ? [{ name: asString(asObj(c).name) ?? String(i), expression }] : [];
  });
  const variables = asArray(spec.variables).flatMap((v, i) => {
    const expression = compile(asObj(v).expression, ['spec', 'variables', i, 'expression'], VAP_VARIABLES);
    return expression ? [{ name: asString(asObj(v).name) ?? `v${i}`, expression }] : [];
  });
  const validations = asArray(spec.validations).flatMap((v, index) => {
    const data = asObj(v);
    const expression = compile(data.expression, ['spec', 'validations', index, 'expression'], VAP_VARIABLES);
    const messageExpression =
      data.messageExpression === undefined
        ? undefined
        : compile(data.messageExpression, ['spec', 'validations', index, 'messageExpression'], VAP_VARIABLES);
    return expression
      ? [
          {
            index,
            source: String(data.expression),
            expression,
            message: asString(data.message),
            messageExpression,
          },
        ]
      : [];
  });
  const paramKind = isObj(spec.paramKind)
    ? { apiVersion: asString(spec.paramKind.apiVersion) ?? '', kind: asString(spec.paramKind.kind) ?? '' }
    : undefined;
  return {
    name,
    spec,
    failOnError: asString(spec.failurePolicy) !== 'Ignore',
    paramKind,
    matchConditions,
    variables,
    validations,
    problems,
  };
}

const budget = new Budget();

interface Violation {
  message: string;
  evidence: string;
  /** Where to report: the object's head, or the pod template a pod policy rejects. */
  at?: K8sObject['loc'];
  /** An expression failed to evaluate (rather than evaluated to false). */
  error?: boolean;
}

/** What the API server admits: a manifest, or a pod a workload's controller will create. */
export type AdmissionSubject = Pick<
  K8sObject,
  'data' | 'apiVersion' | 'group' | 'kind' | 'name' | 'namespace' | 'clusterScoped' | 'labels' | 'resource'
>;

/**
 * The pods a workload will create, as the API server will see them: a policy on `pods` rejects
 * them at rollout time, after the Deployment itself was admitted, so it is checked on the template.
 */
function podsOf(object: K8sObject): { pod: AdmissionSubject; at: K8sObject['loc'] }[] {
  if (object.kind === 'Pod') return [];
  return podSpecsOf(object)
    .filter((view) => view.route.length > 0)
    .map((view) => {
      const metadata = asObj(view.metadataRoutes.length ? object.get(view.metadataRoutes[0]!) : undefined);
      const labels = Object.fromEntries(
        Object.entries(asObj(metadata.labels)).map(([k, v]) => [k, String(v)]),
      );
      const name = `${object.name}-pod`;
      return {
        at: view.anchor,
        pod: {
          data: {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { ...metadata, name, namespace: object.namespace },
            spec: object.get(view.route) ?? {},
          },
          apiVersion: 'v1',
          group: '',
          kind: 'Pod',
          name,
          namespace: object.namespace,
          clusterScoped: false,
          labels,
          resource: `pods of ${object.resource}`,
        },
      };
    });
}

function evaluate(policy: CompiledAdmissionPolicy, object: K8sObject, scope: AdmissionScope): Violation[] {
  if (object.kind === POLICY_KIND || object.kind === BINDING_KIND || object.partial) return [];
  // Pods are defaulted and mutated by the API server before validation (see below): only a
  // definite `false` is reported on them.
  const out = evaluateSubject(policy, object, scope).filter((v) => object.kind !== 'Pod' || !v.error);
  // The API server defaults and mutates a pod (default tolerations, token volumes) before
  // validating it, which a manifest does not show: on pods, only a definite `false` is reported.
  for (const { pod, at } of podsOf(object))
    for (const v of evaluateSubject(policy, pod, scope))
      if (!v.error) out.push({ ...v, at, evidence: `pod ${v.evidence}` });
  return out;
}

function evaluateSubject(
  policy: CompiledAdmissionPolicy,
  object: AdmissionSubject,
  scope: AdmissionScope,
): Violation[] {
  if (!matchesResources(policy.spec.matchConstraints, object, scope.namespaces)) return [];
  // A policy without a binding in the scan is checked as if bound cluster-wide (the binding may live elsewhere).
  const bound = scope.bindings.length ? scope.bindings : [{}];
  const out = new Map<string, Violation>();
  for (const binding of bound) {
    if (
      binding.matchResources !== undefined &&
      !matchesResources(binding.matchResources, object, scope.namespaces)
    )
      continue;
    const paramSets = paramsFor(policy, binding, object, scope);
    for (const params of paramSets) {
      for (const v of evaluateOnce(policy, object, scope, params, binding)) out.set(v.evidence, v);
    }
  }
  return [...out.values()];
}

/** Params objects of a binding's `paramRef` found in the scan; `[null]` when the policy takes none. */
function paramsFor(
  policy: CompiledAdmissionPolicy,
  binding: Record<string, unknown>,
  object: AdmissionSubject,
  scope: AdmissionScope,
): (AdmissionObject | null)[] {
  if (!policy.paramKind) return [null];
  const ref = asObj(binding.paramRef);
  if (Object.keys(ref).length === 0) return [];
  const candidates = scope.params.filter(
    (o) => !policy.paramKind!.apiVersion || o.apiVersion === policy.paramKind!.apiVersion,
  );
  const namespace = asString(ref.namespace) ?? (candidates[0]?.clusterScoped ? '' : object.namespace);
  const name = asString(ref.name);
  return candidates.filter(
    (o) =>
      (o.clusterScoped || o.namespace === namespace) &&
      (name ? o.name === name : ref.selector === undefined || selectorMatches(ref.selector, o.labels)),
  );
}

function evaluateOnce(
  policy: CompiledAdmissionPolicy,
  object: AdmissionSubject,
  scope: AdmissionScope,
  params: AdmissionObject | null,
  binding: Record<string, unknown>,
): Violation[] {
  const version = object.apiVersion.includes('/') ? object.apiVersion.split('/')[1]! : object.apiVersion;
  const bindings: Record<string, unknown> = {
    object: metered(object.data, budget),
    oldObject: null,
    params: params ? metered(params.data, budget) : null,
    namespaceObject: metered(namespaceObject(object, scope.namespaces)?.data ?? null, budget),
    request: metered(
      {
        kind: { group: object.group, version, kind: object.kind },
        resource: { group: object.group, version, resource: pluralOf(object.kind) },
        name: object.name,
        namespace: object.clusterScoped ? '' : object.namespace,
        operation: 'CREATE',
        userInfo: { username: '', groups: [] },
        dryRun: false,
      },
      budget,
    ),
  };
  bindings.variables = new LazyVariables(policy.variables, bindings, budget);
  const label = `${POLICY_KIND} ${policy.name}${params ? ` (params ${params.resource})` : ''}`;
  const failure = (what: string, error: string): Violation[] =>
    policy.failOnError
      ? [
          {
            message: `${label}: ${what} could not be evaluated: ${error}`,
            evidence: `${what} error`,
            error: true,
          },
        ]
      : [];
  for (const condition of policy.matchConditions) {
    const r = condition.expression.evaluate(bindings, budget);
    if (!r.ok) return failure(`matchConditions ${condition.name}`, r.error);
    if (r.value !== true) return [];
  }
  const actions = asArray(binding.validationActions).map((a) => asString(a) ?? '');
  const verb =
    actions.length === 0 || actions.includes('Deny')
      ? 'denies'
      : actions.includes('Warn')
        ? 'warns about'
        : 'audits';
  const out: Violation[] = [];
  for (const validation of policy.validations) {
    const r = validation.expression.evaluate(bindings, budget);
    if (!r.ok) {
      out.push(...failure(`validations[${validation.index}]`, r.error));
      continue;
    }
    if (r.value === true) continue;
    let message = validation.message ?? `failed expression: ${validation.source.trim()}`;
    if (validation.messageExpression) {
      const m = validation.messageExpression.evaluate(bindings, budget);
      if (m.ok && typeof m.value === 'string' && m.value.trim()) message = m.value;
    }
    out.push({
      message: `${label} ${verb} ${object.resource}: ${message}`,
      evidence: `validations[${validation.index}]${params ? ` ${params.resource}` : ''}`,
    });
  }
  return out;
}
