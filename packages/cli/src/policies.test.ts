import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { repoRoot as repo, runBuiltCli } from './test-support/run-cli.ts';

const fixture = join(repo, 'fixtures', 'custom-policies');

/** The built CLI's entry function, run in this process (see test-support/run-cli.ts). */
function cli(args: string[], cwd = repo) {
  return runBuiltCli(args, cwd);
}

/** A copy of the fixture with some files changed. */
function variant(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-policies-'));
  cpSync(fixture, dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

interface JsonFinding {
  ruleId: string;
  file: string;
  startLine: number;
  startColumn: number;
  message: string;
  suppressed?: { kind: string };
}

const custom = (findings: JsonFinding[]) =>
  findings
    .filter((f) => /^(acme|vap)\//.test(f.ruleId))
    .map(
      (f) =>
        `${f.ruleId} ${f.file}:${f.startLine}:${f.startColumn}${f.suppressed ? ` (${f.suppressed.kind})` : ''}`,
    );

describe('custom policies through the CLI', () => {
  it("reports the repository's house policies and its admission policy like built-in rules", async () => {
    const r = await cli(['audit', fixture, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { findings: JsonFinding[]; errors: unknown[] };
    expect(custom(json.findings)).toEqual([
      'acme/explicit-token-permissions .github/workflows/ci.yml:1:7',
      'acme/approved-base-images Dockerfile:6:6',
      'acme/s3-data-classification-tag infra/storage.tf:3:3',
      'vap/replica-limits k8s/apps/storefront.yaml:2:1',
      'vap/replica-limits k8s/apps/storefront.yaml:2:1',
      'acme/require-team-label k8s/apps/storefront.yaml:6:3',
    ]);
    const messages = json.findings.filter((f) => f.ruleId === 'vap/replica-limits').map((f) => f.message);
    expect(messages).toEqual([
      'ValidatingAdmissionPolicy replica-limits (params ConfigMap/shop/replica-limits) denies Deployment/shop/storefront: every container sets a memory limit of at most 2Gi',
      'ValidatingAdmissionPolicy replica-limits (params ConfigMap/shop/replica-limits) denies Deployment/shop/storefront: replicas must be at most 5, got 8',
    ]);
    // checkout is the hardened variant: nothing custom on it.
    expect(
      json.findings.some((f) => f.file === 'k8s/apps/checkout.yaml' && /^(acme|vap)\//.test(f.ruleId)),
    ).toBe(false);
  });

  it('applies the repository policies to named paths, and admission policies found among them', async () => {
    const named = await cli(['audit', 'Dockerfile', 'k8s', '--format', 'json'], fixture);
    expect(named.stderr).toBe('');
    expect(custom((JSON.parse(named.stdout) as { findings: JsonFinding[] }).findings)).toEqual([
      'acme/approved-base-images Dockerfile:6:6',
      'vap/replica-limits k8s/apps/storefront.yaml:2:1',
      'vap/replica-limits k8s/apps/storefront.yaml:2:1',
      'acme/require-team-label k8s/apps/storefront.yaml:6:3',
    ]);
    // The admission policy's file is not named: it is not part of this scan.
    const one = await cli(['audit', 'k8s/apps/storefront.yaml', '--format', 'json'], fixture);
    expect(custom((JSON.parse(one.stdout) as { findings: JsonFinding[] }).findings)).toEqual([
      'acme/require-team-label k8s/apps/storefront.yaml:6:3',
    ]);
  });

  it('finds admission policies only in the files the scan reads, and a partial scan keeps the config that names them', async () => {
    const storefront = readFileSync(join(fixture, 'k8s/apps/storefront.yaml'), 'utf8');
    const dir = variant({
      '.plumbline.yaml': `extends: recommended
rules:
  vap/replica-limits: medium
exceptions:
  - rule: vap/replica-limits
    paths: [k8s/legacy/**]
    reason: sized before the limit was agreed
`,
      'k8s/apps/storefront.yaml': storefront.replace(
        'kind: Deployment\n',
        'kind: Deployment # plumbline:ignore vap/replica-limits -- Black Friday capacity, ticket SHOP-118\n',
      ),
    });
    const run = async (...args: string[]) => {
      const r = await cli(['audit', dir, '--format', 'json', '--fail-on', 'none', ...args]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as { findings: JsonFinding[]; summary: { files: number } };
      const onStorefront = json.findings
        .filter((f) => f.file === 'k8s/apps/storefront.yaml' && /^(vap|core)\//.test(f.ruleId))
        .map((f) => `${f.ruleId} ${f.startLine}${f.suppressed ? ` (${f.suppressed.kind})` : ''}`);
      return { files: json.summary.files, onStorefront };
    };
    // The whole repository: the policy is a rule, its findings suppressed by the comment.
    expect(await run()).toEqual({
      files: 12,
      onStorefront: ['vap/replica-limits 2 (inline)', 'vap/replica-limits 2 (inline)'],
    });
    // Without the policy's file, however it is left out: no rule, and the config and the comment
    // that name it are neither an error nor an unused suppression.
    expect(await run('--exclude', 'k8s/admission')).toEqual({ files: 11, onStorefront: [] });
    expect(await run('--include', 'k8s/apps/**')).toEqual({ files: 3, onStorefront: [] });
    writeFileSync(
      join(dir, '.plumbline.yaml'),
      `${readFileSync(join(dir, '.plumbline.yaml'), 'utf8')}ignore:\n  - k8s/admission/\n`,
    );
    expect(await run()).toEqual({ files: 11, onStorefront: [] });
    // A name that no scanned file could define is still a typo.
    writeFileSync(
      join(dir, 'k8s/apps/storefront.yaml'),
      storefront.replace(
        'kind: Deployment\n',
        'kind: Deployment # plumbline:ignore vap-replica-limits -- typo\n',
      ),
    );
    expect((await run()).onStorefront).toEqual(['core/unused-suppression 2']);
  });

  it('writes SARIF that validates, with custom rules described and no docs link they do not have', async () => {
    const r = await cli(['audit', fixture, '--format', 'sarif', '--fail-on', 'none']);
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout);
    const schema = JSON.parse(
      readFileSync(join(repo, 'packages', 'reporters', 'src', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const rules = sarif.runs[0].tool.driver.rules as { id: string; helpUri?: string }[];
    const vap = rules.find((x) => x.id === 'vap/replica-limits');
    expect(vap).toBeDefined();
    expect(vap?.helpUri).toBeUndefined();
    expect(rules.find((x) => x.id === 'dockerfile/no-root-user')?.helpUri).toMatch(
      /docs\/rules\/dockerfile\/no-root-user\.md$/,
    );
  });

  it('honours inline suppressions and config for custom rules', async () => {
    const dir = variant({
      '.plumbline.yaml': `extends: recommended
policies:
  - ./shared-policies
rules:
  vap/replica-limits: off
`,
      'infra/storage.tf': readFileSync(join(fixture, 'infra/storage.tf'), 'utf8').replace(
        '  tags = {',
        '  # plumbline:ignore acme/s3-data-classification-tag -- exports hold public catalogue data only\n  tags = {',
      ),
    });
    const r = await cli(['audit', dir, '--format', 'json', '--fail-on', 'none']);
    expect(r.stderr).toBe('');
    expect(custom(JSON.parse(r.stdout).findings)).toEqual([
      'acme/explicit-token-permissions .github/workflows/ci.yml:1:7',
      'acme/approved-base-images Dockerfile:6:6',
      'acme/s3-data-classification-tag infra/storage.tf:4:3 (inline)',
      'acme/require-team-label k8s/apps/storefront.yaml:6:3',
    ]);
  });

  it('exits 2 naming the file and line of a policy that cannot load: a gate never passes without it', async () => {
    const dir = variant({
      '.plumbline/policies/broken.yaml': `apiVersion: plumbline.dev/v1
kind: Policy
metadata:
  id: acme/broken
spec:
  title: Broken
  severity: high
  match: { language: kubernetes }
  deny: "object.metadata.labels.exists(l, l ==)"
  message: broken
`,
    });
    const r = await cli(['audit', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^plumbline: \.plumbline\/policies\/broken\.yaml:9:\d+: spec\.deny: CEL syntax error/,
    );
  });

  it('loads policies shared as an npm package named in policies:', async () => {
    const policy = readFileSync(join(fixture, '.plumbline/policies/require-team-label.yaml'), 'utf8');
    const dir = variant({
      '.plumbline.yaml': 'policies:\n  - "@acme/plumbline-policies"\n',
      'node_modules/@acme/plumbline-policies/package.json':
        '{ "name": "@acme/plumbline-policies", "version": "1.0.0" }\n',
      'node_modules/@acme/plumbline-policies/policies/team.yaml': policy.replace(
        'acme/require-team-label',
        'acme/shared-team-label',
      ),
    });
    const r = await cli(['audit', dir, '--format', 'json', '--fail-on', 'none']);
    expect(r.stderr).toBe('');
    expect(custom(JSON.parse(r.stdout).findings)).toContain(
      'acme/shared-team-label k8s/apps/storefront.yaml:6:3',
    );
    const missing = await cli([
      'audit',
      variant({ '.plumbline.yaml': 'policies:\n  - "@acme/not-installed"\n' }),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /policies: "@acme\/not-installed" is neither a file, a folder nor an installed package/,
    );
  });

  it('lists custom and admission policies beside built-in rules, and explains them', async () => {
    const rules = await cli(['rules', '--format', 'json'], fixture);
    expect(rules.code).toBe(0);
    const list = JSON.parse(rules.stdout) as { id: string; docs: string }[];
    expect(list.find((r) => r.id === 'acme/require-team-label')?.docs).toBe(
      '.plumbline/policies/require-team-label.yaml',
    );
    expect(list.find((r) => r.id === 'vap/replica-limits')?.docs).toBe('k8s/admission/replica-limits.yaml');
    expect(list.some((r) => r.id === 'dockerfile/no-root-user')).toBe(true);
    const explain = await cli(['explain', 'acme/require-team-label'], fixture);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/^# acme\/require-team-label\n\n\*\*Workloads carry a team label\*\*/);
  });

  it('looks for admission policies only to explain one: the search reads every YAML file', async () => {
    // The debug timeline names the search when it runs.
    const searched = 'plumbline timeline: admission policies found';
    const vap = await runBuiltCli(['explain', 'vap/replica-limits'], fixture, { PLUMBLINE_POOL_DEBUG: '1' });
    expect(vap.code, vap.stderr).toBe(0);
    expect(vap.stdout).toMatch(/^# vap\/replica-limits\n/);
    expect(vap.stderr).toContain(searched);
    for (const name of ['dockerfile/no-root-user', 'acme/require-team-label', 'CKV_K8S_20']) {
      const r = await runBuiltCli(['explain', name], fixture, { PLUMBLINE_POOL_DEBUG: '1' });
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stderr, name).not.toContain(searched);
    }
    expect((await cli(['explain', 'vap/no-such-policy'], fixture)).code).toBe(2);
  });
});

describe('plumbline test', () => {
  it('runs the examples and test files of policies/examples, all passing', async () => {
    const r = await cli(['test', 'policies/examples']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /PASS {2}acme\/require-team-label {2}a Deployment with labels but no team is reported on its labels/,
    );
    expect(r.stdout).toMatch(/\n13 policies, \d+ cases: \d+ passed, 0 failed\n$/);
  });

  it('runs .plumbline/policies by default and exits 1 when a case fails', async () => {
    const dir = variant({
      '.plumbline/policies/require-team-label.test.yaml': readFileSync(
        join(fixture, '.plumbline/policies/require-team-label.test.yaml'),
        'utf8',
      ).replace('{ line: 6, column: 3,', '{ line: 7, column: 3,'),
    });
    const r = await cli(['test'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /FAIL {2}acme\/require-team-label {2}a Deployment with labels but no team is reported on its labels\n {8}\.plumbline\/policies\/require-team-label\.test\.yaml:6: expected a finding at line 7, column 3/,
    );
    expect(r.stdout).toMatch(/3 policies, \d+ cases: \d+ passed, 1 failed/);
  });
});

describe('README', () => {
  it('shows a custom policy that loads and passes its own examples as written', async () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const example = /## Custom policies[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toMatch(/^# \.plumbline\/policies\/require-team-label\.yaml\n/);
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-readme-'));
    mkdirSync(join(dir, '.plumbline', 'policies'), { recursive: true });
    writeFileSync(join(dir, '.plumbline', 'policies', 'require-team-label.yaml'), example!);
    const r = await cli(['test'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 policies, 2 cases: 2 passed, 0 failed/);
  });
});

describe('plumbline inspect', () => {
  it('prints the input of each unit as JSON, for writing and porting policies', async () => {
    const r = await cli(['inspect', 'fixtures/custom-policies/Dockerfile', '--format', 'json']);
    expect(r.code).toBe(0);
    const { units } = JSON.parse(r.stdout);
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ language: 'dockerfile', file: 'Dockerfile', line: 1 });
    expect(units[0].input.dockerfile.stages.map((s: { image: { value: string } }) => s.image.value)).toEqual([
      'golang:1.22',
      'gcr.io/distroless/static-debian12:nonroot',
    ]);
  });
});
