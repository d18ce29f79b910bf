import { describe, expect, it } from 'vitest';
import { finding, RULES, realisticResult, runResult } from '../fixtures/results.js';
import { sarifSchemaErrors } from '../fixtures/sarif-validator.js';
import { FINGERPRINT_KEY, MAX_SARIF_RESULTS, renderSarif, toSarif } from '../index.js';

const parse = (text: string) => JSON.parse(text);

describe('renderSarif', () => {
  const log = parse(renderSarif(realisticResult()));
  const run = log.runs[0];

  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
  });

  it('the schema check catches a broken log (the test can fail)', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].tool.driver.name;
    expect(sarifSchemaErrors(broken).length).toBeGreaterThanOrEqual(2);
  });

  it('validates for an empty run and for a run with only errors', () => {
    expect(sarifSchemaErrors(parse(renderSarif(runResult([]))))).toEqual([]);
    const onlyErrors = runResult([], {
      errors: [
        { kind: 'internal', message: 'domain k8s failed: boom' },
        { kind: 'internal', message: 'domain k8s failed: boom' },
        { kind: 'config', message: 'rules.k8s/foo: unknown rule' },
        { kind: 'unreadable', file: 'k8s/locked.yaml', message: 'cannot read: EACCES' },
        { kind: 'internal', ruleId: 'dockerfile/no-root-user', file: 'Dockerfile', message: 'rule failed' },
      ],
    });
    const l = parse(renderSarif(onlyErrors));
    expect(sarifSchemaErrors(l)).toEqual([]);
    expect(l.runs[0].invocations[0].toolExecutionNotifications).toHaveLength(5);
    expect(l.runs[0].results).toEqual([]);
  });

  it('describes the tool and every enabled rule for GitHub code scanning', () => {
    const driver = run.tool.driver;
    expect(driver).toMatchObject({
      name: 'plumbline',
      version: '0.1.0',
      semanticVersion: '0.1.0',
      informationUri: 'https://github.com/plumbline-dev/plumbline',
    });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id).sort());
    const root = driver.rules.find((r: { id: string }) => r.id === 'dockerfile/no-root-user');
    expect(root).toEqual({
      id: 'dockerfile/no-root-user',
      name: 'DockerfileNoRootUser',
      shortDescription: { text: 'Container runs as root' },
      fullDescription: { text: 'The final stage sets no non-root USER, so the process runs as UID 0.' },
      helpUri: 'https://github.com/plumbline-dev/plumbline/blob/main/docs/rules/dockerfile/no-root-user.md',
      help: {
        text: expect.stringContaining('Remediation: Create an unprivileged user'),
        markdown: expect.stringContaining('**Remediation.** Create an unprivileged user and add `USER app`'),
      },
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['security', 'dockerfile', 'DL3002', 'CKV_DOCKER_3', 'AVD-DS-0002'],
        precision: 'high',
        category: 'security',
        severity: 'high',
        aliases: ['DL3002', 'CKV_DOCKER_3', 'AVD-DS-0002'],
        fixable: false,
        'security-severity': '8.0',
      },
    });
    expect(root.help.markdown).toContain('- <https://docs.docker.com/build/building/best-practices/#user>');
    expect(root.help.markdown).toContain('- CIS Docker 4.1');
  });

  it('maps severities into GitHub security-severity bands and SARIF levels', () => {
    const rule = (id: string) => run.tool.driver.rules.find((r: { id: string }) => r.id === id);
    const band = (id: string) => Number(rule(id).properties['security-severity']);
    expect(band('k8s/no-privileged-container')).toBeGreaterThanOrEqual(9);
    expect(band('dockerfile/no-root-user')).toBeGreaterThanOrEqual(7);
    expect(band('dockerfile/no-root-user')).toBeLessThan(9);
    expect(band('k8s/require-resource-limits')).toBeGreaterThanOrEqual(4);
    expect(band('k8s/require-resource-limits')).toBeLessThan(7);
    expect(rule('k8s/no-privileged-container').defaultConfiguration.level).toBe('error');
    expect(rule('k8s/require-resource-limits').defaultConfiguration.level).toBe('warning');
    // supply-chain rules are security rules for GitHub (it shows security-severity only with that tag)
    expect(rule('dockerfile/no-latest-tag').properties.tags).toEqual([
      'security',
      'supply-chain',
      'dockerfile',
      'DL3007',
      'AVD-DS-0001',
    ]);
    expect(rule('k8s/require-resource-limits').properties.tags).toEqual([
      'reliability',
      'k8s',
      'CKV_K8S_11',
      'kube-linter:unset-memory-requirements',
    ]);
    expect(rule('k8s/require-resource-limits').properties.precision).toBe('medium');

    const low = runResult([
      finding('dockerfile/no-root-user', 'Dockerfile', [1, 1, 1, 2], 'x', { severity: 'low' }),
    ]);
    const lowRule = parse(renderSarif(low)).runs[0].tool.driver.rules.find(
      (r: { id: string }) => r.id === 'dockerfile/no-root-user',
    );
    // a severity set in config is what the run reports, for the rule as for its results
    expect(lowRule.defaultConfiguration.level).toBe('note');
    expect(Number(lowRule.properties['security-severity'])).toBeGreaterThanOrEqual(0.1);
    expect(Number(lowRule.properties['security-severity'])).toBeLessThan(4);
    const info = runResult([
      finding('dockerfile/no-root-user', 'Dockerfile', [1, 1, 1, 2], 'x', { severity: 'info' }),
    ]);
    const infoRule = parse(renderSarif(info)).runs[0].tool.driver.rules.find(
      (r: { id: string }) => r.id === 'dockerfile/no-root-user',
    );
    expect(infoRule.properties).not.toHaveProperty('security-severity');
  });

  it('reports results with relative %SRCROOT% locations, regions, fingerprints and properties', () => {
    const priv = run.results.find((r: { ruleId: string }) => r.ruleId === 'k8s/no-privileged-container');
    expect(priv).toEqual({
      ruleId: 'k8s/no-privileged-container',
      ruleIndex: run.tool.driver.rules.findIndex(
        (r: { id: string }) => r.id === 'k8s/no-privileged-container',
      ),
      level: 'error',
      message: { text: 'Container "api" runs privileged.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'k8s/deployment.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 24, startColumn: 13, endLine: 24, endColumn: 29 },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: expect.stringMatching(/^fp/) },
      properties: {
        severity: 'critical',
        confidence: 'high',
        category: 'security',
        resource: 'Deployment/production/api',
      },
    });
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(run.originalUriBaseIds['%SRCROOT%']).toBeDefined();
    expect(run.columnKind).toBe('utf16CodeUnits');
    const uris = run.results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toContain('k8s/my%20app/worker.yaml');
    expect(uris).toContain('.github/workflows/ci-cd.yml');
    expect(uris.every((u: string) => !u.startsWith('/') && !u.includes(':'))).toBe(true);
  });

  it('marks suppressed findings with SARIF suppressions (inSource vs external, with the reason)', () => {
    const kinds = run.results
      .filter((r: { suppressions?: unknown[] }) => r.suppressions)
      .map(
        (r: {
          suppressions: { kind: string; justification: string; properties: { plumblineKind: string } }[];
        }) => {
          const s = r.suppressions[0]!;
          return [s.properties.plumblineKind, s.kind, s.justification];
        },
      );
    expect(kinds).toEqual([
      ['inline', 'inSource', 'limits come from the LimitRange in this namespace'],
      ['baseline', 'external', 'in baseline'],
      ['exception', 'external', 'CNI agent needs host access; approved SEC-142'],
      ['annotation', 'inSource', 'plumbline.dev/ignore annotation'],
    ]);
    expect(run.results.filter((r: { suppressions?: unknown[] }) => !r.suppressions)).toHaveLength(5);
  });

  it('carries a fix as a SARIF fix replacing whole lines', () => {
    const latest = run.results.find((r: { ruleId: string }) => r.ruleId === 'dockerfile/no-latest-tag');
    expect(latest.fixes).toEqual([
      {
        description: { text: 'Pin the base image to the current LTS' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
            replacements: [
              {
                deletedRegion: { startLine: 1, endLine: 1 },
                insertedContent: { text: 'FROM node:20.11-slim AS build' },
              },
            ],
          },
        ],
      },
    ]);
  });

  it('turns every scan error into a tool execution notification; the run still succeeded', () => {
    const invocation = run.invocations[0];
    expect(invocation.executionSuccessful).toBe(true);
    const notes = invocation.toolExecutionNotifications;
    expect(notes).toHaveLength(realisticResult().errors.length);
    const parseNote = notes.find((n: { descriptor: { id: string } }) => n.descriptor.id === 'parse');
    expect(parseNote).toEqual({
      level: 'error',
      message: { text: 'k8s/broken.yaml: bad indentation of a mapping entry' },
      descriptor: { id: 'parse', index: 0 },
      associatedRule: { id: 'core/parse-error', index: 0 },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'k8s/broken.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 5, startColumn: 2 },
          },
        },
      ],
    });
    const levels = Object.fromEntries(
      notes.map((n: { descriptor: { id: string }; level: string }) => [n.descriptor.id, n.level]),
    );
    expect(levels).toEqual({
      binary: 'warning',
      skipped: 'note',
      parse: 'error',
      'too-large': 'warning',
      'expired-exception': 'warning',
    });
    const big = notes.find((n: { descriptor: { id: string } }) => n.descriptor.id === 'too-large');
    expect(big.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'k8s/huge.yaml', uriBaseId: '%SRCROOT%' },
    });
    for (const n of notes) expect(run.tool.driver.notifications[n.descriptor.index].id).toBe(n.descriptor.id);
  });

  it('stays within GitHub limits: tags per rule, results per run', () => {
    const many = Array.from({ length: 30 }, (_, i) => `PEER_${i}`);
    const r = runResult([], { rules: [{ ...RULES[2]!, aliases: many }] });
    expect(parse(renderSarif(r)).runs[0].tool.driver.rules[0].properties.tags).toHaveLength(20);

    expect(MAX_SARIF_RESULTS).toBe(25_000);
    const lots = Array.from({ length: MAX_SARIF_RESULTS + 5 }, (_, i) =>
      finding(
        'k8s/require-resource-limits',
        `k8s/app-${i}.yaml`,
        [1, 1, 1, 5],
        'no limit',
        i % 2 ? { suppressed: { kind: 'baseline', reason: 'in baseline' } } : {},
      ),
    );
    const capped = toSarif(runResult(lots)).runs[0];
    expect(capped.results).toHaveLength(MAX_SARIF_RESULTS);
    // the suppressed ones go first
    expect(capped.results.filter((x) => !x.suppressions)).toHaveLength(
      Math.ceil((MAX_SARIF_RESULTS + 5) / 2),
    );
  });

  it('keeps the most severe unsuppressed results when it has to leave some out, and says so', () => {
    const result = realisticResult();
    const l = toSarif(result, { maxResults: 3 });
    expect(sarifSchemaErrors(l)).toEqual([]);
    const kept = l.runs[0].results.map((r) => [
      r.ruleId,
      r.locations[0]!.physicalLocation.artifactLocation.uri,
    ]);
    expect(kept).toEqual([
      ['gha/no-template-injection-in-run', '.github/workflows/ci-cd.yml'],
      ['dockerfile/no-root-user', 'Dockerfile'],
      ['k8s/no-privileged-container', 'k8s/deployment.yaml'],
    ]);
    const note = l.runs[0].invocations[0].toolExecutionNotifications.at(-1)!;
    expect(note.message.text).toMatch(/^6 of 9 results were left out/);
    expect(l.runs[0].tool.driver.notifications[note.descriptor.index]!.id).toBe('results-left-out');
  });

  it('describes a rule that is missing from result.rules from its findings', () => {
    const f = finding('dockerfile/no-root-user', 'Dockerfile', [2, 1, 2, 5], 'root');
    const l = parse(renderSarif(runResult([{ ...f, ruleId: 'terraform/new-rule' }], { rules: [] })));
    expect(sarifSchemaErrors(l)).toEqual([]);
    expect(l.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['terraform/new-rule']);
    expect(l.runs[0].results[0].ruleIndex).toBe(0);
  });

  it('keeps regions well-formed for zero-width and multi-line spans', () => {
    const findings = [
      finding('core/parse-error', 'k8s/empty.yaml', [1, 1, 1, 1], 'Could not parse this file: empty'),
      finding('k8s/require-resource-limits', 'k8s/a.yaml', [3, 5, 9, 2], 'multi-line'),
    ];
    const l = parse(renderSarif(runResult(findings)));
    expect(sarifSchemaErrors(l)).toEqual([]);
    expect(
      l.runs[0].results.map(
        (r: { locations: { physicalLocation: { region: unknown } }[] }) =>
          r.locations[0]!.physicalLocation.region,
      ),
    ).toEqual([
      { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      { startLine: 3, startColumn: 5, endLine: 9, endColumn: 2 },
    ]);
  });
});
