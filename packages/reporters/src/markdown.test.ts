import type { Finding, Severity } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { finding, realisticResult, runResult } from './fixtures/results.js';
import { DEFAULT_MARKDOWN_MAX_LENGTH, renderMarkdown } from './index.js';
import { escapeInline } from './markdown.js';

const RULE_OF: Record<Severity, string> = {
  critical: 'k8s/no-privileged-container',
  high: 'dockerfile/no-root-user',
  medium: 'k8s/require-resource-limits',
  low: 'k8s/require-resource-limits',
  info: 'k8s/require-resource-limits',
};

/** `n` findings spread over files, severities cycling from info up to critical. */
function many(n: number): Finding[] {
  const order: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
  return Array.from({ length: n }, (_, i) => {
    const severity = order[i % 5]!;
    return finding(
      RULE_OF[severity],
      `k8s/team-${String(Math.floor(i / 7)).padStart(3, '0')}/deploy.yaml`,
      [10 + i, 3, 10 + i, 9],
      `Finding number ${i} is described here at some length, as real messages are.`,
      { severity, resource: `Deployment/prod/app-${i}` },
    );
  });
}

describe('renderMarkdown', () => {
  const result = realisticResult();
  const md = renderMarkdown(result, { marker: '<!-- plumbline -->' });

  it('starts with the hidden marker, a title and a one-line verdict', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('<!-- plumbline -->');
    expect(lines).toContain('### Plumbline');
    expect(lines).toContain(
      '❌ **5 findings**: 🔴 2 critical · 🟠 1 high · 🟡 2 medium · 4 files could not be scanned',
    );
    // the counts are said once: no table repeating them
    expect(md).not.toContain('| Severity |');
    expect(renderMarkdown(result, { marker: 'plumbline:pr' }).split('\n')[0]).toBe('<!-- plumbline:pr -->');
    expect(renderMarkdown(result, { marker: 'a --> b' }).split('\n')[0]).toBe('<!-- a - b -->');
    expect(renderMarkdown(result, { title: 'Policy audit' })).toMatch(/^### Policy audit\n/);
  });

  it('says what the last push fixed in the same line', () => {
    expect(renderMarkdown(result, { onlyNew: true, fixed: 2 })).toContain(
      '❌ **5 new findings**: 🔴 2 critical · 🟠 1 high · 🟡 2 medium · ✔️ 2 fixed since the last push · 4 files could not be scanned',
    );
    expect(renderMarkdown(runResult([]), { onlyNew: true, fixed: 1 })).toContain(
      '\n✅ **No new findings** · ✔️ 1 fixed since the last push\n',
    );
  });

  it('has a calm verdict for clean and for low-only runs', () => {
    expect(renderMarkdown(runResult([]))).toContain('\n✅ **No findings**\n');
    expect(renderMarkdown(runResult([]), { onlyNew: true })).toContain('\n✅ **No new findings**\n');
    const medium = runResult([
      finding('k8s/require-resource-limits', 'k8s/a.yaml', [3, 1, 3, 4], 'no limit'),
    ]);
    expect(renderMarkdown(medium, { onlyNew: true })).toContain('\n⚠️ **1 new finding**: 🟡 1 medium\n');
    expect(renderMarkdown(runResult([]))).not.toContain('| Severity |');
  });

  it('lists critical and high first, with file:line links, before anything else', () => {
    const fixFirst = md.indexOf('**Fix first**');
    expect(fixFirst).toBeGreaterThan(0);
    expect(fixFirst).toBeLessThan(md.indexOf('**Other findings**'));
    const urgent = [
      ...md
        .slice(fixFirst, md.indexOf('**Other findings**'))
        .matchAll(/^- (\S+) \*\*(\w+)\*\* · \[`([^`]+)`\]/gmu),
    ];
    expect(urgent.map((m) => [m[2], m[3]])).toEqual([
      ['Critical', '.github/workflows/ci-cd.yml:41'],
      ['Critical', 'k8s/deployment.yaml:24'],
      ['High', 'Dockerfile:14'],
    ]);
    expect(md).toContain(
      '- 🟠 **High** · [`Dockerfile:14`](Dockerfile#L14) · [`dockerfile/no-root-user`](https://github.com/plumbline-dev/plumbline/blob/main/docs/rules/dockerfile/no-root-user.md)<br>\n  The final stage (FROM nginx:1.25) sets no USER, so nginx runs as root.\n  <details><summary>Container runs as root</summary>\n\n  **How to fix:** Create an unprivileged user and add `USER app` in the final stage.\n\n  Resource: `stage runtime` · Confidence: high · Also known as: `DL3002`, `CKV_DOCKER_3`, `AVD-DS-0002`\n\n  </details>',
    );
  });

  it('groups the other findings by file, collapsed, with line links and the suggested change', () => {
    expect(md).toContain(
      '<details><summary><code>Dockerfile</code> · 1 finding (1 medium)</summary>\n\n- 🟡 **Medium** · [line 1](Dockerfile#L1) · [`dockerfile/no-latest-tag`]',
    );
    expect(md).toContain(
      '  Suggested change (line 1): Pin the base image to the current LTS\n\n  ```dockerfile\n  FROM node:20.11-slim AS build\n  ```',
    );
    const files = [...md.matchAll(/^<details><summary><code>([^<]+)<\/code> · /gm)].map((m) => m[1]);
    expect(files).toEqual(['Dockerfile', 'k8s/broken.yaml']);
  });

  it('makes one entry of the findings on one line, the most severe first', () => {
    const out = renderMarkdown(
      runResult([
        finding('dockerfile/no-latest-tag', 'Dockerfile', [3, 1, 3, 20], 'unpinned apt packages', {
          severity: 'low',
        }),
        finding('dockerfile/no-root-user', 'Dockerfile', [3, 1, 3, 20], 'no recommends', {
          severity: 'medium',
        }),
        finding('dockerfile/no-root-user', 'Dockerfile', [5, 1, 5, 20], 'other line', { severity: 'low' }),
      ]),
    );
    expect((out.match(/^- [🔴🟠🟡🔵⚪]/gmu) ?? []).length).toBe(2);
    expect(out).toContain('- 🟡 **Medium** · [line 3](Dockerfile#L3) · 2 findings: ');
    expect(out).toContain('  - 🟡 no recommends\n  - 🔵 unpinned apt packages\n');
  });

  it('uses the links it is given', () => {
    const out = renderMarkdown(result, {
      fileUrl: (file, line) => `https://github.com/acme/shop/blob/abc123/${file}#L${line}`,
      ruleUrl: (id) => `https://plumbline.dev/rules/${id}`,
    });
    expect(out).toContain(
      '[`k8s/deployment.yaml:24`](https://github.com/acme/shop/blob/abc123/k8s/deployment.yaml#L24) · [`k8s/no-privileged-container`](https://plumbline.dev/rules/k8s/no-privileged-container)',
    );
  });

  it('lists suppressed findings collapsed, or only counts them for new-findings comments', () => {
    expect(md).toContain(
      '<details><summary>4 suppressed findings</summary>\n\n- `k8s/require-resource-limits` in `k8s/deployment.yaml` line 19 — inline: limits come from the LimitRange in this namespace\n- `k8s/require-resource-limits` in `k8s/my app/worker.yaml` line 30 — in the baseline',
    );
    const onlyNew = renderMarkdown(result, { onlyNew: true });
    expect(onlyNew).toContain('❌ **5 new findings**');
    expect(onlyNew).not.toContain('suppressed finding');
    expect(onlyNew).toContain('· 4 suppressed</sub>');
    // suppressed findings are never in the main list
    expect(md.slice(0, md.indexOf('suppressed findings'))).not.toContain('node-agent');
  });

  it('lists what could not be scanned, collapsed', () => {
    expect(md).toContain(
      '<details><summary>4 files could not be scanned, 1 warning</summary>\n\n- `charts/logo.yaml`: binary file — binary content (NUL bytes)\n- `helm/my-app/templates/deployment.yaml`: skipped — Helm template (rendered by Helm, not scanned)\n- `k8s/broken.yaml` line 5: parse error — bad indentation of a mapping entry',
    );
  });

  it('escapes what comes from scanned files: no HTML, no @mentions, no stray Markdown', () => {
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> cc @\u200boctocat');
    expect(md).not.toContain('<script>');
    expect(escapeInline('a *b* [c](http://x) `k: <v>` | d_e @team email@example.com')).toBe(
      'a \\*b\\* \\[c\\](http://x) `k: <v>` \\| d\\_e @\u200bteam email@example.com',
    );
    const weird = runResult([
      finding('k8s/require-resource-limits', 'k8s/odd `name`.yaml', [2, 1, 2, 3], 'line one\nline two'),
    ]);
    const out = renderMarkdown(weird);
    expect(out).toContain('<summary><code>k8s/odd `name`.yaml</code> ·');
    expect(out).toContain('[line 2](k8s/odd%20%60name%60.yaml#L2)');
    expect(out).toContain('  line one line two\n');
  });

  it('never exceeds maxLength, keeps the most severe findings and counts the rest', () => {
    const findings = many(400);
    const big = runResult(findings);
    for (const maxLength of [1500, 4000, 9000, 20_000, 65_536]) {
      const out = renderMarkdown(big, { maxLength });
      expect(out.length).toBeLessThanOrEqual(maxLength);
      const shown = (out.match(/^- [🔴🟠🟡🔵⚪]/gmu) ?? []).length;
      const more = Number(/…and (\d+) more findings/.exec(out)?.[1] ?? 0);
      expect(shown + more).toBe(400);
      expect(shown).toBeGreaterThan(0);
      if (more > 0) {
        // everything shown is at least as severe as everything left out
        const rank = ['info', 'low', 'medium', 'high', 'critical'];
        const shownSeverities = [...out.matchAll(/^- . \*\*(\w+)\*\*/gmu)].map((m) =>
          rank.indexOf(m[1]!.toLowerCase()),
        );
        const breakdown = /…and \d+ more findings \(([^)]*)\) not shown here/.exec(out)![1]!;
        const omittedSeverities = [...breakdown.matchAll(/\d+ (\w+)/g)].map((m) => rank.indexOf(m[1]!));
        expect(Math.min(...shownSeverities)).toBeGreaterThanOrEqual(Math.max(...omittedSeverities));
      }
    }
    const small = renderMarkdown(big, { maxLength: 4000 });
    expect(small).toContain('🔴 80 critical');
    expect(small).toMatch(/…and \d+ more findings \(.*80 info\) not shown here/);
  });

  it('stays under the default cap for a very large run, and under any cap even when the head alone is too long', () => {
    const out = renderMarkdown(runResult(many(3000)));
    expect(out.length).toBeLessThanOrEqual(DEFAULT_MARKDOWN_MAX_LENGTH);
    expect(out.length).toBeGreaterThan(DEFAULT_MARKDOWN_MAX_LENGTH * 0.8);
    const tiny = renderMarkdown(realisticResult(), { maxLength: 200, marker: '<!-- plumbline -->' });
    expect(tiny.length).toBeLessThanOrEqual(200);
    expect(tiny.startsWith('<!-- plumbline -->')).toBe(true);
    for (let maxLength = 60; maxLength < 400; maxLength += 7) {
      const out = renderMarkdown(realisticResult(), { maxLength });
      expect(out.length).toBeLessThanOrEqual(maxLength);
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });

  it('caps long side lists with "…and N more"', () => {
    const errors = Array.from({ length: 2000 }, (_, i) => ({
      kind: 'binary' as const,
      file: `assets/blob-${i}.yaml`,
      message: 'skipped: binary content (NUL bytes)',
    }));
    const out = renderMarkdown(runResult([], { errors }), { maxLength: 20_000 });
    expect(out.length).toBeLessThanOrEqual(20_000);
    expect(out).toMatch(/\n- …and \d+ more\n/);
    expect(out).toContain('2000 files could not be scanned');
  });
});

describe('titles in <summary>', () => {
  it('render code spans as <code>, since Markdown does not apply inside HTML', () => {
    const result = realisticResult();
    result.findings[0]!.title = 'Base image uses the `latest` tag <x>';
    const md = renderMarkdown(result);
    expect(md).toContain('<summary>Base image uses the <code>latest</code> tag &#60;x&#62;</summary>');
  });
});
