import type { Finding, RunResult, ScanError } from '@plumbline/core';

/** The `--format json` document (DESIGN "Output contracts"); a test pins its shape. */
export interface JsonReport {
  tool: { name: string; version: string };
  findings: Finding[];
  errors: ScanError[];
  summary: {
    files: number;
    /** Unsuppressed findings. */
    findings: number;
    suppressed: number;
    bySeverity: RunResult['summary']['bySeverity'];
    durationMs: number;
    /** Deployment units per renderer (`helm`, `kustomize`): rendered, failed, skipped, time spent. */
    rendering?: RunResult['summary']['rendering'];
  };
}

/**
 * Builds the JSON report object. Every field is copied by name, so nothing the engine keeps
 * internally can leak into the contract, and the key order is stable.
 */
export function toJsonReport(result: RunResult): JsonReport {
  return { ...jsonReportWithout(result), findings: result.findings.map(jsonFinding) };
}

/** The report with its findings left empty (`renderJsonChunks` writes them one batch at a time). */
function jsonReportWithout(result: RunResult): JsonReport {
  const { summary } = result;
  return {
    tool: { name: result.tool.name, version: result.tool.version },
    findings: [],
    errors: result.errors.map(jsonError),
    summary: {
      files: summary.files,
      findings: summary.findings,
      suppressed: summary.suppressed,
      bySeverity: { ...summary.bySeverity },
      durationMs: summary.durationMs,
      ...(summary.rendering
        ? {
            rendering: Object.fromEntries(
              Object.entries(summary.rendering).map(([id, r]) => [
                id,
                { rendered: r.rendered, failed: r.failed, skipped: r.skipped, durationMs: r.durationMs },
              ]),
            ),
          }
        : {}),
    },
  };
}

function jsonFinding(f: Finding): Finding {
  const out: Finding = {
    ruleId: f.ruleId,
    title: f.title,
    severity: f.severity,
    category: f.category,
    confidence: f.confidence,
    message: f.message,
    remediation: f.remediation,
    file: f.file,
    startLine: f.startLine,
    startColumn: f.startColumn,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ...(f.resource !== undefined ? { resource: f.resource } : {}),
    fingerprint: f.fingerprint,
    aliases: [...f.aliases],
  };
  if (f.suppressed) out.suppressed = { kind: f.suppressed.kind, reason: f.suppressed.reason };
  if (f.fix) {
    out.fix = {
      description: f.fix.description,
      startLine: f.fix.startLine,
      endLine: f.fix.endLine,
      replacement: f.fix.replacement,
    };
  }
  return out;
}

function jsonError(e: ScanError): ScanError {
  const out: ScanError = { kind: e.kind, message: e.message };
  if (e.file !== undefined) out.file = e.file;
  if (e.line !== undefined) out.line = e.line;
  if (e.column !== undefined) out.column = e.column;
  if (e.ruleId !== undefined) out.ruleId = e.ruleId;
  return out;
}

/** `--format json`: one object, pretty-printed, ending with a newline. */
export function renderJson(result: RunResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}

/** Findings per chunk of `renderJsonChunks`. */
const BATCH = 500;

/**
 * `renderJson`'s text, byte for byte, in pieces of a few hundred findings: the CLI writes each
 * as it comes, so a run with 140,000 findings never holds their copies and the whole text at
 * once (that was the peak of the memory benchmark, ~0.5 GB over the scan's own).
 */
export function* renderJsonChunks(result: RunResult): Generator<string> {
  const report = jsonReportWithout(result);
  const entries = Object.entries(report).filter(([, value]) => value !== undefined);
  yield '{\n';
  for (const [index, [key, value]] of entries.entries()) {
    if (key === 'findings' && result.findings.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let from = 0; from < result.findings.length; from += BATCH) {
        const batch = result.findings.slice(from, from + BATCH).map(jsonFinding);
        yield `${nestedTwice(batch)}${from + BATCH < result.findings.length ? ',' : ''}\n`;
      }
      yield '  ]';
    } else yield `  ${JSON.stringify(key)}: ${indented(value, '  ')}`;
    yield index < entries.length - 1 ? ',\n' : '\n';
  }
  yield '}\n';
}

/**
 * The items of `batch` as `JSON.stringify(_, null, 2)` writes them two levels deep (each
 * item's lines indented by four more spaces, items joined by `,` and a line break): written so
 * by one `JSON.stringify` of `[batch]`, its first two and last two lines cut, where indenting each
 * item's text by a replace cost ~0.1 s per 10,000 findings.
 */
function nestedTwice(batch: readonly unknown[]): string {
  const text = JSON.stringify([batch], null, 2);
  return text.slice(OPEN.length, text.length - CLOSE.length);
}
const OPEN = '[\n  [\n';
const CLOSE = '\n  ]\n]';

/** `JSON.stringify(value, null, 2)` for a value nested at `pad` (its first line not indented). */
function indented(value: unknown, pad: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
}
