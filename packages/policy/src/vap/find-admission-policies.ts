import { type FileSource, SourceFile, type SourceEntry } from '@plumbline/core';
import {
  asArray,
  asObj,
  asString,
  type K8sObject,
  k8sObjectsOf,
  type YamlFile,
  yamlLanguage,
} from '@plumbline/lang-yaml';
import { type AdmissionFacts, collectAdmissionFacts } from './collect-admission-facts.js';

export type { AdmissionFacts, AdmissionObject } from './collect-admission-facts.js';

// Finding the admission policies of a scan parses YAML and compiles no CEL: the CLI imports this
// (`@plumbline/policy/find`) on every audit, and the rest of the package only when one is found.

export const POLICY_KIND = 'ValidatingAdmissionPolicy';
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
  const yamlEntries: SourceEntry[] = [];
  for await (const entry of source.list()) {
    if (!yamlLanguage.claims(entry.path) || entry.size > MAX_BYTES) continue;
    yamlEntries.push(entry);
    const model = await modelOf(source, entry.path, (bytes) => bytes.includes(POLICY_KIND));
    for (const object of model ? k8sObjectsOf(model) : []) {
      if (object.kind === POLICY_KIND && object.name && !policies.has(object.name))
        policies.set(object.name, { file: entry.path, data: object.data });
      if (object.kind === BINDING_KIND) bindings.push(object);
    }
  }
  if (policies.size === 0) return [];
  const refs = [...policies].map(([name, policy]) => {
    const own = bindings
      .map((b) => asObj(b.data.spec))
      .filter((spec) => asString(spec.policyName) === name);
    return {
      name,
      file: policy.file,
      actions: own.flatMap((spec) => asArray(spec.validationActions).map((a) => asString(a) ?? '')),
      policy: policy.data,
      bindings: own,
    };
  });
  const facts = await collectAdmissionFacts(
    refs.map((r) => ({ name: r.name, policy: r.policy, bindings: r.bindings })),
    yamlEntries.map((e) => e.path),
    (path, wanted) => modelOf(source, path, wanted),
  );
  return refs.map((ref, i) => ({ name: ref.name, file: ref.file, actions: ref.actions, facts: facts[i]! }));
}

/** A YAML file, parsed when its bytes pass `wanted` (undefined when unreadable or unwanted). */
async function modelOf(
  source: FileSource,
  path: string,
  wanted: (bytes: Buffer) => boolean,
): Promise<YamlFile | undefined> {
  let bytes: Buffer;
  try {
    bytes = await source.read(path);
  } catch {
    return undefined; // the engine reports unreadable files
  }
  // Every YAML file of the scan passes here: decode only those that may matter.
  if (!wanted(bytes)) return undefined;
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return yamlLanguage.parse(new SourceFile(path, text)).model as YamlFile | undefined;
}

