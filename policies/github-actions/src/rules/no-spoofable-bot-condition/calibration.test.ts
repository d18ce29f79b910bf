import { runRule } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import rule from './rule.js';

const severities = async (on: string) =>
  (
    await runRule(rule, [yamlLanguage], {
      '.github/workflows/automerge.yml': `on: ${on}\njobs:\n  merge:\n    if: github.actor == 'dependabot[bot]'\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh pr merge --auto --squash "$PR"\n`,
    })
  ).findings.map((f) => f.severity);

describe('gha/no-spoofable-bot-condition severity', () => {
  it('is high when a privileged trigger hands the job secrets or a write token', async () => {
    expect(await severities('pull_request_target')).toEqual(['high']);
    expect(await severities('[pull_request, workflow_call]')).toEqual(['high']);
  });
  it('is low on pull_request alone (a fork gets no secrets, whoever the actor is)', async () => {
    expect(await severities('pull_request')).toEqual(['low']);
  });
});
