import { type Finding, type RunResult, type ScanError, type Severity, severityRank } from '@plumbline/core';
import {
  active,
  ERROR_LABELS,
  errorText,
  groupByFile,
  isFileError,
  plural,
  position,
  severityBreakdown,
  suppressionText,
} from './common.js';

export interface TextOptions {
  /** ANSI colours; the CLI decides (TTY, `NO_COLOR`, `FORCE_COLOR`). */
  color: boolean;
  /** One line per finding, no remediation, errors only counted. */
  quiet?: boolean;
  /** Also list suppressed findings (with kind and reason) under their file. */
  verbose?: boolean;
}

type Style = (text: string) => string;

interface Palette {
  severity: Record<Severity, Style>;
  file: Style;
  dim: Style;
  bold: Style;
  warn: Style;
}

const sgr =
  (open: string, close: string): Style =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;
const plain: Style = (text) => text;

const COLOURS: Palette = {
  severity: {
    critical: (t) => sgr('1', '22')(sgr('35', '39')(t)),
    high: sgr('31', '39'),
    medium: sgr('33', '39'),
    low: sgr('36', '39'),
    info: sgr('90', '39'),
  },
  file: (t) => sgr('1', '22')(sgr('4', '24')(t)),
  dim: sgr('2', '22'),
  bold: sgr('1', '22'),
  warn: sgr('33', '39'),
};

const NO_COLOURS: Palette = {
  severity: { critical: plain, high: plain, medium: plain, low: plain, info: plain },
  file: plain,
  dim: plain,
  bold: plain,
  warn: plain,
};

const SEVERITY_WIDTH = 'critical'.length;
const INDENT = '  ';
const DETAIL_INDENT = ' '.repeat(INDENT.length + SEVERITY_WIDTH + 2);

/**
 * Text that came from scanned files (messages quote them) must not drive the terminal: control
 * characters (ANSI escapes included) and bidirectional overrides are shown escaped.
 */
export function sanitizeForTerminal(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => (c === '\r' ? '' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/**
 * A file name on a line of its own: a newline or tab in it would forge report lines, so every
 * control character is escaped (messages keep their tabs and newlines folded by `oneLine`).
 */
export function sanitizePath(path: string): string {
  return sanitizeForTerminal(path).replace(/[\n\t]/g, (c) => (c === '\n' ? '\\n' : '\\t'));
}

function oneLine(text: string): string {
  return sanitizeForTerminal(text.replace(/\s*\n\s*/g, ' ').trim());
}

/**
 * The human report: findings grouped by file (each with severity, rule id, `file:line:column`,
 * message and remediation), the files that could not be scanned, other warnings, and a summary
 * line. Ends with a newline.
 */
export function renderText(result: RunResult, options: TextOptions): string {
  const c = options.color ? COLOURS : NO_COLOURS;
  const shown = options.verbose ? result.findings : active(result);
  const out: string[] = [];

  for (const [file, findings] of groupByFile(shown)) {
    out.push(c.file(sanitizePath(file)));
    // The same advice five times in a row is noise: say it once per rule and file.
    const advised = new Set<string>();
    for (const entry of sameLine(findings)) {
      if (entry.length === 1)
        out.push(...renderFinding(entry[0]!, c, options, advised.has(entry[0]!.ruleId)));
      else out.push(...renderLine(entry, c, options, advised));
      for (const f of entry) advised.add(f.ruleId);
    }
    out.push('');
  }

  const fileErrors = result.errors.filter(isFileError);
  const otherErrors = result.errors.filter((e) => !isFileError(e));
  if (fileErrors.length > 0) {
    if (options.quiet) {
      out.push(
        c.warn(`${plural(new Set(fileErrors.map((e) => e.file)).size, 'file')} could not be scanned.`),
        '',
      );
    } else {
      out.push(c.bold('Could not scan'));
      const rows = collapseSkipped(fileErrors).map((row) => ({
        label:
          row.count > 1
            ? `${row.dir}/ (${row.count} files)`
            : position(row.error.file!, row.error.line, row.error.column),
        error: row.error,
      }));
      const width = Math.min(60, Math.max(...rows.map((r) => r.label.length)));
      for (const row of rows) {
        out.push(`${INDENT}${sanitizePath(row.label.padEnd(width))}  ${describeError(row.error)}`);
      }
      out.push('');
    }
  }
  if (otherErrors.length > 0 && !options.quiet) {
    out.push(c.bold('Warnings'));
    for (const e of otherErrors) {
      const where = e.file ? `${sanitizePath(position(e.file, e.line, e.column))}  ` : '';
      out.push(`${INDENT}${where}${describeError(e)}`);
    }
    out.push('');
  }

  out.push(summaryLine(result, c));
  return `${out.join('\n')}\n`;
}

function renderFinding(f: Finding, c: Palette, options: TextOptions, advisedAbove = false): string[] {
  const severity = c.severity[f.severity](f.severity.padEnd(SEVERITY_WIDTH));
  const where = sanitizePath(position(f.file, f.startLine, f.startColumn));
  const resource = f.resource ? c.dim(`  (${oneLine(f.resource)})`) : '';
  if (options.quiet) {
    // With --verbose a suppressed finding is shown too, and must not pass for an active one.
    const mark = f.suppressed ? `  ${c.dim(`(suppressed: ${f.suppressed.kind})`)}` : '';
    return [`${INDENT}${severity}  ${where}  ${oneLine(f.message)}  ${c.dim(f.ruleId)}${mark}`];
  }
  const lines = [`${INDENT}${severity}  ${f.ruleId}  ${where}${resource}`];
  if (f.suppressed) {
    lines.push(`${DETAIL_INDENT}${c.dim(`suppressed, ${oneLine(suppressionText(f.suppressed))}`)}`);
  }
  lines.push(`${DETAIL_INDENT}${oneLine(f.message)}`);
  if (f.remediation && !advisedAbove)
    lines.push(`${DETAIL_INDENT}${c.dim('Fix:')} ${oneLine(f.remediation)}`);
  if (f.fix) {
    const range =
      f.fix.startLine === f.fix.endLine
        ? `line ${f.fix.startLine}`
        : `lines ${f.fix.startLine}-${f.fix.endLine}`;
    lines.push(`${DETAIL_INDENT}${c.dim('Autofix available:')} ${oneLine(f.fix.description)} (${range})`);
  }
  return lines;
}

/** Unsuppressed findings that start on the same line become one entry (most severe first). */
function sameLine(findings: readonly Finding[]): Finding[][] {
  const entries: Finding[][] = [];
  const byLine = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.suppressed) {
      entries.push([f]);
      continue;
    }
    const entry = byLine.get(f.startLine);
    if (entry) entry.push(f);
    else {
      const created = [f];
      byLine.set(f.startLine, created);
      entries.push(created);
    }
  }
  for (const entry of entries) entry.sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  return entries;
}

/** Several findings on one line: one heading (worst severity, every rule), then each message. */
function renderLine(
  entry: readonly Finding[],
  c: Palette,
  options: TextOptions,
  advised: Set<string>,
): string[] {
  const first = entry[0]!;
  const where = sanitizeForTerminal(position(first.file, first.startLine, first.startColumn));
  if (options.quiet) {
    const messages = entry.map((f) => `${f.severity}: ${oneLine(f.message)}`).join(' · ');
    return [
      `${INDENT}${c.severity[first.severity](first.severity.padEnd(SEVERITY_WIDTH))}  ${where}  ${messages}  ${c.dim(entry.map((f) => f.ruleId).join(', '))}`,
    ];
  }
  const lines = [
    `${INDENT}${c.severity[first.severity](first.severity.padEnd(SEVERITY_WIDTH))}  ${where}  ${c.dim(`${entry.length} findings on this line`)}`,
  ];
  for (const f of entry) {
    const resource = f.resource ? c.dim(`  (${oneLine(f.resource)})`) : '';
    lines.push(
      `${DETAIL_INDENT}${c.severity[f.severity](f.severity)}  ${f.ruleId}${resource}: ${oneLine(f.message)}`,
    );
    if (f.remediation && !advised.has(f.ruleId))
      lines.push(`${DETAIL_INDENT}  ${c.dim('Fix:')} ${oneLine(f.remediation)}`);
    if (f.fix) lines.push(`${DETAIL_INDENT}  ${c.dim('Autofix available:')} ${oneLine(f.fix.description)}`);
  }
  return lines;
}

/**
 * A chart's templates folder would otherwise list every file with the same "skipped" notice:
 * files skipped for the same reason in one folder become one row once there are three or more.
 */
function collapseSkipped(errors: ScanError[]): { dir: string; count: number; error: ScanError }[] {
  const groups = new Map<string, ScanError[]>();
  for (const e of errors) {
    if (e.kind !== 'skipped') continue;
    const key = `${e.file!.slice(0, Math.max(0, e.file!.lastIndexOf('/')))}\u0000${e.message}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const rows: { dir: string; count: number; error: ScanError }[] = [];
  const emitted = new Set<string>();
  for (const e of errors) {
    const dir = e.file!.slice(0, Math.max(0, e.file!.lastIndexOf('/')));
    const key = `${dir}\u0000${e.message}`;
    const group = e.kind === 'skipped' ? groups.get(key) : undefined;
    if (group && group.length >= 3) {
      if (!emitted.has(key)) rows.push({ dir: dir || '.', count: group.length, error: e });
      emitted.add(key);
    } else rows.push({ dir, count: 1, error: e });
  }
  return rows;
}

function describeError(e: ScanError): string {
  const label = ERROR_LABELS[e.kind];
  const message = oneLine(errorText(e));
  return message.toLowerCase().startsWith(label) ? message : `${label}: ${message}`;
}

function summaryLine(result: RunResult, c: Palette): string {
  const { summary } = result;
  const breakdown = severityBreakdown(summary.bySeverity);
  const head =
    summary.findings === 0
      ? 'No findings'
      : `${plural(summary.findings, 'finding')}${breakdown ? ` (${breakdown})` : ''}`;
  const worst = (['critical', 'high', 'medium', 'low', 'info'] as const).find(
    (s) => summary.bySeverity[s] > 0,
  );
  const styled = worst ? c.severity[worst](head) : c.bold(head);
  return `${styled} in ${plural(summary.files, 'file')}, ${summary.suppressed} suppressed, ${Math.round(summary.durationMs)}ms${renderingText(result)}`;
}

/** `; Helm: 3 charts rendered, 1 failed; kustomize: 2 builds` — only for runs that rendered units. */
function renderingText(result: RunResult): string {
  const parts = Object.entries(result.summary.rendering ?? {})
    .filter(([, s]) => s.rendered + s.failed + s.skipped > 0)
    .map(([id, s]) => {
      const name = id === 'helm' ? 'Helm charts' : id === 'kustomize' ? 'kustomizations' : id;
      const counts = [`${s.rendered} rendered`];
      if (s.failed) counts.push(`${s.failed} failed`);
      if (s.skipped) counts.push(`${s.skipped} not rendered`);
      return `${name}: ${counts.join(', ')}`;
    });
  return parts.length ? `; ${parts.join('; ')}` : '';
}
