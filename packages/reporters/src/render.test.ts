import {
  coreRules,
  defineRule,
  MemoryFileSource,
  RuleRegistry,
  type RunResult,
  runAudit,
} from '@plumbline/core';
import { lineDomain, lineLanguage, testConfig } from '@plumbline/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { realisticResult } from './fixtures/results.js';
import { sarifSchemaErrors } from './fixtures/sarif-validator.js';
import {
  FORMATS,
  isReportFormat,
  renderJson,
  renderMarkdown,
  renderReport,
  renderSarif,
  renderText,
} from './index.js';

describe('renderReport', () => {
  const result = realisticResult();

  it('knows the four formats', () => {
    expect(FORMATS).toEqual(['text', 'json', 'sarif', 'markdown']);
    expect(isReportFormat('sarif')).toBe(true);
    expect(isReportFormat('xml')).toBe(false);
  });

  it('dispatches to each renderer with its options', () => {
    expect(renderReport('text', result)).toBe(renderText(result, { color: false }));
    expect(renderReport('text', result, { color: true, verbose: true })).toBe(
      renderText(result, { color: true, verbose: true }),
    );
    expect(renderReport('json', result)).toBe(renderJson(result));
    expect(renderReport('sarif', result)).toBe(renderSarif(result));
    expect(renderReport('markdown', result, { marker: 'x', onlyNew: true })).toBe(
      renderMarkdown(result, { marker: 'x', onlyNew: true }),
    );
    expect(() => renderReport('xml' as never, result)).toThrow(/unknown report format: xml/);
  });

  it('every format ends with exactly one newline and is deterministic', () => {
    for (const format of FORMATS) {
      const out = renderReport(format, result);
      expect(out.endsWith('\n') && !out.endsWith('\n\n')).toBe(true);
      expect(renderReport(format, realisticResult())).toBe(out);
    }
  });
});

/* A real run through core's engine: a toy `.conf` language, one unit per line. */
const conf = lineLanguage({
  id: 'conf',
  extension: '.conf',
  syntaxError: '{{',
  message: 'unexpected template braces',
});
const domain = lineDomain('k8s', 'conf');
const privileged = defineRule({
  id: 'k8s/no-privileged-container',
  domain,
  meta: {
    title: 'Privileged container',
    description: 'The container runs privileged.',
    rationale: 'Full access to the node.',
    remediation: 'Set `privileged: false`.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    aliases: ['CKV_K8S_16'],
    fixable: true,
    examples: { invalid: [], valid: [] },
  },
  check({ file, line }, ctx) {
    const i = line.text.indexOf('privileged=true');
    if (i < 0) return;
    const loc = { file, start: line.start + i, end: line.start + i + 15 };
    ctx.report({
      at: loc,
      message: 'The container runs privileged.',
      resource: `line ${file.position(line.start).line}`,
      fix: { description: 'Turn it off', loc, replacement: 'privileged=false' },
    });
  },
});

describe('a real run through runAudit', () => {
  let result: RunResult;
  beforeAll(async () => {
    result = await runAudit({
      source: new MemoryFileSource(
        {
          'app/a.conf': 'name=a\nprivileged=true\n',
          'app/b.conf': 'privileged=true # plumbline:ignore CKV_K8S_16 -- node agent needs it\n',
          'app/broken.conf': 'x={{ .Values }}\n',
          'app/blob.conf': Buffer.from([1, 0, 2, 0]),
        },
        'demo',
      ),
      languages: [conf],
      registry: new RuleRegistry([privileged, ...coreRules]),
      config: testConfig(),
      now: new Date('2026-06-01'),
    });
  });

  it('renders all four formats from the engine output', () => {
    const text = renderText(result, { color: false });
    expect(text).toContain('app/a.conf\n  critical  k8s/no-privileged-container  app/a.conf:2:1  (line 2)\n');
    expect(text).toContain('  app/broken.conf:1:3  parse error: unexpected template braces\n');
    expect(text).toContain('  app/blob.conf        binary file: binary content (NUL bytes)\n');
    expect(text).toMatch(/2 findings \(1 critical, 1 medium\) in 3 files, 1 suppressed, \d+ms\n$/);

    const json = JSON.parse(renderJson(result));
    expect(json.findings.map((f: { ruleId: string; file: string }) => `${f.ruleId} ${f.file}`)).toEqual([
      'k8s/no-privileged-container app/a.conf',
      'k8s/no-privileged-container app/b.conf',
      'core/parse-error app/broken.conf',
    ]);
    expect(json.findings[1].suppressed).toEqual({ kind: 'inline', reason: 'node agent needs it' });

    const sarif = JSON.parse(renderSarif(result));
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    const run = sarif.runs[0];
    expect(run.results).toHaveLength(3);
    expect(run.results[0].fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: { startLine: 2, endLine: 2 },
      insertedContent: { text: 'privileged=false' },
    });
    expect(run.results[1].suppressions[0]).toMatchObject({
      kind: 'inSource',
      justification: 'node agent needs it',
    });
    expect(
      run.invocations[0].toolExecutionNotifications.map(
        (n: { descriptor: { id: string } }) => n.descriptor.id,
      ),
    ).toEqual(['binary', 'parse']);
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('core/parse-error');

    const md = renderMarkdown(result, { marker: '<!-- plumbline -->' });
    expect(md).toContain('❌ **2 findings**: 🔴 1 critical · 🟡 1 medium · 2 files could not be scanned');
    expect(md).toMatch(/\[(`app\/a\.conf:2`|line 2)\]\(app\/a\.conf#L2\)/);
    expect(md).toContain('  ```\n  privileged=false\n  ```');
  });
});
