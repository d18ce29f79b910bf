import { compareText } from '../compare-text.js';
import type { ResolvedConfig } from '../config/config.js';
import type { RenderSummary, ScanError } from '../model/finding.js';
import {
  DEFAULT_VARIANT,
  type RenderedFile,
  type Renderer,
  type RenderPlan,
  type RenderProblem,
  type RenderSource,
} from '../model/renderer.js';
import { parseDirectives } from '../suppress/directives.js';
import type { AuditOptions, RawFinding } from './audit.js';
import type { SourceEntry } from './file-source.js';

export interface RenderStageResult {
  files: RenderedFile[];
  claimed: Set<string>;
  sources: RenderSource[];
  problems: RenderProblem[];
  errors: ScanError[];
  summary: Record<string, RenderSummary>;
}

/** The renderers' plans: what they claim, known before any tool runs, and the run itself. */
export interface PlannedRenders {
  claimed: Set<string>;
  /** Runs every renderer's plan, one renderer after the other. */
  run(): Promise<RenderStageResult>;
}

/**
 * The first half of the "render" stage: each renderer finds its deployment units and claims the
 * sources they read (templates, values, bases, patches), so these are not parsed again as loose
 * files. Nothing runs yet: the claims let the engine start on the files rendering cannot touch.
 */
export async function planRenders(
  options: AuditOptions,
  entries: readonly SourceEntry[],
  config: ResolvedConfig,
): Promise<PlannedRenders> {
  const out: RenderStageResult = {
    files: [],
    claimed: new Set(),
    sources: [],
    problems: [],
    errors: [],
    summary: {},
  };
  const plans: { renderer: Renderer; plan: RenderPlan; planMs: number }[] = [];
  for (const renderer of options.renderers ?? []) {
    const started = performance.now();
    try {
      const plan = await renderer.plan({ source: options.source, entries, config });
      for (const path of plan.claimed) out.claimed.add(path);
      plans.push({ renderer, plan, planMs: performance.now() - started });
    } catch (error) {
      out.errors.push(failed(renderer, error));
    }
  }
  return {
    claimed: out.claimed,
    run: async () => {
      for (const { renderer, plan, planMs } of plans) {
        const started = performance.now() - planMs;
        try {
          const result = await plan.run();
          out.files.push(...result.files);
          // Sources are kept for their ignore comments only (a source without one suppresses
          // nothing): every template and values text held to the end of the run was ~40 MB on the corpus.
          for (const source of result.sources)
            if (parseDirectives(source.comments).length > 0) out.sources.push(source);
          out.problems.push(...result.problems);
          for (const notice of result.notices)
            out.errors.push({
              kind: 'skipped',
              message: `${renderer.id}: ${notice.message}`,
              file: notice.file,
            });
          out.summary[renderer.id] = { ...result.stats, durationMs: Math.round(performance.now() - started) };
        } catch (error) {
          // Its claims stand: the files were planned without them on every thread count alike.
          out.errors.push(failed(renderer, error));
        }
      }
      return out;
    },
  };
}

/** The whole "render" stage at once: plan, then run. */
export async function renderUnits(
  options: AuditOptions,
  entries: readonly SourceEntry[],
  config: ResolvedConfig,
): Promise<RenderStageResult> {
  return (await planRenders(options, entries, config)).run();
}

function failed(renderer: Renderer, error: unknown): ScanError {
  return { kind: 'internal', message: `renderer ${renderer.id} failed: ${(error as Error).message}` };
}

/**
 * One finding per distinct cause: the same rule, message and source location reached through
 * several values sets (or overlays) is reported once, naming the variants it appears in.
 */
export function mergeVariants(findings: RawFinding[]): RawFinding[] {
  const out: RawFinding[] = [];
  const seen = new Map<string, RawFinding>();
  for (const f of findings) {
    const key = [
      f.ruleId,
      f.file,
      f.startLine,
      f.startColumn,
      f.endLine,
      f.endColumn,
      f.resource ?? '',
      f.message,
    ].join('\u0000');
    const first = seen.get(key);
    if (!first) {
      seen.set(key, f);
      out.push(f);
      continue;
    }
    if (!f.variants) continue;
    first.variants = [...new Set([...(first.variants ?? []), ...f.variants])];
  }
  for (const f of out) {
    const list = (f.variants ?? []).sort((a, b) =>
      a === DEFAULT_VARIANT ? -1 : b === DEFAULT_VARIANT ? 1 : compareText(a, b),
    );
    // A chart rendered only with its defaults needs no "[in: ...]".
    if (list.length > 1 || (list.length === 1 && list[0] !== DEFAULT_VARIANT))
      f.message = `${f.message} [in: ${list.length > 4 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} more` : list.join(', ')}]`;
    delete f.variants;
  }
  return out;
}
