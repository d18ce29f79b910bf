import type { ReportData } from './model.js';

/** results.json: the full current picture of the run (unchanged repositories' findings included). */
export function renderResults(data: ReportData): string {
  const results = {
    org: data.org,
    runId: data.runId,
    runAt: data.runAt,
    tool: { name: 'plumbline', version: data.toolVersion },
    repositories: data.repositories.map((r) => ({
      name: r.name,
      headSha: r.headSha,
      status: r.status,
      ...(r.reason ? { reason: r.reason } : {}),
      findings: r.findings,
      bySeverity: r.bySeverity,
      ...(r.errors.length ? { errors: r.errors } : {}),
    })),
    findings: data.findings.map(({ repository, ...finding }) => ({ repository, ...finding })),
    new: data.newThisRun.length,
    fixed: data.fixedThisRun.map((f) => ({
      repository: f.repository,
      ruleId: f.ruleId,
      fingerprint: f.fingerprint,
      fixedAt: f.fixedAt,
    })),
  };
  return `${JSON.stringify(results, null, 2)}\n`;
}
