import { MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { testConfig } from '@plumbline/core/testing';
import { dockerfileLanguage } from '@plumbline/lang-dockerfile';
import { describe, expect, it } from 'vitest';
import { rules } from './index.js';

async function audit(code: string) {
  const result = await runAudit({
    source: new MemoryFileSource({ Dockerfile: code }),
    languages: [dockerfileLanguage],
    registry: new RuleRegistry(rules),
    config: testConfig(),
    now: new Date('2026-01-01T00:00:00Z'),
  });
  return result.findings.map((f) => ({ rule: f.ruleId, line: f.startLine, suppressed: f.suppressed?.kind }));
}

describe('suppressions through peer ids', () => {
  it("honours hadolint's own ignore comment on the line above", async () => {
    const findings = await audit('# hadolint ignore=DL3007\nFROM nginx:latest\nUSER nginx\n');
    expect(findings).toContainEqual({ rule: 'dockerfile/no-latest-tag', line: 2, suppressed: 'inline' });
  });

  it('honours a plumbline ignore comment naming an alias, and a Trivy id', async () => {
    const findings = await audit(
      'FROM nginx:1.27\n# plumbline:ignore DL3002 -- runs as root by design, dropped by the entrypoint\nUSER root\n',
    );
    expect(findings.filter((f) => f.rule === 'dockerfile/no-root-user')).toEqual([
      { rule: 'dockerfile/no-root-user', line: 3, suppressed: 'inline' },
    ]);
    const trivy = await audit('# trivy:ignore:AVD-DS-0002\nFROM alpine:3.20\n');
    expect(trivy).toContainEqual({ rule: 'dockerfile/no-root-user', line: 2, suppressed: 'inline' });
  });

  it('`# hadolint ignore=DL3008` above a continued RUN covers findings on its later lines', async () => {
    const code =
      'FROM debian:12-slim\n# hadolint ignore=DL3008,DL3015\nRUN apt-get update \\\n && apt-get install -y curl \\\n && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*\n';
    const findings = (await audit(code)).filter(
      (f) => f.rule === 'dockerfile/pin-apt-versions' || f.rule === 'dockerfile/apt-no-install-recommends',
    );
    expect(findings).toEqual([
      { rule: 'dockerfile/apt-no-install-recommends', line: 4, suppressed: 'inline' },
      { rule: 'dockerfile/pin-apt-versions', line: 4, suppressed: 'inline' },
      { rule: 'dockerfile/pin-apt-versions', line: 6, suppressed: undefined },
    ]);
  });

  it('`# plumbline:ignore DL3008 -- reason` works with the hadolint id', async () => {
    const code =
      'FROM debian:12-slim\n# plumbline:ignore DL3008 -- the base image pins the suite\nRUN apt-get install -y --no-install-recommends curl\n';
    const findings = (await audit(code)).filter(
      (f) => f.rule === 'dockerfile/pin-apt-versions' || f.rule.startsWith('core/'),
    );
    expect(findings).toEqual([{ rule: 'dockerfile/pin-apt-versions', line: 3, suppressed: 'inline' }]);
  });

  it('does not suppress a different rule', async () => {
    const findings = await audit('# hadolint ignore=DL3002\nFROM nginx:latest\nUSER nginx\n');
    expect(findings).toContainEqual({ rule: 'dockerfile/no-latest-tag', line: 2, suppressed: undefined });
  });
});
