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

/** How many reads run ahead of the file being looked at. */
const READS_AHEAD = 16;

/**
 * The admission policies of a scan, found before the engine runs so that each one gets its own
 * rule id (`vap/<name>`) in the registry, config and reports. Reads only YAML files that mention
 * the kind; the evaluation itself runs on the engine's parsed project.
 */
export async function findAdmissionPolicies(source: FileSource): Promise<AdmissionPolicyRef[]> {
  const byName = new Map<string, AdmissionPolicyRef>();
  const actions = new Map<string, string[]>();
  // Reads are started a few at a time ahead of the one looked at (each is several file-system
  // calls, mostly waiting), and looked at in listing order, so the result does not depend on timing.
  const pending: { path: string; content: Promise<Buffer | undefined> }[] = [];
  const candidates = async function* () {
    for await (const entry of source.list()) {
      if (!yamlLanguage.claims(entry.path) || entry.size > 5_000_000) continue;
      // Unreadable files are left to the engine, which reports them.
      pending.push({ path: entry.path, content: source.read(entry.path).catch(() => undefined) });
      if (pending.length >= READS_AHEAD) yield pending.shift()!;
    }
    yield* pending.splice(0);
  };
  for await (const { path, content } of candidates()) {
    const bytes = await content;
    // The kind is ASCII: looking for its bytes finds what looking in the decoded text would.
    if (!bytes?.includes(POLICY_KIND)) continue;
    const model = yamlLanguage.parse(new SourceFile(path, bytes.toString('utf8'))).model as
      | YamlFile
      | undefined;
    if (!model) continue;
    for (const object of k8sObjectsOf(model)) {
      if (object.kind === POLICY_KIND && object.name && !byName.has(object.name))
        byName.set(object.name, { name: object.name, file: path, actions: [] });
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
