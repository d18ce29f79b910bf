/**
 * A real engine run (core's runAudit: fingerprints, suppressions) with a toy language and one toy
 * rule, so the GitHub side can be tested without the policy packs: every line of a `.txt` file
 * that says `image: <name>:latest` is a finding, with a fix pinning it to `:1.0`.
 */
import {
  DiskFileSource,
  type Domain,
  defineRule,
  type FileSource,
  type Language,
  RuleRegistry,
  type RunResult,
  runAudit,
  type SourceFile,
} from '@plumbline/core';
import { testConfig } from '@plumbline/core/testing';

const language: Language<SourceFile> = {
  id: 'toy',
  claims: (path) => path.endsWith('.txt'),
  parse: (file) => ({ model: file, problems: [], comments: [] }),
};

const domain: Domain<SourceFile> = {
  id: 'dockerfile',
  languages: ['toy'],
  units: (project) => project.byLanguage<SourceFile>('toy').map((p) => p.model),
};

export const toyRule = defineRule<SourceFile>({
  id: 'dockerfile/toy-latest',
  domain,
  meta: {
    title: 'Image uses the latest tag',
    description: 'A toy rule for tests.',
    rationale: 'Tests.',
    remediation: 'Pin the tag.',
    category: 'supply-chain',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    fixable: true,
    examples: { invalid: [], valid: [] },
  },
  check(file, ctx) {
    for (let line = 1; line <= file.lineCount; line++) {
      const text = file.lineText(line);
      const m = /image: (\S+):latest/.exec(text);
      if (!m) continue;
      const start = file.offset(line, 1);
      const loc = { file, start: start + m.index, end: start + m.index + m[0].length };
      ctx.report({
        at: loc,
        message: `Image ${m[1]} uses the mutable latest tag`,
        evidence: m[0],
        fix: {
          description: 'Pin the tag',
          loc: { file, start, end: start + text.length },
          replacement: text.replace(':latest', ':1.0'),
        },
      });
    }
  },
});

export async function toyScan(options: { root: string; source?: FileSource }): Promise<RunResult> {
  return runAudit({
    source: options.source ?? new DiskFileSource(options.root),
    languages: [language],
    registry: new RuleRegistry([toyRule]),
    config: testConfig(),
    now: new Date('2026-01-01T00:00:00Z'),
  });
}
