import {
  compareText,
  type FileSource,
  type ParsedFile,
  Project,
  parseLoading,
  SourceFile,
} from '@plumbline/core';
import { LANGUAGES } from './input/index.js';
import { policyLanguages } from './languages.js';
import type { PolicySpec } from './load/policy-document.js';

export interface InspectedUnit {
  /** `kubernetes`, `dockerfile`, `terraform` (a resource), `terraform-module`, `workflow`. */
  language: string;
  file: string;
  line: number;
  resource?: string;
  /** The variables a policy's expressions see for this unit. */
  input: Record<string, unknown>;
}

/**
 * The input of every unit of the files a source holds, as policies see it: for writing policies,
 * and for porting Rego policies written against Conftest's input.
 */
export async function inspectInputs(
  source: FileSource,
): Promise<{ units: InspectedUnit[]; problems: string[] }> {
  const parsed: ParsedFile[] = [];
  const problems: string[] = [];
  for (const language of policyLanguages) await language.init?.();
  for await (const entry of source.list()) {
    const language = policyLanguages.find((l) => l.claims(entry.path));
    if (!language) continue;
    const file = new SourceFile(entry.path, (await source.read(entry.path)).toString('utf8'));
    const result = await parseLoading(language, file);
    for (const p of result.problems)
      problems.push(`${entry.path}:${file.position(p.loc.start).line}: ${p.message}`);
    if (result.model !== undefined)
      parsed.push({ language: language.id, file, model: result.model, comments: result.comments });
  }
  const project = new Project(parsed);
  const units: InspectedUnit[] = [];
  const add = (language: string, match: PolicySpec['match']) => {
    const binding = LANGUAGES[match.language];
    for (const unit of binding.domain.units(project)) {
      for (const input of binding.inputs(unit, match, project)) {
        units.push({
          language,
          file: input.head.file.path,
          line: input.head.file.position(input.head.start).line,
          ...(input.resource ? { resource: input.resource } : {}),
          input: input.variables,
        });
      }
    }
  };
  add('kubernetes', { language: 'kubernetes' });
  add('dockerfile', { language: 'dockerfile' });
  add('terraform-module', { language: 'terraform', scope: 'module' });
  add('terraform', { language: 'terraform' });
  add('workflow', { language: 'workflow' });
  units.sort((a, b) => compareText(a.file, b.file) || a.line - b.line);
  return { units, problems };
}
