import {
  type Confidence,
  compareText,
  type Finding,
  type RuleDescriptor,
  type RunResult,
  type ScanError,
  type ScanErrorKind,
  type Severity,
  type SuppressionKind,
  severityRank,
} from '@plumbline/core';
import { artifactUri, ERROR_LABELS, effectiveSeverities } from '../common.js';

/*
 * SARIF 2.1.0 for GitHub code scanning and every other SARIF consumer. GitHub reads a subset:
 * `tool.driver.rules[]` (shortDescription, fullDescription, help, properties.tags,
 * properties.precision, properties.security-severity), results with ruleId, level, message and
 * one physical location, and `partialFingerprints`. Its hard limits (per run: 25,000 results and
 * 25,000 rules; per rule: 20 tags; 1,000 locations per result; 20 runs per file) are respected here.
 */

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** GitHub rejects a run with more results than this. */
export const MAX_SARIF_RESULTS = 25_000;
/** GitHub rejects a rule with more tags than this (and shows only 10). */
export const MAX_SARIF_TAGS = 20;
export const FINGERPRINT_KEY = 'plumbline/v1';

type Level = 'error' | 'warning' | 'note' | 'none';
interface Message {
  text: string;
  markdown?: string;
}
interface Region {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}
interface ArtifactLocation {
  uri: string;
  uriBaseId: string;
}
interface Location {
  physicalLocation: { artifactLocation: ArtifactLocation; region?: Region };
}
interface ReportingDescriptor {
  id: string;
  name: string;
  shortDescription: Message;
  fullDescription: Message;
  helpUri?: string;
  help: Message;
  defaultConfiguration: { level: Level };
  properties: Record<string, unknown>;
}
interface Notification {
  level: Level;
  message: Message;
  descriptor: { id: string; index: number };
  associatedRule?: { id: string; index?: number };
  locations?: Location[];
}
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: Level;
  message: Message;
  locations: Location[];
  partialFingerprints: Record<string, string>;
  suppressions?: {
    kind: 'inSource' | 'external';
    status: 'accepted';
    justification: string;
    properties: { plumblineKind: SuppressionKind };
  }[];
  fixes?: unknown[];
  properties: Record<string, unknown>;
}
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [SarifRun];
}
export interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      semanticVersion?: string;
      informationUri: string;
      rules: ReportingDescriptor[];
      notifications: { id: string; name: string; shortDescription: Message }[];
    };
  };
  originalUriBaseIds: Record<string, { description: Message }>;
  invocations: [{ executionSuccessful: true; toolExecutionNotifications: Notification[] }];
  results: SarifResult[];
  columnKind: 'utf16CodeUnits';
  properties: { summary: RunResult['summary'] };
  /** Set by whoever uploads the log (the Action: `category/`): code scanning keeps one analysis per id. */
  automationDetails?: { id: string };
}

const LEVELS: Record<Severity, Level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** A number inside GitHub's bands: critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9. */
const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: undefined,
};

const PRECISION: Record<Confidence, string> = { high: 'high', medium: 'medium', low: 'low' };

const SUPPRESSION_KINDS: Record<SuppressionKind, 'inSource' | 'external'> = {
  inline: 'inSource',
  annotation: 'inSource',
  baseline: 'external',
  exception: 'external',
};

const NOTIFICATION_LEVELS: Record<ScanErrorKind, Level> = {
  parse: 'error',
  binary: 'warning',
  'too-large': 'warning',
  unreadable: 'error',
  skipped: 'note',
  config: 'error',
  'expired-exception': 'warning',
  internal: 'error',
  'outside-root': 'warning',
  'special-file': 'warning',
  unscannable: 'error',
};

const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_LEVELS) as ScanErrorKind[];
const RESULTS_LEFT_OUT = 'results-left-out';

function pascal(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function ruleTags(rule: RuleDescriptor): string[] {
  const tags = [rule.category, rule.id.slice(0, rule.id.indexOf('/'))];
  // GitHub shows a security severity only for rules tagged `security`.
  if (rule.category === 'supply-chain') tags.unshift('security');
  tags.push(...rule.aliases);
  return [...new Set(tags.filter(Boolean))].slice(0, MAX_SARIF_TAGS);
}

function helpText(rule: RuleDescriptor): string {
  const parts = [rule.description, `Remediation: ${rule.remediation}`];
  if (rule.aliases.length > 0) parts.push(`Equivalent rules: ${rule.aliases.join(', ')}`);
  if (rule.references.length > 0)
    parts.push(`References:\n${rule.references.map((r) => `- ${r}`).join('\n')}`);
  if (rule.helpUri) parts.push(`Documentation: ${rule.helpUri}`);
  return parts.join('\n\n');
}

function helpMarkdown(rule: RuleDescriptor): string {
  const parts = [`**${rule.title}**`, rule.description, `**Remediation.** ${rule.remediation}`];
  if (rule.aliases.length > 0)
    parts.push(`**Equivalent rules:** ${rule.aliases.map((a) => `\`${a}\``).join(', ')}`);
  if (rule.references.length > 0) {
    parts.push(
      `**References**\n\n${rule.references.map((r) => (/^https?:\/\//.test(r) ? `- <${r}>` : `- ${r}`)).join('\n')}`,
    );
  }
  if (rule.helpUri) parts.push(`[Rule documentation](${rule.helpUri})`);
  return parts.join('\n\n');
}

function describe(rule: RuleDescriptor, severity: Severity): ReportingDescriptor {
  const properties: Record<string, unknown> = {
    tags: ruleTags(rule),
    precision: PRECISION[rule.confidence],
    category: rule.category,
    severity,
    aliases: rule.aliases,
    fixable: rule.fixable,
  };
  const securitySeverity = SECURITY_SEVERITY[severity];
  if (securitySeverity !== undefined) properties['security-severity'] = securitySeverity;
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    defaultConfiguration: { level: LEVELS[severity] },
    properties,
  };
}

/** Rules the result knows nothing about (a finding of a rule missing from `rules`) still need a descriptor. */
function fallbackDescriptor(f: Finding): RuleDescriptor {
  return {
    id: f.ruleId,
    title: f.title,
    description: f.title,
    severity: f.severity,
    category: f.category,
    confidence: f.confidence,
    remediation: f.remediation,
    aliases: f.aliases,
    references: [],
    fixable: f.fix !== undefined,
    docsPath: '',
    helpUri: '',
  };
}

function location(file: string, region?: Region): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(file), uriBaseId: SRCROOT },
      ...(region ? { region } : {}),
    },
  };
}

function regionOf(f: Finding): Region {
  const startLine = Math.max(1, f.startLine);
  const startColumn = Math.max(1, f.startColumn);
  const endLine = Math.max(startLine, f.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, f.endColumn) : Math.max(1, f.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

function toResult(f: Finding, ruleIndex: number): SarifResult {
  const result: SarifResult = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVELS[f.severity],
    message: { text: f.message },
    locations: [location(f.file, regionOf(f))],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: {
      severity: f.severity,
      confidence: f.confidence,
      category: f.category,
      ...(f.resource !== undefined ? { resource: f.resource } : {}),
    },
  };
  if (f.suppressed) {
    result.suppressions = [
      {
        kind: SUPPRESSION_KINDS[f.suppressed.kind],
        status: 'accepted',
        justification: f.suppressed.reason,
        properties: { plumblineKind: f.suppressed.kind },
      },
    ];
  }
  if (f.fix) {
    result.fixes = [
      {
        description: { text: f.fix.description },
        artifactChanges: [
          {
            artifactLocation: { uri: artifactUri(f.file), uriBaseId: SRCROOT },
            replacements: [
              {
                // A region with lines only covers those whole lines (without the final newline),
                // which is exactly what a FindingFix replaces.
                deletedRegion: {
                  startLine: f.fix.startLine,
                  endLine: Math.max(f.fix.startLine, f.fix.endLine),
                },
                insertedContent: { text: f.fix.replacement },
              },
            ],
          },
        ],
      },
    ];
  }
  return result;
}

function notificationOf(e: ScanError, ruleIndexOf: Map<string, number>): Notification {
  const ruleId =
    e.ruleId ??
    (e.kind === 'parse' ? 'core/parse-error' : e.kind === 'unscannable' ? 'core/unscannable' : undefined);
  const text = e.file ? `${e.file}: ${e.message}` : e.message;
  const notification: Notification = {
    level: NOTIFICATION_LEVELS[e.kind],
    message: { text },
    descriptor: { id: e.kind, index: NOTIFICATION_KINDS.indexOf(e.kind) },
  };
  if (ruleId !== undefined && (e.ruleId !== undefined || ruleIndexOf.has(ruleId))) {
    const index = ruleIndexOf.get(ruleId);
    notification.associatedRule = index === undefined ? { id: ruleId } : { id: ruleId, index };
  }
  if (e.file) {
    const region =
      e.line !== undefined
        ? { startLine: Math.max(1, e.line), ...(e.column ? { startColumn: Math.max(1, e.column) } : {}) }
        : undefined;
    notification.locations = [location(e.file, region)];
  }
  return notification;
}

/**
 * Keeps at most `max` findings, preferring unsuppressed and more severe ones, in their original
 * order. Returns the kept findings and how many were left out.
 */
function capFindings(findings: readonly Finding[], max: number): { kept: Finding[]; omitted: number } {
  if (findings.length <= max) return { kept: [...findings], omitted: 0 };
  const priority = (f: Finding) => (f.suppressed ? 0 : 10) + severityRank(f.severity);
  const chosen = new Set(
    findings
      .map((f, i) => ({ f, i }))
      .sort((a, b) => priority(b.f) - priority(a.f) || a.i - b.i)
      .slice(0, max)
      .map(({ i }) => i),
  );
  return { kept: findings.filter((_, i) => chosen.has(i)), omitted: findings.length - max };
}

export interface SarifOptions {
  /** Results per run; GitHub's hard limit by default (tests lower it). */
  maxResults?: number;
}

/** Builds the SARIF log object (see `renderSarif`). */
export function toSarif(result: RunResult, options: SarifOptions = {}): SarifLog {
  const severities = effectiveSeverities(result);
  const descriptors = new Map(result.rules.map((r) => [r.id, r]));
  for (const f of result.findings)
    if (!descriptors.has(f.ruleId)) descriptors.set(f.ruleId, fallbackDescriptor(f));
  const rules = [...descriptors.values()].sort((a, b) => compareText(a.id, b.id));
  const ruleIndexOf = new Map(rules.map((r, i) => [r.id, i]));

  const { kept, omitted } = capFindings(result.findings, options.maxResults ?? MAX_SARIF_RESULTS);
  const notifications = result.errors.map((e) => notificationOf(e, ruleIndexOf));
  if (omitted > 0) {
    notifications.push({
      level: 'warning',
      message: {
        text: `${omitted} of ${result.findings.length} results were left out to stay within the ${options.maxResults ?? MAX_SARIF_RESULTS}-result limit of a SARIF run; suppressed and less severe results went first. Use the JSON report for all of them.`,
      },
      descriptor: { id: RESULTS_LEFT_OUT, index: NOTIFICATION_KINDS.length },
    });
  }

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            ...(/^\d+\.\d+\.\d+/.test(result.tool.version) ? { semanticVersion: result.tool.version } : {}),
            informationUri: result.tool.informationUri,
            rules: rules.map((r) => describe(r, severities.get(r.id) ?? r.severity)),
            notifications: [
              ...NOTIFICATION_KINDS.map((kind) => ({
                id: kind,
                name: pascal(kind),
                shortDescription: { text: `A file or setting was not fully checked: ${ERROR_LABELS[kind]}.` },
              })),
              {
                id: RESULTS_LEFT_OUT,
                name: pascal(RESULTS_LEFT_OUT),
                shortDescription: {
                  text: 'Some results were left out of the SARIF log to stay within its size limits.',
                },
              },
            ],
          },
        },
        originalUriBaseIds: {
          [SRCROOT]: {
            description: {
              text: `The root of the scanned tree (${result.root}); result paths are relative to it.`,
            },
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: kept.map((f) => toResult(f, ruleIndexOf.get(f.ruleId)!)),
        columnKind: 'utf16CodeUnits',
        properties: { summary: result.summary },
      },
    ],
  };
}

/** `--format sarif`: a SARIF 2.1.0 log with one run, pretty-printed, ending with a newline. */
export function renderSarif(result: RunResult): string {
  return `${JSON.stringify(toSarif(result), null, 2)}\n`;
}
