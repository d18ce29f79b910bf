import { compareText } from '../compare-text.js';
import type { ResolvedConfig } from '../config/config.js';
import { findingFixOf } from '../fix/resolve.js';
import type { Finding, RuleDescriptor, ScanError } from '../model/finding.js';
import { isRendered } from '../model/renderer.js';
import type { AnyRule, Report } from '../model/rule.js';
import { locOf, textOf } from '../model/source.js';
import type { RawFinding } from './audit.js';

export const DEFAULT_DOCS_BASE = 'https://github.com/plumbline-dev/plumbline/blob/main/docs/rules';

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
  const origin = isRendered(loc.file) ? loc.file.mapper.origin(loc.start, loc.end, loc.file) : undefined;
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
      const co = loc.file.mapper.origin(c.start, c.end, loc.file);
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

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.startLine - b.startLine ||
    a.startColumn - b.startColumn ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

/** A total order on errors (file, position, kind, message), so merged runs sort them alike. */
export function compareErrors(a: ScanError, b: ScanError): number {
  return (
    compareText(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareText(a.kind, b.kind) ||
    compareText(a.message, b.message)
  );
}
