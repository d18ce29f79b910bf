import { describe, expect, it } from 'vitest';
import { finding, realisticResult, runResult, summarize } from './fixtures/results.js';
import { renderText, sanitizeForTerminal } from './index.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
const ANSI = /\u001b\[/;

describe('renderText', () => {
  it('prints a small result exactly: file heading, finding, remediation, summary', () => {
    const f = finding(
      'dockerfile/no-root-user',
      'Dockerfile',
      [14, 1, 14, 29],
      'The final stage sets no USER.',
      { resource: 'stage runtime' },
    );
    const result = runResult([f], { summary: summarize([f], 3, 57) });
    expect(renderText(result, { color: false })).toBe(
      [
        'Dockerfile',
        '  high      dockerfile/no-root-user  Dockerfile:14:1  (stage runtime)',
        '            The final stage sets no USER.',
        '            Fix: Create an unprivileged user and add `USER app` in the final stage.',
        '',
        '1 finding (1 high) in 3 files, 0 suppressed, 57ms',
        '',
      ].join('\n'),
    );
  });

  it('prints the findings that start on one line as one entry, the most severe first', () => {
    const low = finding('dockerfile/no-latest-tag', 'Dockerfile', [3, 1, 3, 30], 'Base image is unpinned.', {
      severity: 'low',
    });
    const high = finding('dockerfile/no-root-user', 'Dockerfile', [3, 5, 3, 30], 'Runs as root.');
    const result = runResult([low, high], { summary: summarize([low, high], 1, 5) });
    const lines = renderText(result, { color: false }).split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'Dockerfile',
      '  high      Dockerfile:3:5  2 findings on this line',
      '            high  dockerfile/no-root-user: Runs as root.',
      '              Fix: Create an unprivileged user and add `USER app` in the final stage.',
      '            low  dockerfile/no-latest-tag: Base image is unpinned.',
      expect.stringMatching(/^ {14}Fix: /),
    ]);
    const quiet = renderText(result, { color: false, quiet: true }).split('\n');
    expect(quiet[1]).toBe(
      '  high      Dockerfile:3:5  high: Runs as root. · low: Base image is unpinned.  dockerfile/no-root-user, dockerfile/no-latest-tag',
    );
  });

  const result = realisticResult();
  const text = renderText(result, { color: false });

  it('groups findings by file, in the engine order, each with severity, rule, position, message and fix', () => {
    const headings = text
      .split('\n')
      .filter((l) => l && !l.startsWith(' ') && l !== 'Could not scan' && l !== 'Warnings');
    expect(headings.slice(0, -1)).toEqual([
      '.github/workflows/ci-cd.yml',
      'Dockerfile',
      'k8s/broken.yaml',
      'k8s/deployment.yaml',
    ]);
    expect(text).toContain(
      '  critical  k8s/no-privileged-container  k8s/deployment.yaml:24:13  (Deployment/production/api)\n',
    );
    expect(text).toContain('            Container "api" runs privileged.\n');
    expect(text).toContain(
      '            Fix: Remove `privileged: true`; grant only the capabilities the workload needs.\n',
    );
    expect(text).toContain('            Autofix available: Pin the base image to the current LTS (line 1)\n');
  });

  it('counts suppressed findings in the summary but lists them only when verbose', () => {
    expect(text).not.toContain('node-agent.yaml');
    expect(text).not.toMatch(/^\s+suppressed,/m);
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '5 findings (2 critical, 1 high, 2 medium) in 14 files, 4 suppressed, 412ms',
    );
    const verbose = renderText(result, { color: false, verbose: true });
    expect(verbose).toContain('k8s/node-agent.yaml:22:15');
    expect(verbose).toContain(
      '            suppressed, exception: CNI agent needs host access; approved SEC-142\n',
    );
    expect(verbose).toContain('            suppressed, in the baseline\n');
  });

  it('lists the files it could not scan, with positions for parse errors, and other warnings apart', () => {
    const section = text.slice(text.indexOf('Could not scan'), text.indexOf('Warnings'));
    expect(section.split('\n').filter(Boolean)).toEqual([
      'Could not scan',
      '  charts/logo.yaml                       binary file: binary content (NUL bytes)',
      '  helm/my-app/templates/deployment.yaml  skipped: Helm template (rendered by Helm, not scanned)',
      '  k8s/broken.yaml:5:2                    parse error: bad indentation of a mapping entry',
      '  k8s/huge.yaml                          file too large: 52428800 bytes is over the 5242880-byte limit (maxFileSize)',
    ]);
    expect(text).toContain('Warnings\n  expired exception: exception for k8s/no-host-network');
  });

  it('uses ANSI colour only when asked', () => {
    expect(text).not.toMatch(ANSI);
    const coloured = renderText(result, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31mhigh    \u001b[39m');
    // stripping the escapes gives back the plain report
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI escapes
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(text);
  });

  it('quiet: one line per finding, no remediation, errors only counted', () => {
    const quiet = renderText(result, { color: false, quiet: true });
    expect(quiet).not.toContain('Fix:');
    expect(quiet).toContain(
      '  critical  k8s/deployment.yaml:24:13  Container "api" runs privileged.  k8s/no-privileged-container\n',
    );
    expect(quiet).toContain('4 files could not be scanned.\n');
    expect(quiet).not.toContain('Warnings');
    expect(quiet.trimEnd().split('\n').at(-1)).toMatch(/^5 findings /);
  });

  it('says so plainly when there is nothing to report', () => {
    expect(renderText(runResult([], { summary: { ...summarize([], 1, 8) } }), { color: false })).toBe(
      'No findings in 1 file, 0 suppressed, 8ms\n',
    );
  });

  it('does not let scanned content drive the terminal', () => {
    const evil = finding(
      'k8s/no-privileged-container',
      'k8s/\u001b]0;pwned\u0007.yaml',
      [1, 1, 1, 2],
      'name "\u001b[2J\u202eevil" runs privileged\nsecond line',
    );
    const out = renderText(runResult([evil]), { color: false });
    expect(out).not.toMatch(ANSI);
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u202e');
    expect(out).toContain('name "\\u001b[2J\\u202eevil" runs privileged second line');
    expect(sanitizeForTerminal('tab\tok')).toBe('tab\tok');
  });
});

describe('renderText advice', () => {
  it('gives the remediation once per rule and file, not once per finding', () => {
    const result = runResult([
      finding('dockerfile/no-root-user', 'Dockerfile', [1, 1, 1, 5], 'first'),
      finding('dockerfile/no-root-user', 'Dockerfile', [9, 1, 9, 5], 'second'),
      finding('dockerfile/no-root-user', 'other/Dockerfile', [1, 1, 1, 5], 'third'),
    ]);
    const text = renderText(result, { color: false });
    expect(text.match(/Fix:/g)).toHaveLength(2);
    expect(text.indexOf('Fix:')).toBeLessThan(text.indexOf('second'));
  });
});

describe('renderText skipped files', () => {
  it('collapses three or more files skipped for the same reason in one folder into one row', () => {
    const skip = (file: string) => ({ kind: 'skipped' as const, file, message: 'skipped: Helm/Go template' });
    const result = runResult([], {
      errors: [
        skip('chart/templates/a.yaml'),
        skip('chart/templates/b.yaml'),
        skip('chart/templates/c.yaml'),
        skip('other/d.yaml'),
        { kind: 'parse', file: 'chart/templates/x.yaml', line: 2, column: 1, message: 'bad' },
      ],
    });
    const text = renderText(result, { color: false });
    expect(text).toContain('chart/templates/ (3 files)');
    expect(text).not.toContain('chart/templates/b.yaml');
    expect(text).toContain('other/d.yaml');
    expect(text).toContain('chart/templates/x.yaml:2:1');
  });
});
