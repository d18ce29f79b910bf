import { fileURLToPath } from 'node:url';
import { type AnyRule, MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { readFixtureDir, testConfig } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import { rules } from './rules/index.js';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

/** All rules of the pack with their defaults (opt-in rules off), over in-memory files. */
async function audit(files: Record<string, string>, pack: readonly AnyRule[] = rules) {
  return runAudit({
    source: new MemoryFileSource(files),
    languages: [yamlLanguage],
    registry: new RuleRegistry(pack),
    config: testConfig(),
    now: new Date('2026-01-01T00:00:00Z'),
  });
}

const workflows = (dir: string) =>
  Object.fromEntries(
    Object.entries(readFixtureDir(`${fixtures}${dir}`)).filter(([p]) => p.startsWith('.github/workflows/')),
  );

describe('github-actions pack over the fixtures', () => {
  it("reports on the guide's pipeline what a reviewer would: tag-pinned third-party actions, the stored kubeconfig, default token permissions, no deploy concurrency, no timeouts", async () => {
    const result = await audit(workflows('seed-guide'));
    expect(result.errors.filter((e) => e.kind === 'parse' || e.kind === 'internal')).toEqual([]);
    expect(result.findings.map((f) => `${f.startLine} ${f.ruleId}`)).toEqual([
      '3 gha/require-top-level-permissions',
      '14 gha/job-timeout',
      '38 gha/pin-actions-to-sha',
      '42 gha/job-timeout',
      '54 gha/pin-actions-to-sha',
      '62 gha/pin-actions-to-sha',
      '71 gha/pin-actions-to-sha',
      '79 gha/deploy-requires-concurrency',
      '79 gha/job-timeout',
      '88 gha/pin-actions-to-sha',
      '90 gha/prefer-oidc-credentials',
    ]);
    const byRule = (id: string) => result.findings.filter((f) => f.ruleId === id).map((f) => f.message);
    expect(byRule('gha/pin-actions-to-sha').join('\n')).toMatch(
      /codecov\/codecov-action@v4[\s\S]*docker\/login-action@v3[\s\S]*azure\/k8s-set-context@v3/,
    );
    expect(byRule('gha/prefer-oidc-credentials')[0]).toContain('kubeconfig');
  });

  it('keeps the hardened workflows quiet', async () => {
    const result = await audit(workflows('hardened'));
    expect(result.errors.filter((e) => e.kind === 'parse' || e.kind === 'internal')).toEqual([]);
    expect(result.findings.map((f) => `${f.file}:${f.startLine} ${f.ruleId}`)).toEqual([]);
  });

  it('fires every default rule on the insecure workflows', async () => {
    // Not in the fixtures: a composite action that pastes its input into a script, and a lint job
    // holding `contents: write`.
    const action =
      'name: Notify\ninputs:\n  message: {}\nruns:\n  using: composite\n  steps:\n    - run: echo "${{ inputs.message }}"\n      shell: bash\n';
    const lint =
      'on: push\npermissions: {}\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    permissions:\n      contents: write\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx eslint .\n';
    // And a release workflow with the supply-chain slips of the zizmor-parity rules.
    const release = [
      'on: push',
      'permissions: {}',
      'jobs:',
      '  release:',
      '    runs-on: windows-latest',
      '    timeout-minutes: 10',
      '    steps:',
      '      - uses: actons/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0',
      '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v4.2.2',
      '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0',
      '      - uses: acme/app/.github/actions/notify@main',
      '      - uses: actions/create-release@v1',
      '      - uses: hashicorp/setup-terraform@v3',
      '      - uses: actions/create-github-app-token@v2',
      '        with: { app-id: "1", private-key: "${{ secrets.KEY }}" }',
      '      - uses: actions/cache/./@v4',
      "      - run: echo ${{ github.ref == 'refs/heads/main' && '' || 'next' }} ${{ fromJSON(secrets.DB).password }}",
      '        shell: cmd',
      '      - run: curl -fsSLO http://downloads.example.com/tool.tgz && pip install --extra-index-url https://pypi.example.com/simple tool',
      '',
    ].join('\n');
    // And Dependabot configuration: no cooldown, code execution allowed, a schedule GitHub rejects.
    const dependabot =
      'version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    insecure-external-code-execution: allow\n    schedule: weekly\n';
    const result = await audit({
      ...workflows('insecure'),
      '.github/dependabot.yml': dependabot,
      '.github/workflows/shared-deploy.yml':
        'on:\n  workflow_call:\n    inputs:\n      ref: { type: string }\npermissions: {}\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: git checkout ${{ inputs.ref }}\n',
      '.github/actions/notify/action.yml': action,
      '.github/workflows/lint.yml': lint,
      '.github/workflows/release.yml': release,
    });
    expect(result.errors.filter((e) => e.kind === 'parse' || e.kind === 'internal')).toEqual([]);
    const fired = new Set(result.findings.map((f) => f.ruleId));
    const silent = rules.filter((r) => !r.meta.optIn && !fired.has(r.id)).map((r) => r.id);
    expect(silent).toEqual([]);
  });
});

describe('suppressions through peer aliases', () => {
  const text = [
    'on: pull_request_target',
    'permissions: write-all # plumbline:ignore CKV2_GHA_1 -- migration ticket OPS-12',
    'jobs:',
    '  a:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 5',
    '    steps:',
    '      - uses: docker/login-action@v3 # zizmor: ignore[unpinned-uses]',
    '      # zizmor: ignore[template-injection]',
    '      - run: echo "${{ github.head_ref }}"',
    '      - run: echo "${{ github.event.pull_request.title }}"',
    '',
  ].join('\n');

  it('applies an ignore comment on the `run: |` line to findings inside the script', async () => {
    const result = await audit({
      '.github/workflows/ci.yml':
        'on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: | # zizmor: ignore[template-injection]\n          echo "${{ github.event.issue.title }}"\n      - run: |\n          echo "${{ github.event.issue.body }}"\n',
    });
    expect(
      result.findings.map((f) => `${f.startLine} ${f.ruleId} ${f.suppressed ? f.suppressed.kind : 'open'}`),
    ).toEqual(['9 gha/no-template-injection-in-run inline', '11 gha/no-template-injection-in-run open']);
  });

  it("honours zizmor's `# zizmor: ignore[audit]` and Checkov ids in plumbline comments", async () => {
    const result = await audit({ '.github/workflows/ci.yml': text });
    const view = result.findings.map(
      (f) => `${f.startLine} ${f.ruleId} ${f.suppressed ? f.suppressed.kind : 'open'}`,
    );
    expect(view).toEqual([
      '2 gha/no-write-all-permissions inline',
      '8 gha/pin-actions-to-sha inline',
      '10 gha/no-template-injection-in-run inline',
      '11 gha/no-template-injection-in-run open',
    ]);
  });
});

describe('odd but valid YAML does not crash any rule', () => {
  const odd = {
    '.github/workflows/a.yml': 'on:\njobs:\n',
    '.github/workflows/b.yml': 'on: [push]\njobs: [a, b]\n',
    '.github/workflows/c.yml':
      'on: push\njobs:\n  a:\n    runs-on: ${{ matrix.os }}\n    steps: run\n  b: null\n  c:\n    steps:\n      - null\n      - 42\n      - uses: 7\n        with: [1, 2]\n        env: ${{ fromJSON(inputs.env) }}\n        run: 3\n',
    '.github/workflows/d.yml':
      'defaults: &d\n  runs-on: ubuntu-latest\n  timeout-minutes: 5\non:\n  push: { branches: main }\npermissions: read-all\njobs:\n  a:\n    <<: *d\n    permissions: 3\n    environment: ${{ inputs.env }}\n    needs: [1]\n    container: { image: 5 }\n    services: { db: { image: { x: 1 } } }\n    steps:\n      - run: |\n          echo ${{ github.event.issue.title\n      - run: "${{ }}"\n',
    'action.yml': 'runs:\n  using: docker\n  image: 3\n',
    'sub/action.yaml':
      'name: x\nruns:\n  using: composite\n  steps:\n    - run: echo ${{ inputs.x }}\n      shell: bash\n',
  };

  it('reports no internal error', async () => {
    const result = await audit(odd);
    expect(result.errors.filter((e) => e.kind === 'internal')).toEqual([]);
  });
});
