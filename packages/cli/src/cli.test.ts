import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { builtBin as bin, repoRoot as repo, runBuiltCli } from './test-support/run-cli.ts';

const seedGuide = join(repo, 'fixtures', 'seed-guide');

/** Runs the built CLI's entry function in this process (see test-support/run-cli.ts). */
const cli = runBuiltCli;

/** Runs the built CLI as a user would: `node dist/bin.js`, for what only the process shows. */
function spawnCli(args: string[], cwd = repo, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('plumbline audit', () => {
  it('prints findings grouped by file with a summary, and exits 1 when a high finding is present', () => {
    const r = spawnCli(['audit', seedGuide]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\.github\/workflows\/ci-cd\.yml/);
    expect(r.stdout).toMatch(/\d+ findings?/);
  });

  it('exits 0 with --fail-on none', async () => {
    expect((await cli(['audit', seedGuide, '--fail-on', 'none'])).code).toBe(0);
  });

  it('writes SARIF that validates against the official 2.1.0 schema, with findings in several languages', async () => {
    const r = await cli(['audit', seedGuide, '--format', 'sarif', '--fail-on', 'none']);
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout);
    const schema = JSON.parse(
      readFileSync(join(repo, 'packages', 'reporters', 'src', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const domains = new Set(
      (sarif.runs[0].results as { ruleId: string }[]).map((x) => x.ruleId.split('/')[0]),
    );
    expect(domains.size, [...domains].join(',')).toBeGreaterThanOrEqual(3);
  });

  it('prints only JSON on stdout with --format json', async () => {
    const r = await cli(['audit', seedGuide, '--format', 'json', '--fail-on', 'none']);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['tool', 'findings', 'errors', 'summary']));
    expect(json.findings.every((f: { file: string }) => !f.file.startsWith('/'))).toBe(true);
  });

  it('exits 2 on a bad config, naming the offending key', async () => {
    const dir = tree({
      '.plumbline.yaml': 'rules:\n  core/parse-error: loud\n',
      'k8s/a.yaml': 'apiVersion: v1\nkind: ConfigMap\n',
    });
    const r = await cli(['audit', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rules\.core\/parse-error: must be one of/);
    expect(r.stdout).toBe('');
  });

  it('accepts the configuration example of the README as written', async () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const example = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const dir = tree({
      '.plumbline.yaml': example!,
      Dockerfile: 'FROM alpine:3.20\nUSER 10001\nHEALTHCHECK CMD true\n',
    });
    const r = await cli(['audit', dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    // The example restricts registries to ghcr.io/myorg at high: alpine from Docker Hub fails.
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain(
      'dockerfile/trusted-registries',
    );
    expect(r.code).toBe(1);
  });

  it('exits 2 on a usage mistake', () => {
    expect(spawnCli(['audit', '--format', 'xml']).code).toBe(2);
    expect(spawnCli(['audit', '/no/such/dir']).code).toBe(2);
  });

  it('reports a malformed YAML file, a binary file and a 50 MB file, and scans everything else', async () => {
    const dir = tree({
      'k8s/broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n data: x\n',
      'k8s/binary.yaml': Buffer.from([0x61, 0x70, 0x69, 0x00, 0x01, 0x02]),
      'k8s/good.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n',
    });
    const big = join(dir, 'k8s', 'huge.yaml');
    closeSync(openSync(big, 'w'));
    const fd = openSync(big, 'r+');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const r = await cli(['audit', dir, '--format', 'json', '--fail-on', 'none']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const errors = json.errors.map((e: { file: string; kind: string }) => [e.file, e.kind]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ['k8s/broken.yaml', 'parse'],
        ['k8s/binary.yaml', 'binary'],
        ['k8s/huge.yaml', 'too-large'],
      ]),
    );
    expect(json.findings.find((f: { ruleId: string }) => f.ruleId === 'core/parse-error')).toMatchObject({
      file: 'k8s/broken.yaml',
      startLine: 5,
    });
    // Scanned: the broken file (reported) and the good one; the binary and huge ones are listed in errors.
    expect(json.summary.files).toBe(2);
  });

  it('writes a baseline and then reports those findings as suppressed', async () => {
    const dir = tree({ 'k8s/broken.yaml': 'a: [\n' + 'apiVersion: v1\n' });
    const w = await cli(['audit', dir, '--write-baseline']);
    expect(w.code).toBe(0);
    expect(existsSync(join(dir, '.plumbline-baseline.json'))).toBe(true);
    const r = await cli([
      'audit',
      dir,
      '--baseline',
      join(dir, '.plumbline-baseline.json'),
      '--format',
      'json',
      '--fail-on',
      'low',
    ]);
    const json = JSON.parse(r.stdout);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(
      json.findings.every((f: { suppressed?: { kind: string } }) => f.suppressed?.kind === 'baseline'),
    ).toBe(true);
    expect(r.code).toBe(0);
  });

  it('applies a Terraform --var-file after the defaults', async () => {
    const dir = tree({
      'infra/main.tf':
        'variable "public" {\n  default = false\n}\n\nresource "aws_db_instance" "db" {\n  publicly_accessible = var.public\n}\n',
      'infra/prod.tfvars': 'public = true\n',
    });
    const ids = async (args: string[]) =>
      JSON.parse(
        (await cli(['audit', dir, '--format', 'json', '--fail-on', 'none', ...args])).stdout,
      ).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(await ids([])).not.toContain('terraform/rds-public-access');
    expect(await ids(['--var-file', join(dir, 'infra', 'prod.tfvars')])).toContain(
      'terraform/rds-public-access',
    );
    expect((await cli(['audit', dir, '--var-file', '/etc/hostname'])).code).toBe(2);
  });

  it('writes the report to --output', async () => {
    const dir = tree({});
    const out = join(dir, 'report.sarif');
    const r = await cli(['audit', seedGuide, '--format', 'sarif', '--output', out, '--fail-on', 'none']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });
});

describe('the sample repositories', () => {
  const scanJson = async (dir: string) =>
    JSON.parse(
      (await cli(['audit', join(repo, 'fixtures', dir), '--format', 'json', '--fail-on', 'none'])).stdout,
    );
  const domainOf = (file: string) =>
    file.startsWith('.github/')
      ? 'gha'
      : file.endsWith('.tf')
        ? 'terraform'
        : /Dockerfile/.test(file)
          ? 'dockerfile'
          : 'k8s';

  it('fixtures/hardened has no finding above low', async () => {
    const json = await scanJson('hardened');
    const loud = json.findings.filter(
      (f: { severity: string; suppressed?: unknown }) =>
        !f.suppressed && !['low', 'info'].includes(f.severity),
    );
    expect(
      loud.map(
        (f: { ruleId: string; file: string; startLine: number }) => `${f.ruleId} ${f.file}:${f.startLine}`,
      ),
    ).toEqual([]);
    expect(json.errors.filter((e: { kind: string }) => e.kind === 'parse')).toEqual([]);
    expect((await cli(['audit', join(repo, 'fixtures', 'hardened'), '--fail-on', 'medium'])).code).toBe(0);
  });

  it('fixtures/insecure triggers rules in every language it holds', async () => {
    const json = await scanJson('insecure');
    const held = new Set(
      listFiles(join(repo, 'fixtures', 'insecure'))
        .filter((f) => /(\.ya?ml|\.tf|Dockerfile[^/]*)$/.test(f))
        .map(domainOf),
    );
    const reported = new Set(json.findings.map((f: { ruleId: string }) => f.ruleId.split('/')[0]));
    expect([...held].filter((d) => !reported.has(d))).toEqual([]);
    expect(held.size).toBeGreaterThanOrEqual(2);
  });
});

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  );
}

/** Runs git in `dir` (an author set, so commits work on a fresh machine) and expects it to succeed. */
function gitIn(dir: string): (...args: string[]) => void {
  return (...args) => {
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
  };
}

/** Commits `dir` as `main` and checks out a new `feature` branch: git in `dir`, for its commits. */
function onFeatureBranch(dir: string): (...args: string[]) => void {
  const git = gitIn(dir);
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'feature');
  return git;
}

/** Commits `dir` as `main`, then a `feature` branch whose only change is README.md's text. */
function docsOnlyBranch(dir: string, readme: string): (...args: string[]) => void {
  const git = onFeatureBranch(dir);
  writeFileSync(join(dir, 'README.md'), readme);
  git('commit', '-qam', 'docs only');
  return git;
}

describe('plumbline audit --new-since', () => {
  it('reports only what the branch adds, and fails only on that', async () => {
    const dir = tree({ Dockerfile: 'FROM alpine:latest\nUSER 10001\nHEALTHCHECK CMD true\n' });
    const git = onFeatureBranch(dir);
    // An edit above the old finding must not make it new; the privileged pod is new.
    writeFileSync(
      join(dir, 'Dockerfile'),
      '# base image\nFROM alpine:latest\nUSER 10001\nHEALTHCHECK CMD true\n',
    );
    mkdirSync(join(dir, 'k8s'));
    writeFileSync(
      join(dir, 'k8s', 'pod.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n',
    );
    git('add', '.');
    git('commit', '-qm', 'feature');
    const all = JSON.parse((await cli(['audit', dir, '--format', 'json', '--fail-on', 'none'])).stdout);
    expect(all.findings.some((f: { file: string }) => f.file === 'Dockerfile')).toBe(true);
    const r = await cli(['audit', dir, '--new-since', 'main', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(new Set(json.findings.map((f: { file: string }) => f.file))).toEqual(new Set(['k8s/pod.yaml']));
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('k8s/no-privileged-container');
    expect(r.stderr).toMatch(/Compared with [0-9a-f]{12}/);
    expect(r.code).toBe(1);
    expect((await cli(['audit', dir, '--new-since', 'no-such-ref'])).code).toBe(2);
  });

  it('puts a namespace-wide finding on the same file in the base read from git as in the head on disk', async () => {
    // The first workload of `default` decides the file; plain path order would put jobs/ first.
    const deployment = (name: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: default\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: ${name}\n          image: ghcr.io/acme/${name}:1.4.2\n`;
    const dir = tree({
      'README.md': '# shop\n',
      'k8s/web.yaml': deployment('web'),
      'k8s/jobs/report.yaml': deployment('report'),
    });
    docsOnlyBranch(dir, '# shop\n\nThe storefront.\n');
    const all = JSON.parse((await cli(['audit', dir, '--format', 'json', '--fail-on', 'none'])).stdout);
    const namespaceWide = all.findings.filter(
      (f: { ruleId: string }) => f.ruleId === 'k8s/network-policy-default-deny',
    );
    expect(namespaceWide.map((f: { file: string }) => f.file)).toEqual(['k8s/web.yaml']);
    const docsOnly = await cli([
      'audit',
      dir,
      '--new-since',
      'main',
      '--format',
      'json',
      '--fail-on',
      'none',
    ]);
    expect(JSON.parse(docsOnly.stdout).findings).toEqual([]);
  });

  it('evaluates the base with the modules `terraform init` downloaded, so their findings are not new', async () => {
    // As a workflow leaves a checkout after `terraform init`: .terraform/ on disk, never committed.
    const dir = tree({
      '.gitignore': '.terraform/\n',
      'README.md': '# logs\n',
      'main.tf':
        'module "logs" {\n  source  = "acme/bucket/aws"\n  version = "1.2.0"\n  name    = "audit-logs"\n}\n',
      '.terraform/modules/modules.json': JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          {
            Key: 'logs',
            Source: 'registry.terraform.io/acme/bucket/aws',
            Version: '1.2.0',
            Dir: '.terraform/modules/logs',
          },
        ],
      }),
      '.terraform/modules/logs/main.tf':
        'variable "name" {\n  type = string\n}\n\nresource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\n',
    });
    const git = docsOnlyBranch(dir, '# logs\n\nThe audit bucket.\n');
    const all = JSON.parse((await cli(['audit', dir, '--format', 'json', '--fail-on', 'none'])).stdout);
    const inModule = all.findings.filter((f: { file: string }) =>
      f.file.startsWith('.terraform/modules/logs/'),
    );
    expect(inModule.length).toBeGreaterThan(0);
    const docsOnly = await cli(['audit', dir, '--new-since', 'main', '--format', 'json']);
    expect(JSON.parse(docsOnly.stdout).findings).toEqual([]);
    expect(docsOnly.code).toBe(0);

    // A security group open to the world in the root module is new; the module's findings still are not.
    writeFileSync(
      join(dir, 'main.tf'),
      `${readFileSync(join(dir, 'main.tf'), 'utf8')}\nresource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  security_group_id = "sg-0123456789abcdef0"\n}\n`,
    );
    git('commit', '-qam', 'ssh from anywhere');
    const opened = JSON.parse((await cli(['audit', dir, '--new-since', 'main', '--format', 'json'])).stdout);
    expect(new Set(opened.findings.map((f: { file: string }) => f.file))).toEqual(new Set(['main.tf']));
    expect(opened.findings.map((f: { ruleId: string }) => f.ruleId)).toContain(
      'terraform/security-group-open-admin-ports',
    );
  });

  it('reads a committed .terraform/ from the base commit, so a change to a module there is new', async () => {
    const dir = tree({
      'main.tf':
        'module "queue" {\n  source  = "acme/queue/aws"\n  version = "2.0.0"\n  name    = "jobs"\n}\n',
      '.terraform/modules/modules.json': JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          {
            Key: 'queue',
            Source: 'registry.terraform.io/acme/queue/aws',
            Version: '2.0.0',
            Dir: '.terraform/modules/queue',
          },
        ],
      }),
      '.terraform/modules/queue/main.tf':
        'variable "name" {\n  type = string\n}\n\nresource "aws_sqs_queue" "this" {\n  name              = var.name\n  kms_master_key_id = "alias/jobs"\n}\n',
    });
    const git = onFeatureBranch(dir);
    writeFileSync(
      join(dir, '.terraform/modules/queue/main.tf'),
      `${readFileSync(join(dir, '.terraform/modules/queue/main.tf'), 'utf8')}\nresource "aws_sqs_queue" "dead_letters" {\n  name = "\${var.name}-dlq"\n}\n`,
    );
    git('commit', '-qam', 'a dead-letter queue without a key');
    const r = JSON.parse(
      (await cli(['audit', dir, '--new-since', 'main', '--format', 'json', '--fail-on', 'none'])).stdout,
    );
    // Some finding, and each one on the queue the branch added.
    const at = new Set(
      r.findings.map((f: { file: string; startLine: number }) => `${f.file}:${f.startLine}`),
    );
    expect(at).toEqual(new Set(['.terraform/modules/queue/main.tf:10']));
  });
});

describe('plumbline rules / explain / init', () => {
  it('lists every rule as JSON', async () => {
    const r = await cli(['rules', '--format', 'json']);
    const rules = JSON.parse(r.stdout) as { id: string; docs: string; aliases: string[] }[];
    expect(rules.length).toBeGreaterThan(3);
    for (const rule of rules) expect(existsSync(join(repo, rule.docs)), rule.docs).toBe(true);
  });

  it('explains a rule by id', async () => {
    const r = await cli(['explain', 'core/parse-error']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# core\/parse-error/);
    expect(r.stdout).toMatch(/# core\/parse-error/);
    expect((await cli(['explain', 'nope'])).code).toBe(2);
  });

  it('init writes a commented config that loads, and refuses to overwrite it', async () => {
    const dir = tree({});
    expect((await cli(['init'], dir)).code).toBe(0);
    const written = readFileSync(join(dir, '.plumbline.yaml'), 'utf8');
    // The first line points editors at the schema shipped in the package, which is there.
    const schemaRef = /^# yaml-language-server: \$schema=(\S+)\n# Plumbline configuration/.exec(written)?.[1];
    expect(schemaRef).toBeDefined();
    expect(existsSync(join(repo, 'packages', 'cli', 'dist', 'plumbline.schema.json'))).toBe(true);
    expect(
      JSON.parse(readFileSync(join(repo, 'packages', 'cli', 'dist', 'plumbline.schema.json'), 'utf8')).title,
    ).toMatch(/Plumbline configuration/);
    expect((await cli(['audit', dir])).code).toBe(0);
    expect((await cli(['init'], dir)).code).toBe(2);
  });
});
