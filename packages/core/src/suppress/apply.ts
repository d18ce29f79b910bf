import type { ResolvedConfig } from '../config/config.js';
import type { RawFinding } from '../engine/audit.js';
import type { Baseline } from '../engine/baseline.js';
import { fingerprint } from '../engine/fingerprint.js';
import { globMatcher } from '../engine/globs.js';
import { partsNamed, removeParts } from '../engine/parts.js';
import type { RuleRegistry } from '../engine/registry.js';
import type { Domain, DomainSuppression } from '../model/domain.js';
import type { RuleDescriptor, ScanError, Suppression } from '../model/finding.js';
import type { ParsedFile } from '../model/language.js';
import type { Project } from '../model/project.js';
import type { AnyRule, ReportPart } from '../model/rule.js';
import { suppressionWithoutReasonRule, unusedSuppressionRule } from '../rules/index.js';
import { type Directive, parseDirectives } from './directives.js';

interface ApplyInput {
  findings: RawFinding[];
  parsed: readonly ParsedFile[];
  project: Project;
  domains: Domain<unknown>[];
  registry: RuleRegistry;
  config: ResolvedConfig;
  baseline?: Baseline;
  now: Date;
  errors: ScanError[];
  describe: (rule: AnyRule) => RuleDescriptor;
  isEnabled: (rule: AnyRule) => boolean;
  /** Called when a suppression names a rule the registry awaits (`awaitsScanDefined`). */
  awaited?: () => void;
}

/**
 * Marks findings as suppressed (inline comments, domain annotations, config exceptions, the
 * baseline) — keeping them in the output — and reports suppressions that are unjustified or unused.
 */
export function applySuppressions(input: ApplyInput): RawFinding[] {
  const { findings, registry } = input;
  const ruleOf = (f: RawFinding) => registry.get(f.ruleId);
  const matches = (f: RawFinding, name: string) => {
    const rule = ruleOf(f);
    return rule ? registry.names(rule, name) : name === f.ruleId;
  };
  const byFile = groupBy(findings, (f) => f.file);
  /** Suppresses the finding, or only the named parts of a combined finding while others remain. */
  const suppress = (f: RawFinding, parts: ReportPart[], suppression: Suppression) => {
    if (parts.length === 0 || removeParts(f, parts, registry, input.config) === 'none-left')
      f.suppressed = suppression;
  };
  const hygiene: RawFinding[] = [];

  // 1. Inline comments.
  for (const parsed of input.parsed) {
    const directives = parseDirectives(parsed.comments);
    if (directives.length === 0) continue;
    const inFile = byFile.get(parsed.file.path) ?? [];
    for (const directive of directives) {
      if (directive.rules.some((name) => registry.awaitsScanDefined(name))) input.awaited?.();
      const target = targetLine(directive, parsed);
      let used = false;
      for (const f of inFile) {
        if (f.suppressed) continue;
        const whole = directive.rules.some((name) => matches(f, name));
        const parts = whole ? [] : partsNamed(f, directive.rules, registry);
        if (!whole && parts.length === 0) continue;
        const line = directive.comment.line;
        const inFinding = target >= f.startLine && target <= f.endLine;
        const [from, to] = f.containerLines ?? [0, -1];
        const inContainer = (target >= from && target <= to) || (line >= from && line <= to);
        if (inFinding || inContainer) {
          suppress(f, parts, { kind: 'inline', reason: directive.reason || 'no reason given' });
          used = true;
        }
      }
      if (directive.syntax === 'plumbline') hygiene.push(...checkDirective(directive, parsed, used, input));
    }
  }

  // 2. Suppressions a domain reads from its model (e.g. Kubernetes annotations).
  for (const domain of input.domains) {
    let suppressions: DomainSuppression[] = [];
    try {
      suppressions = domain.suppressions?.(input.project) ?? [];
    } catch (error) {
      input.errors.push({
        kind: 'internal',
        message: `domain ${domain.id} suppressions failed: ${(error as Error).message}`,
      });
    }
    for (const s of suppressions) {
      if (s.rules.some((name) => registry.awaitsScanDefined(name))) input.awaited?.();
      for (const f of byFile.get(s.file) ?? []) {
        if (f.suppressed || f.startLine < s.startLine || f.startLine > s.endLine) continue;
        if (s.rules.some((name) => matches(f, name))) f.suppressed = { kind: 'annotation', reason: s.reason };
        else {
          const parts = partsNamed(f, s.rules, registry);
          if (parts.length > 0) suppress(f, parts, { kind: 'annotation', reason: s.reason });
        }
      }
    }
  }

  // 3. Config exceptions, unless expired.
  const today = input.now.toISOString().slice(0, 10);
  for (const exception of input.config.exceptions) {
    if (exception.expires && exception.expires <= today) {
      input.errors.push({
        kind: 'expired-exception',
        ruleId: exception.ruleId,
        file: exception.source,
        message: `exception for ${exception.rule} ("${exception.reason}") expired on ${exception.expires}; its findings are reported again`,
      });
      continue;
    }
    const inPaths = exception.paths ? globMatcher(exception.paths) : undefined;
    const inResources = exception.resources ? globMatcher(exception.resources) : undefined;
    for (const f of findings) {
      if (f.suppressed) continue;
      const parts =
        f.ruleId === exception.ruleId
          ? []
          : (f.parts?.items.filter((p) => p.ruleId === exception.ruleId) ?? []);
      if (f.ruleId !== exception.ruleId && parts.length === 0) continue;
      const pathOk = inPaths ? inPaths(f.file) : !inResources;
      const resourceOk = inResources ? f.resource !== undefined && inResources(f.resource) : false;
      if (pathOk || resourceOk) suppress(f, parts, { kind: 'exception', reason: exception.reason });
    }
  }

  // 4. The baseline, which accepts the engine's own findings (suppression hygiene) too.
  if (input.baseline) {
    const accepted = new Set(input.baseline.findings.map((f) => f.fingerprint));
    for (const f of [...findings, ...hygiene]) {
      if (!f.suppressed && accepted.has(f.fingerprint))
        f.suppressed = { kind: 'baseline', reason: 'in baseline' };
    }
  }

  return [...findings, ...hygiene].map(({ containerLines, parts, ...finding }) => finding);
}

/** The line a directive covers: its own line, or for a comment on a line of its own, the next code line. */
function targetLine(directive: Directive, parsed: ParsedFile): number {
  if (!directive.comment.ownLine) return directive.comment.line;
  const commentLines = new Set(parsed.comments.filter((c) => c.ownLine).map((c) => c.line));
  let line = directive.comment.line + 1;
  while (
    line <= parsed.file.lineCount &&
    (commentLines.has(line) || parsed.file.lineText(line).trim() === '')
  )
    line++;
  return line;
}

function checkDirective(
  directive: Directive,
  parsed: ParsedFile,
  used: boolean,
  input: ApplyInput,
): RawFinding[] {
  const out: RawFinding[] = [];
  const { file } = parsed;
  const at = { file, start: directive.comment.start, end: directive.comment.end };
  const span = file.span(at.start, at.end);
  const make = (rule: AnyRule, message: string): RawFinding => {
    const d = input.describe(rule);
    return {
      ruleId: rule.id,
      title: d.title,
      severity: input.config.rules.get(rule.id)?.severity ?? rule.meta.severity,
      category: rule.meta.category,
      confidence: rule.meta.confidence,
      message,
      remediation: rule.meta.remediation,
      file: file.path,
      ...span,
      fingerprint: fingerprint({
        ruleId: rule.id,
        file: file.path,
        evidence: directive.comment.text,
        occurrence: directive.comment.line,
      }),
      aliases: rule.meta.aliases,
    };
  };
  if (!directive.reason && input.isEnabled(suppressionWithoutReasonRule)) {
    out.push(
      make(
        suppressionWithoutReasonRule,
        `Ignore comment for ${directive.rules.join(', ') || '(no rule)'} gives no reason after \`--\`.`,
      ),
    );
  }
  const absent = directive.rules.filter((name) => input.registry.resolve(name).length === 0);
  const unknown = absent.filter((name) => !input.registry.definedByScan(name));
  // A rule the scanned files define but this scan does not hold (an admission policy in a file
  // left out) may match here in a scan of the whole repository: the comment is not judged.
  const undecided = absent.length > unknown.length;
  // An unknown id is reported even when another id of the same comment matched: it is a typo.
  if (((!used && !undecided) || unknown.length > 0) && input.isEnabled(unusedSuppressionRule)) {
    const message =
      directive.rules.length === 0
        ? 'Ignore comment names no rule.'
        : unknown.length > 0
          ? `Ignore comment names unknown rule ${unknown.map((u) => `\`${u}\``).join(', ')}.`
          : `Ignore comment for ${directive.rules.map((r) => `\`${r}\``).join(', ')} matches no finding here.`;
    out.push(make(unusedSuppressionRule, message));
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
