import { compareText } from '../../compare-text.js';
import type { Domain, PathLink } from '../../model/domain.js';
import type { Finding, RunResult } from '../../model/finding.js';
import type { Language } from '../../model/language.js';
import { Project } from '../../model/project.js';
import type { AnyRule } from '../../model/rule.js';
import { SEVERITIES, type Severity } from '../../model/severity.js';
import { parseErrorRule } from '../../rules/parse-error.js';
import { renderErrorRule } from '../../rules/render-error.js';
import { unscannableRule } from '../../rules/unscannable.js';
import type { AuditOptions } from '../audit.js';
import type { SourceEntry } from '../file-source.js';
import { compareErrors } from '../finding.js';
import { setUpLanguage } from '../language-setup.js';
import { redactRunResult } from '../redact-result.js';
import { type RenderStageResult, renderUnits } from '../render-stage.js';
import { StageTimer } from '../stage-timer.js';
import { checkUnits, rulesByDomain } from './check.js';
import { discoverEntries } from './discover.js';
import { readAndParse } from './parse.js';
import { prepareDomains } from './prepare.js';
import { AuditRun, enabledRules } from './run-context.js';
import { settleFindings } from './suppress.js';

export const DEFAULT_TOOL = {
  name: 'plumbline',
  version: '0.0.0',
  informationUri: 'https://github.com/plumbline-dev/plumbline',
};

/** Discovery and rendering already done by the caller (the pooled run does them once, up front). */
export interface PreparedInput {
  entries: SourceEntry[];
  rendering: RenderStageResult;
}

/** The languages a run parses: only those enabled rules read, unless parse errors themselves are reported. */
export function languagesToParse(run: AuditRun): readonly Language[] {
  const neededLanguages = new Set(enabledRules(run.registry, run.config).flatMap((r) => r.domain.languages));
  return run.isEnabled(parseErrorRule) || run.isEnabled(unscannableRule)
    ? run.options.languages
    : run.options.languages.filter((l) => neededLanguages.has(l.id));
}

/** What a shard's run tells a pooled run besides its result. */
export interface ShardFacts {
  /** What the contents tie together (`Domain.links`), checked against the split. */
  links: PathLink[];
  /** A file named a rule the registry awaits: the shard is checked again once every rule is known. */
  namedAwaitedRule: boolean;
}

/**
 * The single-thread pipeline, stage after stage, over the source (or the `prepared` entries);
 * `shard` gathers what a pooled run needs to know of a shard.
 */
export async function runPipeline(
  options: AuditOptions,
  prepared?: PreparedInput,
  timer = new StageTimer(),
  shard?: ShardFacts,
): Promise<RunResult> {
  const started = performance.now();
  const run = new AuditRun(options);
  const { config } = run;
  const enabled = enabledRules(run.registry, config);
  const languages: Language[] = [];
  for (const language of languagesToParse(run)) languages.push(await setUpLanguage(language));

  const entries = prepared?.entries ?? (await timer.time('discover', () => discoverEntries(run)));
  const rendering =
    prepared?.rendering ?? (await timer.time('render', () => renderUnits(options, entries, config)));
  run.errors.push(...rendering.errors);
  for (const problem of rendering.problems) {
    if (run.isEnabled(renderErrorRule)) run.report(renderErrorRule, problem);
  }
  const byDomain = rulesByDomain(enabled);
  const apart = checkedApart(byDomain);
  const { parsed, suppressible, handled } = await readAndParse(
    run,
    languages,
    entries,
    rendering.claimed,
    rendering.files,
    timer,
    (file) => {
      if (!apart.languages.has(file.language)) return false;
      checkUnits(run, new Project([file]), apart.rules, timer);
      return true;
    },
  );
  const project = new Project(parsed);
  await prepareDomains(run, project, byDomain.keys(), timer);
  checkUnits(run, project, new Map([...byDomain].filter(([domain]) => !apart.rules.has(domain))), timer);
  if (shard) timer.time('units', () => shard.links.push(...linksOf(project, [...byDomain.keys()])));
  const findings = settleFindings(run, suppressible, rendering.sources, project, [...byDomain.keys()], timer);
  if (shard) shard.namedAwaitedRule = run.namedAwaitedRule;
  const result = timer.time('report', () =>
    resultOf(run, findings, { handled, enabled, started, rendering: rendering.summary }),
  );
  if (!prepared) timer.flush(options.onStageTime);
  return result;
}

/**
 * Domains whose files are checked one by one as they are parsed, and the languages they read: a
 * language goes there when every domain that reads it is file-local and needs nothing after the
 * check (no `prepare`, `links` or `suppressions`). Its models are then dropped file by file
 * instead of being held to the end of the run; the findings are the same.
 */
function checkedApart(byDomain: ReadonlyMap<Domain<unknown>, AnyRule[]>): {
  rules: Map<Domain<unknown>, AnyRule[]>;
  languages: Set<string>;
} {
  const apartOk = (d: Domain<unknown>) => d.fileLocal && !d.prepare && !d.links && !d.suppressions;
  const languages = new Set<string>();
  for (const domain of byDomain.keys()) for (const l of domain.languages) languages.add(l);
  // A language leaves when a domain reading it may not be checked apart, taking that domain's
  // other languages with it, until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const domain of byDomain.keys())
      if (!apartOk(domain) || domain.languages.some((l) => !languages.has(l)))
        for (const l of domain.languages) changed = languages.delete(l) || changed;
  }
  const rules = new Map(
    [...byDomain].filter(([d]) => d.languages.length > 0 && d.languages.every((l) => languages.has(l))),
  );
  return { rules, languages };
}

/**
 * What the contents tie together, for a pooled run to check its split against (`Domain.links`).
 * A domain that fails to say ties its files to the whole scan: the run is then checked in one piece.
 */
function linksOf(project: Project, domains: readonly Domain<unknown>[]): PathLink[] {
  const out: PathLink[] = [];
  for (const domain of domains) {
    if (!domain.links) continue;
    try {
      for (const link of domain.links(project)) out.push({ languages: domain.languages, ...link });
    } catch {
      const first = project.files.find((f) => domain.languages.includes(f.language));
      if (first) out.push({ file: first.file.path, folders: [''] });
    }
  }
  return out;
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
  errors.sort(compareErrors);
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
      .sort((a, b) => compareText(a.id, b.id)),
  });
}
