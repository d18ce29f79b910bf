import {
  debugTimeline,
  type FileSource,
  readAhead,
  type SourceEntry,
  SourceFile,
  utf8BytesOf,
} from '@plumbline/core';
import {
  asArray,
  asObj,
  asString,
  isKustomizationPath,
  type K8sObject,
  k8sObjectsOf,
  parseYamlWhere,
  type YamlFile,
  yamlLanguage,
} from '@plumbline/lang-yaml';
import { type AdmissionFacts, collectAdmissionFacts } from './collect-admission-facts.js';
import { mayHoldScalar } from './may-hold-scalar.js';

export type { AdmissionFacts, AdmissionObject } from './collect-admission-facts.js';

// Finding the admission policies of a scan parses YAML and compiles no CEL: the CLI imports this
// (`@plumbline/policy/find`) on every audit, and the rest of the package only when one is found.

export const POLICY_KIND = 'ValidatingAdmissionPolicy';
/** The rule of the admission policy `<name>` is `vap/<name>`. */
export const ADMISSION_RULE_PREFIX = 'vap/';
/** The languages of the files admission policies are found in and check (Kubernetes YAML). */
export const ADMISSION_POLICY_LANGUAGES: readonly string[] = [yamlLanguage.id];
export const BINDING_KIND = 'ValidatingAdmissionPolicyBinding';

/** Files larger than this are not looked into (the engine's default limit is 5 MiB). */
const MAX_BYTES = 5_000_000;

export interface AdmissionPolicyRef {
  name: string;
  file: string;
  /** Validation actions of the scan's bindings of this policy (empty: no binding found). */
  actions: string[];
  /**
   * What the policy reads from the whole scan, as plain data (see collect-admission-facts.ts): its
   * manifest, its bindings, its params and namespaces. Each thread's rule reads these instead of
   * its shard, so the YAML can be split.
   */
  facts: AdmissionFacts;
}

/**
 * The admission policies of a scan, found before the engine runs so that each one gets its own
 * rule id (`vap/<name>`) in the registry, config and reports, with what they read from other
 * files. Reads only YAML files that mention the kind (and, when a policy takes params or reads
 * namespaces, those that may hold them); the evaluation itself runs in the engine.
 */
export async function findAdmissionPolicies(source: FileSource): Promise<AdmissionPolicyRef[]> {
  const policies = new Map<string, { file: string; data: Record<string, unknown> }>();
  const bindings: K8sObject[] = [];
  // The bytes of the files that may hold an object, kept until the facts are collected so that
  // no file is read twice (the scan's YAML is read once more by the engine anyway), and the files
  // parsed here, so that none is parsed twice.
  const kept = new Map<string, Buffer>();
  const parsed = new Map<string, YamlFile | undefined>();
  const yaml: SourceEntry[] = [];
  for await (const entry of source.list())
    if (yamlLanguage.claims(entry.path) && entry.size <= MAX_BYTES) yaml.push(entry);
  // Several reads in flight: a pull request's base is read from `git cat-file`, a round trip a file.
  const reads = readAhead(
    source,
    yaml.map((entry) => entry.path),
  );
  for (const entry of yaml) {
    const outcome = (await reads.next()).value!;
    if ('error' in outcome) continue; // the engine reports unreadable files
    const bytes = utf8BytesOf(outcome.bytes);
    if (!bytes) continue; // binary: the engine parses it no more
    if (mayHoldObjects(entry.path, bytes)) kept.set(entry.path, bytes);
    // Every YAML file of the scan passes here: decode only those that may name the kinds.
    if (!mayHoldScalar(bytes, POLICY_KIND) && !mayHoldScalar(bytes, BINDING_KIND)) continue;
    const model = modelOf(entry.path, bytes);
    parsed.set(entry.path, model);
    for (const object of model ? k8sObjectsOf(model) : []) {
      if (object.kind === POLICY_KIND && object.name && !policies.has(object.name))
        policies.set(object.name, { file: entry.path, data: object.data });
      if (object.kind === BINDING_KIND) bindings.push(object);
    }
  }
  debugTimeline('admission policies found');
  if (policies.size === 0) return [];
  const refs = [...policies].map(([name, policy]) => {
    const own = bindings.map((b) => asObj(b.data.spec)).filter((spec) => asString(spec.policyName) === name);
    return {
      name,
      file: policy.file,
      actions: own.flatMap((spec) => asArray(spec.validationActions).map((a) => asString(a) ?? '')),
      policy: policy.data,
      bindings: own,
    };
  });
  const facts = collectAdmissionFacts(
    refs.map((r) => ({ name: r.name, policy: r.policy, bindings: r.bindings })),
    [...kept.keys()],
    (path, wanted) => {
      // Parsed already: its objects are filtered by kind anyway, whatever `wanted` says.
      if (parsed.has(path)) return parsed.get(path);
      const bytes = kept.get(path);
      if (!bytes || !wanted(bytes)) return undefined;
      // Only the documents that may hold what is wanted (bundles of CRDs hold one Namespace).
      return modelOf(path, bytes, (text) => wanted(Buffer.from(text)));
    },
  );
  debugTimeline('admission facts collected');
  return refs.map((ref, i) => ({ name: ref.name, file: ref.file, actions: ref.actions, facts: facts[i]! }));
}

/**
 * Can the YAML language find an object or a kustomization in this file? It parses only files with
 * an `apiVersion:` or `kind:` line, kustomizations and workflows (by path or text): the key names
 * are in the bytes unless written with escapes.
 */
function mayHoldObjects(path: string, bytes: Buffer): boolean {
  return (
    bytes.includes('kind') ||
    bytes.includes('apiVersion') ||
    bytes.includes('\\') ||
    isKustomizationPath(path)
  );
}

/**
 * A YAML file as the engine parses it (undefined: not a document the YAML language reads), or
 * only its documents that `wanted` lets through (their data as the engine reads it).
 */
function modelOf(path: string, bytes: Buffer, wanted?: (text: string) => boolean): YamlFile | undefined {
  const file = new SourceFile(path, bytes.toString('utf8').replace(/^\uFEFF/, ''));
  try {
    return wanted ? parseYamlWhere(file, wanted) : (yamlLanguage.parse(file).model as YamlFile | undefined);
  } catch {
    return undefined; // too deep to parse: the engine reports the file
  }
}
