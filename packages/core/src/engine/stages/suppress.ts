import type { Domain } from '../../model/domain.js';
import type { Finding } from '../../model/finding.js';
import type { ParsedFile } from '../../model/language.js';
import type { Project } from '../../model/project.js';
import { isRendered, type RenderSource } from '../../model/renderer.js';
import { applySuppressions } from '../../suppress/apply.js';
import type { RawFinding } from '../audit.js';
import { compareFindings } from '../finding.js';
import { fingerprint } from '../fingerprint.js';
import { narrowPartsByConfig } from '../parts.js';
import { mergeVariants } from '../render-stage.js';
import type { StageTimer } from '../stage-timer.js';
import type { AuditRun } from './run-context.js';

/**
 * The "fingerprint" and "suppress" stages: combined findings lose the parts whose rule is off,
 * rendered variants merge, each finding gets its fingerprint, then ignore comments, domain
 * annotations, config exceptions and the baseline mark what they suppress. Sorted on the way out.
 */
export function settleFindings(
  run: AuditRun,
  parsed: readonly ParsedFile[],
  renderSources: readonly RenderSource[],
  project: Project,
  domains: Domain<unknown>[],
  timer: StageTimer,
): Finding[] {
  const { config, registry, options } = run;
  const merged = timer.time('fingerprint', () => {
    // Combined findings lose the parts whose rule is off; a finding with no part left goes.
    const kept = run.raw.filter((f) => narrowPartsByConfig(f, registry, run.isEnabled, config));
    const out = mergeVariants(kept);
    assignFingerprints(out);
    return out;
  });
  const findings = timer.time('suppress', () =>
    applySuppressions({
      findings: merged,
      // Ignore comments in templates, values files and patches apply to the findings mapped there.
      parsed: [
        ...parsed.filter((p) => !isRendered(p.file)),
        ...renderSources.map((s) => ({
          language: 'source',
          file: s.file,
          model: undefined,
          comments: s.comments,
        })),
      ],
      project,
      domains,
      registry,
      config,
      baseline: options.baseline,
      now: options.now ?? new Date(),
      errors: run.errors,
      describe: run.describe,
      isEnabled: run.isEnabled,
      awaited: () => {
        run.namedAwaitedRule = true;
      },
    }),
  );
  findings.sort(compareFindings);
  return findings;
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
