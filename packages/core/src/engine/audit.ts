import type { ResolvedConfig } from '../config/config.js';
import type { Finding, RunResult } from '../model/finding.js';
import type { Language } from '../model/language.js';
import { Project } from '../model/project.js';
import type { Renderer } from '../model/renderer.js';
import type { ReportParts } from '../model/rule.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { parseErrorRule } from '../rules/parse-error.js';
import { renderErrorRule } from '../rules/render-error.js';
import { unscannableRule } from '../rules/unscannable.js';
import type { Baseline } from './baseline.js';
import type { FileSource } from './file-source.js';
import { redactRunResult } from './redact-result.js';
import type { RuleRegistry } from './registry.js';
import { renderUnits } from './render-stage.js';
import { type AuditStage, StageTimer } from './stage-timer.js';
import { checkUnits, rulesByDomain } from './stages/check.js';
import { discoverEntries } from './stages/discover.js';
import { readAndParse } from './stages/parse.js';
import { AuditRun, enabledRules } from './stages/run-context.js';
import { settleFindings } from './stages/suppress.js';

export { compareFindings, DEFAULT_DOCS_BASE, describeRule, toFinding } from './finding.js';
export { enabledRules } from './stages/run-context.js';

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
  /**
   * Called once per stage at the end of the run with the milliseconds spent in it (see
   * `AUDIT_STAGES`), for benchmarks and `--timings`-like displays. The result is not changed.
   */
  onStageTime?: (stage: AuditStage, ms: number) => void;
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

/**
 * The whole pipeline, one named stage after the other (see `AUDIT_STAGES` and `stages/`):
 * discover → render → read and parse → units → check → fingerprint → suppress → report.
 * Pure apart from the FileSource it reads through; never throws for a bad input file.
 */
export async function runAudit(options: AuditOptions): Promise<RunResult> {
  const started = performance.now();
  const timer = new StageTimer();
  const run = new AuditRun(options);
  const { config } = run;
  const enabled = enabledRules(run.registry, config);
  // Parse only what enabled rules read; every language when parse errors themselves are reported.
  const neededLanguages = new Set(enabled.flatMap((r) => r.domain.languages));
  const languages =
    run.isEnabled(parseErrorRule) || run.isEnabled(unscannableRule)
      ? options.languages
      : options.languages.filter((l) => neededLanguages.has(l.id));
  for (const language of languages) await language.init?.();

  const entries = await timer.time('discover', () => discoverEntries(run));
  const rendering = await timer.time('render', () => renderUnits(options, entries, config));
  run.errors.push(...rendering.errors);
  for (const problem of rendering.problems) {
    if (run.isEnabled(renderErrorRule)) run.report(renderErrorRule, problem);
  }
  const { parsed, handled } = await readAndParse(
    run,
    languages,
    entries,
    rendering.claimed,
    rendering.files,
    timer,
  );
  const project = new Project(parsed);
  const byDomain = rulesByDomain(enabled);
  checkUnits(run, project, byDomain, timer);
  const findings = settleFindings(run, parsed, rendering.sources, project, [...byDomain.keys()], timer);
  const result = timer.time('report', () =>
    resultOf(run, findings, {
      handled,
      enabled,
      started,
      rendering: rendering.summary,
    }),
  );
  timer.flush(options.onStageTime);
  return result;
}

/** The report stage: errors sorted, counts made, rules described, secrets redacted. */
function resultOf(
  run: AuditRun,
  findings: Finding[],
  facts: {
    handled: number;
    enabled: ReturnType<typeof enabledRules>;
    started: number;
    rendering: RunResult['summary']['rendering'];
  },
): RunResult {
  const { errors, options } = run;
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
      files: facts.handled,
      findings: findings.length - suppressed,
      suppressed,
      bySeverity,
      durationMs: Math.round(performance.now() - facts.started),
      ...(facts.rendering && Object.keys(facts.rendering).length ? { rendering: facts.rendering } : {}),
    },
    rules: [...facts.enabled.map(run.describe), ...run.described()]
      .filter((d, i, all) => all.findIndex((x) => x.id === d.id) === i)
      .sort((a, b) => a.id.localeCompare(b.id)),
  });
}
