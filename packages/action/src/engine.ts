/**
 * The scanner and the reporters the Action drives. INTERIM: until `@plumbline/cli` (scan) and
 * `@plumbline/reporters` land on main, this file holds stand-ins with the same signatures; it is the
 * only file that changes when they do.
 */
import {
  type Baseline,
  coreRules,
  DEFAULT_MAX_FILE_SIZE,
  DiskFileSource,
  defineRule,
  type FileSource,
  RuleRegistry,
  type RunResult,
  runAudit,
  type Severity,
} from '@plumbline/core';
import { yamlLanguage } from '@plumbline/lang-yaml';

export interface ScanOptions {
  root: string;
  source?: FileSource;
  configPath?: string;
  presets?: string[];
  include?: string[];
  exclude?: string[];
  baseline?: Baseline;
  failOn?: Severity | 'none';
}

export interface MarkdownOptions {
  title?: string;
  maxLength?: number;
  fileUrl?: (file: string, line: number) => string;
  ruleUrl?: (ruleId: string) => string;
  onlyNew?: boolean;
  marker?: string;
}

export interface Engine {
  scan(options: ScanOptions): Promise<RunResult>;
  renderSarif(result: RunResult): string;
  renderMarkdown(result: RunResult, options?: MarkdownOptions): string;
  renderText(result: RunResult): string;
}

/** Interim: a rule with no checks whose domain reads YAML, so YAML files are parsed (parse errors are findings). */
const readYaml = defineRule({
  id: 'gha/interim-read-yaml',
  domain: { id: 'gha', languages: ['yaml'], units: () => [] },
  meta: {
    title: 'Interim',
    description: 'Makes the engine parse YAML until the policy packs are wired in.',
    rationale: '-',
    remediation: '-',
    category: 'best-practice',
    severity: 'info',
    confidence: 'low',
    aliases: [],
    examples: { invalid: [], valid: [] },
  },
  check() {},
});

export async function scan(options: ScanOptions): Promise<RunResult> {
  return runAudit({
    source: options.source ?? new DiskFileSource(options.root),
    languages: [yamlLanguage],
    registry: new RuleRegistry([...coreRules, readYaml]),
    config: { sources: [], rules: new Map(), ignore: [], exceptions: [], maxFileSize: DEFAULT_MAX_FILE_SIZE },
    include: options.include,
    exclude: options.exclude,
    baseline: options.baseline,
  });
}

export function renderSarif(result: RunResult): string {
  return `${JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: result.tool.name,
              version: result.tool.version,
              rules: result.rules.map((r) => ({ id: r.id, helpUri: r.helpUri })),
            },
          },
          results: result.findings.map((f) => ({
            ruleId: f.ruleId,
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
                  region: {
                    startLine: f.startLine,
                    startColumn: f.startColumn,
                    endLine: f.endLine,
                    endColumn: f.endColumn,
                  },
                },
              },
            ],
            partialFingerprints: { plumbline: f.fingerprint },
          })),
        },
      ],
    },
    null,
    2,
  )}\n`;
}

export function renderMarkdown(result: RunResult, options: MarkdownOptions = {}): string {
  const lines = [options.marker ?? '', `### ${options.title ?? 'Plumbline'}`, ''];
  const shown = result.findings.filter((f) => !f.suppressed);
  if (shown.length === 0) lines.push('No findings.');
  else lines.push('| Severity | Rule | Location | Message |', '|---|---|---|---|');
  for (const f of shown) {
    const where = options.fileUrl
      ? `[${f.file}:${f.startLine}](${options.fileUrl(f.file, f.startLine)})`
      : `${f.file}:${f.startLine}`;
    const rule = options.ruleUrl ? `[${f.ruleId}](${options.ruleUrl(f.ruleId)})` : f.ruleId;
    lines.push(
      `| ${f.severity} | ${rule} | ${where} | ${f.message.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`,
    );
  }
  const text = lines.filter((l, i) => i > 0 || l).join('\n');
  return options.maxLength && text.length > options.maxLength ? text.slice(0, options.maxLength) : text;
}

export function renderText(result: RunResult): string {
  return result.findings
    .filter((f) => !f.suppressed)
    .map((f) => `${f.file}:${f.startLine}:${f.startColumn}  ${f.severity}  ${f.ruleId}  ${f.message}`)
    .join('\n');
}
