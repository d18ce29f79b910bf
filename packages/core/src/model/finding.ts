import type { Category, Confidence, Severity } from './severity.js';

export type SuppressionKind = 'inline' | 'annotation' | 'baseline' | 'exception';

export interface Suppression {
  kind: SuppressionKind;
  reason: string;
}

/** A text replacement GitHub can offer as a ```suggestion``` (whole lines are replaced). */
export interface FindingFix {
  description: string;
  startLine: number;
  endLine: number;
  /** Replacement for lines startLine..endLine, without the final newline. */
  replacement: string;
}

/** One reported problem, with its location resolved. The JSON output contract (see DESIGN). */
export interface Finding {
  ruleId: string;
  title: string;
  severity: Severity;
  category: Category;
  confidence: Confidence;
  message: string;
  remediation: string;
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  resource?: string;
  fingerprint: string;
  aliases: string[];
  suppressed?: Suppression;
  fix?: FindingFix;
}

export type ScanErrorKind =
  | 'parse'
  | 'binary'
  | 'too-large'
  | 'unreadable'
  | 'skipped'
  | 'config'
  | 'expired-exception'
  | 'internal'
  /** A symbolic link whose real path leaves the scanned root: never followed. */
  | 'outside-root'
  /** A FIFO, socket or device: never opened. */
  | 'special-file'
  /** A file that was claimed but could not be checked completely (too deep, too complex, parser failure). */
  | 'unscannable';

/** A file or setting that could not be handled. Never fatal: the run goes on. */
export interface ScanError {
  kind: ScanErrorKind;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  ruleId?: string;
}

export interface RunSummary {
  files: number;
  findings: number;
  suppressed: number;
  bySeverity: Record<Severity, number>;
  durationMs: number;
  /** Deployment units rendered before parsing, per renderer (`helm`, `kustomize`). */
  rendering?: Record<string, RenderSummary>;
}

export interface RenderSummary {
  rendered: number;
  failed: number;
  skipped: number;
  durationMs: number;
}

/** Everything reporters need: pure data, no functions. */
export interface RunResult {
  tool: { name: string; version: string; informationUri: string };
  /** Display name of the scanned root (not an absolute path of the machine). */
  root: string;
  findings: Finding[];
  errors: ScanError[];
  summary: RunSummary;
  /** Metadata of every rule that was enabled for the run (SARIF needs it). */
  rules: RuleDescriptor[];
}

/** What reporters know of a rule. */
export interface RuleDescriptor {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  category: Category;
  confidence: Confidence;
  remediation: string;
  aliases: string[];
  references: string[];
  fixable: boolean;
  docsPath: string;
  helpUri: string;
}
