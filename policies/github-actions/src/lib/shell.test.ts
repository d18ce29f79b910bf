import { SourceFile } from '@plumbline/core';
import { buildWorkflow, parseYaml } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import { findInScript } from './shell.js';

const WORKFLOW = `name: release
on:
  push:
    tags: ['v*']
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1
      - name: Install and publish
        run: |
          # fetch the toolchain first
          curl -fsSL https://get.example.com/install.sh \\
            | bash
          npm ci
          npm publish --tag latest
`;

function runOfPublish() {
  const { model, problems } = parseYaml(new SourceFile('.github/workflows/release.yml', WORKFLOW));
  expect(problems).toEqual([]);
  return buildWorkflow(model!.documents[0]!).jobs[0]!.steps[1]!.run;
}

const lines = (run: ReturnType<typeof runOfPublish>, re: RegExp) =>
  findInScript(run, re).map(({ match, loc }) => `${loc.file.span(loc.start, loc.end).startLine} ${match[0]}`);

describe('findInScript', () => {
  it('finds a pattern on the logical line it spans, across a continuation, and nothing in a comment', () => {
    const run = runOfPublish();
    expect(lines(run, /curl[^|]*\|\s*bash/)).toEqual([
      '13 curl -fsSL https://get.example.com/install.sh     | bash',
    ]);
    expect(lines(run, /toolchain/)).toEqual([]);
    expect(lines(run, /docker push/)).toEqual([]);
  });

  it('keeps anchors and lookarounds to each line', () => {
    const run = runOfPublish();
    // `^` and `$` are a logical line's start and end, not the script's.
    expect(lines(run, /^\s*npm \w+/)).toEqual(['15 npm ci', '16 npm publish']);
    expect(lines(run, /npm ci$/)).toEqual(['15 npm ci']);
    expect(lines(run, /(?<=npm )ci/)).toEqual(['15 ci']);
  });

  it('leaves a global pattern as it was given', () => {
    const run = runOfPublish();
    const re = /npm/g;
    re.lastIndex = 3;
    expect(lines(run, re)).toHaveLength(2);
    expect(re.lastIndex).toBe(3);
  });
});
