import { type FileSource, SourceFile } from '@plumbline/core';
import { asArray, asObj, asString, k8sObjectsOf, type YamlFile, yamlLanguage } from '@plumbline/lang-yaml';

// Finding the admission policies of a scan parses YAML and compiles no CEL: the CLI imports this
// (`@plumbline/policy/find`) on every audit, and the rest of the package only when one is found.

export const POLICY_KIND = 'ValidatingAdmissionPolicy';
export const BINDING_KIND = 'ValidatingAdmissionPolicyBinding';

export interface AdmissionPolicyRef {
  name: string;
  file: string;
  /** Validation actions of the scan's bindings of this policy (empty: no binding found). */
  actions: string[];
}

/**
 * The admission policies of a scan, found before the engine runs so that each one gets its own
 * rule id (`vap/<name>`) in the registry, config and reports. Reads only YAML files that mention
 * the kind; the evaluation itself runs on the engine's parsed project.
 */
export async function findAdmissionPolicies(source: FileSource): Promise<AdmissionPolicyRef[]> {
  const byName = new Map<string, AdmissionPolicyRef>();
  const actions = new Map<string, string[]>();
  for await (const entry of source.list()) {
    if (!yamlLanguage.claims(entry.path) || entry.size > 5_000_000) continue;
    let bytes: Buffer;
    try {
      bytes = await source.read(entry.path);
    } catch {
      continue; // the engine reports unreadable files
    }
    // Every YAML file of the scan passes here: decode only those that name the kind.
    if (!bytes.includes(POLICY_KIND)) continue;
    const text = bytes.toString('utf8');
    const model = yamlLanguage.parse(new SourceFile(entry.path, text)).model as YamlFile | undefined;
    if (!model) continue;
    for (const object of k8sObjectsOf(model)) {
      if (object.kind === POLICY_KIND && object.name && !byName.has(object.name))
        byName.set(object.name, { name: object.name, file: entry.path, actions: [] });
      if (object.kind === BINDING_KIND) {
        const spec = asObj(object.data.spec);
        const policy = asString(spec.policyName);
        if (policy)
          actions.set(policy, [
            ...(actions.get(policy) ?? []),
            ...asArray(spec.validationActions).map((a) => asString(a) ?? ''),
          ]);
      }
    }
  }
  return [...byName.values()].map((p) => ({ ...p, actions: actions.get(p.name) ?? [] }));
}
