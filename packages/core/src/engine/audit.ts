import type { ResolvedConfig } from '../config/config.js';
import { findingFixOf } from '../fix/resolve.js';
import type { Finding, RuleDescriptor, RunResult, ScanError } from '../model/finding.js';
import type { Language, ParsedFile, ParseProblem } from '../model/language.js';
import { Project } from '../model/project.js';
import type { Renderer } from '../model/renderer.js';
import { isRendered } from '../model/renderer.js';
import type { AnyRule, Report, ReportParts } from '../model/rule.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { locOf, SourceFile, textOf } from '../model/source.js';
import { parseErrorRule } from '../rules/parse-error.js';
import { renderErrorRule } from '../rules/render-error.js';
import { unscannableRule } from '../rules/unscannable.js';
import { applySuppressions } from '../suppress/apply.js';
import type { Baseline } from './baseline.js';
import { decodeText } from './decode.js';
import type { FileSource, SourceEntry } from './file-source.js';
import { fingerprint } from './fingerprint.js';
import { globMatcher } from './globs.js';
import { narrowPartsByConfig } from './parts.js';
import { redactRunResult } from './redact-result.js';
import type { RuleRegistry } from './registry.js';
import { mergeVariants, renderUnits } from './render-stage.js';
import { fileOfUnit, parserFailureReason } from './unscannable.js';

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
  /** Stages before parsing that render deployment units (Helm charts, kustomizations). */
  renderers?: readonly Renderer[];
  /** Called after each file is parsed (progress display). */
  onFile?: (path: string, done: number) => void;
}

/** A finding before suppressions: the rule's report with its location resolved. */
export interface RawFinding extends Finding {
  /** Lines of the enclosing object, for ignore comments placed anywhere inside it. */
  containerLines?: [number, number];
  /** Values sets / variants a rendered finding appeared in (merged into one finding). */
  variants?: string[];
  /** The rules a combined finding stands for (see `Report.parts`); narrowed by config and suppressions. */
  parts?: ReportParts;
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
  const languages =
    isEnabled(config, parseErrorRule) || isEnabled(config, unscannableRule)
      ? options.languages
      : options.languages.filter((l) => neededLanguages.has(l.id));
  for (const language of languages) await language.init?.();

  const skip = globMatcher([...config.ignore, ...(options.exclude ?? [])]);
  const include = options.include?.length ? globMatcher(options.include) : () => true;
  const parsed: ParsedFile[] = [];
  let done = 0;
  /** Files a language really parsed (a YAML file that is no manifest is read, not counted). */
  let handled = 0;
  const entries: SourceEntry[] = [];
  for await (const entry of options.source.list()) {
    if (!skip(entry.path) && include(entry.path)) entries.push(entry);
  }
  const rendering = await renderUnits(options, entries, config);
  errors.push(...rendering.errors);
  for (const problem of rendering.problems) {
    if (isEnabled(config, renderErrorRule))
      raw.push(toFinding(renderErrorRule, problem, undefined, config, describe));
  }
  for (const entry of entries) {
    if (rendering.claimed.has(entry.path)) continue;
    const language = languages.find((l) => l.claims(entry.path));
    if (entry.skipped) {
      // Links out of the root and special files are always listed; a broken link only when it names a file we would read.
      if (language || entry.skipped.kind !== 'unreadable')
        errors.push({
          kind: entry.skipped.kind,
          file: entry.path,
          message: `skipped: ${entry.skipped.reason}`,
        });
      continue;
    }
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
    const decoded = decodeText(bytes);
    if ('binary' in decoded) {
      errors.push({ kind: 'binary', file: entry.path, message: decoded.binary });
      continue;
    }
    const file = new SourceFile(entry.path, decoded.text, { repoPath: entry.repoPath, named: entry.named });
    parseInto(language, file);
    options.onFile?.(entry.path, done);
  }
  for (const file of rendering.files) {
    const language = languages.find((l) => l.claims(file.path));
    if (language) parseInto(language, file);
  }
  for (const warning of options.source.warnings)
    errors.push({ kind: 'unreadable', file: warning.path, message: warning.message });

  function parseInto(language: Language, file: SourceFile): void {
    const unscannable = (reason: string, start: number, end = start + 1) => {
      errors.push({
        kind: 'unscannable',
        file: file.path,
        ...lineOf(file, start),
        message: `not fully scanned: ${reason}`,
      });
      if (isEnabled(config, unscannableRule)) {
        const at = { file, start, end: Math.max(end, start + 1) };
        raw.push(
          toFinding(
            unscannableRule,
            { at, message: `Not fully scanned: ${reason}.`, evidence: reason },
            undefined,
            config,
            describe,
          ),
        );
      }
    };
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
      for (const part of result.unscanned ?? []) unscannable(part.message, part.loc.start, part.loc.end);
      if (result.model !== undefined || result.problems.length > 0 || result.unscanned?.length) handled++;
      if (result.skipped) errors.push({ kind: 'skipped', file: file.path, message: result.skipped });
      if (result.model !== undefined) {
        parsed.push({ language: language.id, file, model: result.model, comments: result.comments });
      }
    } catch (error) {
      // Overflow, a budget spent, a parser bug: the file is reported, so it cannot pass a gate unseen.
      const { reason, offset } = parserFailureReason(error);
      unscannable(reason, Math.min(offset, Math.max(0, file.text.length - 1)));
      handled++;
    }
  }

  const project = new Project(parsed);
  // Keyed by the domain itself: a pack may hold two (Kubernetes objects, Helm values files).
  const byDomain = new Map<unknown, AnyRule[]>();
  for (const rule of enabled) {
    if (rule.domain.id === 'core') continue;
    byDomain.set(rule.domain, [...(byDomain.get(rule.domain) ?? []), rule]);
  }
  /** Rule and file pairs already reported as crashed: one finding each, however many units. */
  const crashed = new Set<string>();
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
          // A rule that crashed on a file left it unchecked: when the file is known, that is a finding.
          const file = fileOfUnit(unit);
          errors.push({
            kind: 'internal',
            ruleId: rule.id,
            ...(file ? { file: file.path } : {}),
            message: `rule ${rule.id} failed: ${(error as Error).stack ?? error}`,
          });
          if (file && isEnabled(config, unscannableRule) && !crashed.has(`${rule.id}\u0000${file.path}`)) {
            crashed.add(`${rule.id}\u0000${file.path}`);
            const { reason } = parserFailureReason(error);
            const why = reason.replace(/^the parser failed: /, '');
            raw.push(
              toFinding(
                unscannableRule,
                {
                  at: { file, start: 0, end: Math.min(1, file.text.length) },
                  message: `Not fully scanned: rule ${rule.id} could not finish on this file (${why}).`,
                  evidence: `${rule.id}: ${why}`,
                },
                undefined,
                config,
                describe,
              ),
            );
          }
        }
      }
    }
  }

  // Combined findings lose the parts whose rule is off; a finding with no part left goes.
  const kept = raw.filter((f) => narrowPartsByConfig(f, registry, (rule) => isEnabled(config, rule), config));
  const merged = mergeVariants(kept);
  assignFingerprints(merged);
  const findings = applySuppressions({
    findings: merged,
    // Ignore comments in templates, values files and patches apply to the findings mapped there.
    parsed: [
      ...parsed.filter((p) => !isRendered(p.file)),
      ...rendering.sources.map((s) => ({
        language: 'source',
        file: s.file,
        model: undefined,
        comments: s.comments,
      })),
    ],
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
  return redactRunResult({
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
      ...(Object.keys(rendering.summary).length ? { rendering: rendering.summary } : {}),
    },
    rules: [...enabled.map(describe), ...[...descriptors.values()]]
      .filter((d, i, all) => all.findIndex((x) => x.id === d.id) === i)
      .sort((a, b) => a.id.localeCompare(b.id)),
  });
}

function lineOf(file: SourceFile, offset: number): { line: number; column: number } {
  return file.position(offset);
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
  // Rendered text is evidence only: the finding goes where a person edits (template, values, patch).
  const origin = isRendered(loc.file) ? loc.file.mapper.origin(loc.start, loc.end) : undefined;
  const {
    path: _path,
    note,
    ...span
  } = origin ?? { path: loc.file.path, ...loc.file.span(loc.start, loc.end) };
  const descriptor = describe(rule);
  const finding: RawFinding = {
    ruleId: rule.id,
    title: descriptor.title,
    severity: config.rules.get(rule.id)?.severity ?? report.severity ?? rule.meta.severity,
    category: rule.meta.category,
    confidence: report.confidence ?? rule.meta.confidence,
    message: note ? `${report.message} (${note})` : report.message,
    remediation: rule.meta.remediation,
    file: origin?.path ?? loc.file.path,
    ...span,
    fingerprint: report.evidence ?? textOf(loc),
    aliases: rule.meta.aliases,
  };
  const resource = report.resource ?? defaultResource;
  if (resource) finding.resource = resource;
  if (isRendered(loc.file)) {
    if (loc.file.variant) finding.variants = [loc.file.variant];
    if (report.container) {
      const c = locOf(report.container);
      const co = loc.file.mapper.origin(c.start, c.end);
      if (co.path === finding.file) finding.containerLines = [co.startLine, co.endLine];
    }
  } else if (report.container) {
    const c = locOf(report.container);
    const cs = c.file.span(c.start, c.end);
    finding.containerLines = [cs.startLine, cs.endLine];
  }
  if (report.parts) finding.parts = report.parts;
  if (report.fix) {
    const fix = findingFixOf(report.fix);
    if (fix) finding.fix = fix;
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
