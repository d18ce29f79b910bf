import { type CompiledPolicy, compilePolicy } from '../compile-policy.js';
import { collectPolicyFiles, type LoadPoliciesOptions, type PolicyFileText } from './collect-policy-files.js';
import { type ParsedPolicyDocument, parsePolicyFile } from './parse-policy-file.js';
import type { PolicyDocument, PolicyTestDocument } from './policy-document.js';
import { PolicyLoadError } from './policy-error.js';

/** Parses, checks and compiles policy files; the first problem throws PolicyLoadError. */
export function compilePolicyFiles(files: PolicyFileText[]): CompiledPolicy[] {
  const compiled: CompiledPolicy[] = [];
  const seen = new Map<string, string>();
  for (const { file, text } of files) {
    for (const parsed of parsePolicyFile(file, text)) {
      if (parsed.data.kind !== 'Policy') {
        const at = parsed.where(['kind']);
        throw new PolicyLoadError(
          file,
          at.line,
          at.column,
          'kind: a PolicyTest belongs in a *.test.yaml file',
        );
      }
      const policy = compilePolicy(parsed as ParsedPolicyDocument<PolicyDocument>);
      const id = policy.rule.id;
      if (seen.has(id)) {
        const at = parsed.where(['metadata', 'id']);
        throw new PolicyLoadError(
          file,
          at.line,
          at.column,
          `metadata.id: ${id} is already defined in ${seen.get(id)}`,
        );
      }
      seen.set(id, file);
      compiled.push(policy);
    }
  }
  return compiled;
}

export async function loadPolicies(options: LoadPoliciesOptions): Promise<CompiledPolicy[]> {
  return compilePolicyFiles(await collectPolicyFiles(options));
}

/** Test documents (`*.test.yaml`) of a file list. */
export function parseTestFile(file: string, text: string): ParsedPolicyDocument<PolicyTestDocument>[] {
  return parsePolicyFile(file, text).map((doc) => {
    if (doc.data.kind !== 'PolicyTest') {
      const at = doc.where(['kind']);
      throw new PolicyLoadError(
        file,
        at.line,
        at.column,
        'kind: a *.test.yaml file holds PolicyTest documents',
      );
    }
    return doc as ParsedPolicyDocument<PolicyTestDocument>;
  });
}

export {
  collectPolicyFiles,
  isPolicyPath,
  type LoadPoliciesOptions,
  POLICY_DIR,
  type PolicyFileText,
} from './collect-policy-files.js';
