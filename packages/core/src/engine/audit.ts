import type { ResolvedConfig } from '../config/config.js';
import type { Finding, RuleDescriptor, RunResult, ScanError } from '../model/finding.js';
import type { Language, ParsedFile, ParseProblem } from '../model/language.js';
import { Project } from '../model/project.js';
import type { AnyRule, Report } from '../model/rule.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { locOf, SourceFile, textOf } from '../model/source.js';
import { parseErrorRule } from '../rules/parse-error.js';
import { applySuppressions } from '../suppress/apply.js';
import type { Baseline } from './baseline.js';
import type { FileSource } from './file-source.js';
import { fingerprint } from './fingerprint.js';
import { globMatcher } from './globs.js';
import type { RuleRegistry } from './registry.js';

export interface AuditOptions {
  source: FileSource;
  languages: readonly Language[];
  registry: RuleRegistry;
  config: ResolvedConfig;
  /** Only files matching these globs are scanned (all when empty). */
  include?: string[];
  /** Files matching these globs are not scanned (on top of config `ignore`). */
  exclude?: string[];
  baseline?: Baseline;
  /** Today, for exception expiry (tests pin it). */
  now?: Date;
  tool?: { name: string; version: string; informationUri: string };
  docsBaseUrl?: string;
  /** Called after each file is parsed (progress display). */
  onFile?: (path: string, done: number) => void;
}

/** A finding before suppressions: the rule's report with its location resolved. */
export interface RawFinding extends Finding {
  /** Lines of the enclosing object, for ignore comments placed anywhere inside it. */
  containerLines?: [number, number];
}

const DEFAULT_TOOL = {
  name: 'plumbline',
  version: '0.0.0',
  informationUri: 'https://github.com/plumbline-dev/plumbline',
};
export const DEFAULT_DOCS_BASE = 'https://github.com/plumbline-dev/plumbline/blob/main/docs/rules';

/**
 * The whole pipeline: discover → parse once → run rules → resolve spans → suppress → sort.
 * Pure apart from the FileSource it reads through; never throws for a bad input file.
 */
export async function runAudit(options: AuditOptions): Promise<RunResult> {
  const started = performance.now();
  const { registry, config } = options;
  const errors: ScanError[] = [];
  const raw: RawFinding[] = [];
  const enabled = enabledRules(registry, config);
  const descriptors = new Map<string, RuleDescriptor>();
  const describe = (rule: AnyRule) => {
    if (!descriptors.has(rule.id))
      descriptors.set(rule.id, describeRule(rule, options.docsBaseUrl ?? DEFAULT_DOCS_BASE));
    return descriptors.get(rule.id)!;
  };
  // Parse only what enabled rules read; every language when parse errors themselves are reported.
  const neededLanguages = new Set(enabled.flatMap((r) => r.domain.languages));
  const languages = isEnabled(config, parseErrorRule)
    ? options.languages
    : options.languages.filter((l) => neededLanguages.has(l.id));
  for (const language of languages) await language.init?.();

  const skip = globMatcher([...config.ignore, ...(options.exclude ?? [])]);
  const include = options.include?.length ? globMatcher(options.include) : () => true;
  const parsed: ParsedFile[] = [];
  let done = 0;
  /** Files a language really parsed (a YAML file that is no manifest is read, not counted). */
  let handled = 0;
  for await (const entry of options.source.list()) {
    if (skip(entry.path) || !include(entry.path)) continue;
    const language = languages.find((l) => l.claims(entry.path));
    if (!language) continue;
    done++;
    if (entry.size > config.maxFileSize) {
      errors.push({
        kind: 'too-large',
        file: entry.path,
        message: `skipped: ${entry.size} bytes is over the ${config.maxFileSize}-byte limit (maxFileSize)`,
      });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await options.source.read(entry.path);
    } catch (error) {
      errors.push({
        kind: 'unreadable',
        file: entry.path,
        message: `cannot read: ${(error as Error).message}`,
      });
      continue;
    }
    if (bytes.subarray(0, 8000).includes(0)) {
      errors.push({ kind: 'binary', file: entry.path, message: 'skipped: binary content (NUL bytes)' });
      continue;
    }
    const file = new SourceFile(entry.path, bytes.toString('utf8').replace(/^\uFEFF/, ''));
    try {
      const result = language.parse(file);
      for (const problem of result.problems) errors.push(parseErrorOf(problem));
      // One finding per broken file: parsers report cascades of errors after the first one.
      const [first, ...rest] = result.problems;
      if (first && isEnabled(config, parseErrorRule)) {
        const more = rest.length
          ? ` (and ${rest.length} more ${rest.length === 1 ? 'error' : 'errors'})`
          : '';
        raw.push(
          toFinding(
            parseErrorRule,
            { ...reportOfProblem(first), message: `Could not parse this file: ${first.message}${more}` },
            undefined,
            config,
            describe,
          ),
        );
      }
      if (result.model !== undefined || result.problems.length > 0) handled++;
      if (result.skipped) errors.push({ kind: 'skipped', file: entry.path, message: result.skipped });
      if (result.model !== undefined) {
        parsed.push({ language: language.id, file, model: result.model, comments: result.comments });
      }
    } catch (error) {
      errors.push({
        kind: 'internal',
        file: entry.path,
        message: `parser failed: ${(error as Error).message}`,
      });
    }
    options.onFile?.(entry.path, done);
  }
  for (const warning of options.source.warnings)
    errors.push({ kind: 'unreadable', file: warning.path, message: warning.message });

  const project = new Project(parsed);
  const byDomain = new Map<string, AnyRule[]>();
  for (const rule of enabled) {
    if (rule.domain.id === 'core') continue;
    byDomain.set(rule.domain.id, [...(byDomain.get(rule.domain.id) ?? []), rule]);
  }
  for (const rules of byDomain.values()) {
    const domain = rules[0]!.domain;
    let units: unknown[];
    try {
      units = [...domain.units(project)];
    } catch (error) {
      errors.push({
        kind: 'internal',
        message: `domain ${domain.id} failed: ${(error as Error).stack ?? error}`,
      });
      continue;
    }
    for (const unit of units) {
      const resource = domain.resourceOf?.(unit);
      for (const rule of rules) {
        const options = {
          ...(rule.meta.options?.defaults ?? {}),
          ...(config.rules.get(rule.id)?.options ?? {}),
        };
        const context = {
          options,
          project,
          report: (report: Report) => raw.push(toFinding(rule, report, resource, config, describe)),
        };
        try {
          rule.check(unit, context);
        } catch (error) {
          errors.push({
            kind: 'internal',
            ruleId: rule.id,
            message: `rule ${rule.id} failed: ${(error as Error).stack ?? error}`,
          });
        }
      }
    }
  }

  assignFingerprints(raw);
  const findings = applySuppressions({
    findings: raw,
    parsed,
    project,
    domains: [...byDomain.values()].map((r) => r[0]!.domain),
    registry,
    config,
    baseline: options.baseline,
    now: options.now ?? new Date(),
    errors,
    describe,
    isEnabled: (rule) => isEnabled(config, rule),
  });
  findings.sort(compareFindings);
  errors.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));

  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let suppressed = 0;
  for (const f of findings) {
    if (f.suppressed) suppressed++;
    else bySeverity[f.severity]++;
  }
  return {
    tool: options.tool ?? DEFAULT_TOOL,
    root: options.source.name,
    findings,
    errors,
    summary: {
      files: handled,
      findings: findings.length - suppressed,
      suppressed,
      bySeverity,
      durationMs: Math.round(performance.now() - started),
    },
    rules: [...enabled.map(describe), ...[...descriptors.values()]]
      .filter((d, i, all) => all.findIndex((x) => x.id === d.id) === i)
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

export function enabledRules(registry: RuleRegistry, config: ResolvedConfig): AnyRule[] {
  return registry.rules.filter((rule) => isEnabled(config, rule));
}

function isEnabled(config: ResolvedConfig, rule: AnyRule): boolean {
  return config.rules.get(rule.id)?.enabled ?? !rule.meta.optIn;
}

export function describeRule(rule: AnyRule, docsBase: string): RuleDescriptor {
  const docsPath = rule.meta.docs?.path ?? `docs/rules/${rule.id}.md`;
  return {
    id: rule.id,
    title: rule.meta.title,
    description: rule.meta.description,
    severity: rule.meta.severity,
    category: rule.meta.category,
    confidence: rule.meta.confidence,
    remediation: rule.meta.remediation,
    aliases: rule.meta.aliases,
    references: rule.meta.references ?? [],
    fixable: rule.meta.fixable ?? false,
    docsPath,
    helpUri: rule.meta.docs ? (rule.meta.docs.url ?? '') : `${docsBase}/${rule.id}.md`,
  };
}

export function toFinding(
  rule: AnyRule,
  report: Report,
  defaultResource: string | undefined,
  config: ResolvedConfig,
  describe: (rule: AnyRule) => RuleDescriptor,
): RawFinding {
  const loc = locOf(report.at);
  const span = loc.file.span(loc.start, loc.end);
  const descriptor = describe(rule);
  const finding: RawFinding = {
    ruleId: rule.id,
    title: descriptor.title,
    severity: config.rules.get(rule.id)?.severity ?? rule.meta.severity,
    category: rule.meta.category,
    confidence: rule.meta.confidence,
    message: report.message,
    remediation: rule.meta.remediation,
    file: loc.file.path,
    ...span,
    fingerprint: report.evidence ?? textOf(loc),
    aliases: rule.meta.aliases,
  };
  const resource = report.resource ?? defaultResource;
  if (resource) finding.resource = resource;
  if (report.container) {
    const c = locOf(report.container);
    const cs = c.file.span(c.start, c.end);
    finding.containerLines = [cs.startLine, cs.endLine];
  }
  if (report.fix) {
    const fs = report.fix.loc.file.span(report.fix.loc.start, report.fix.loc.end);
    finding.fix = {
      description: report.fix.description,
      startLine: fs.startLine,
      endLine: fs.endLine,
      replacement: report.fix.replacement,
    };
  }
  return finding;
}

/** Replaces the evidence held in `fingerprint` by its hash, numbering identical findings. */
function assignFingerprints(findings: RawFinding[]): void {
  const ordered = [...findings].sort(compareFindings);
  const seen = new Map<string, number>();
  for (const f of ordered) {
    const key = [f.ruleId, f.file, f.resource ?? '', f.fingerprint].join('\u0000');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    f.fingerprint = fingerprint({
      ruleId: f.ruleId,
      file: f.file,
      resource: f.resource,
      evidence: f.fingerprint,
      occurrence,
    });
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.startLine - b.startLine ||
    a.startColumn - b.startColumn ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

function parseErrorOf(problem: ParseProblem): ScanError {
  const { line, column } = problem.loc.file.position(problem.loc.start);
  return { kind: 'parse', file: problem.loc.file.path, line, column, message: problem.message };
}

function reportOfProblem(problem: ParseProblem): Report {
  return {
    at: problem.loc,
    message: `Could not parse this file: ${problem.message}`,
    evidence: problem.message,
  };
}
