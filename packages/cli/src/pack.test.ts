/**
 * The published package, as a user gets it: `npm pack` (which bundles), then
 * `npm install -g ./plumbline-cli-*.tgz` into an empty prefix with no registry reachable, then the
 * installed `plumbline` run from outside the checkout.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeOrg } from '../../org/src/test-support/fake-org.ts';
import { filesOf, sha } from '../../org/src/test-support/org-fixture.ts';
import { repoRoot } from './test-support/run-cli.ts';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'plumbline-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
/** Where the first test installs the package, and the project it audits. */
const prefix = join(work, 'prefix');
const project = join(work, 'project');

// Nothing may come from a registry: point npm at a port where nothing listens.
const offline = {
  ...process.env,
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

describe('npm pack → npm install -g → plumbline', () => {
  it('installs one dependency-free package offline whose plumbline audits every language', () => {
    execFileSync('npm', ['pack', '--pack-destination', work], {
      cwd: packageDir,
      env: offline,
      stdio: 'pipe',
    });
    const tarball = readdirSync(work).find((f) => /^plumbline-cli-.*\.tgz$/.test(f));
    expect(tarball).toBeDefined();
    const files = execFileSync('tar', ['tzf', join(work, tarball!)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .sort();
    // Code the entries share or import on demand (commands, packs) is in hashed chunks beside them.
    const chunk = /^package\/bundle\/[a-z-]+-[A-Z0-9]{8}\.js$/;
    expect(files.filter((f) => chunk.test(f)).length).toBeGreaterThan(2);
    const listing = files.filter((f) => !chunk.test(f));
    expect(listing).toEqual(
      [
        'package/bin/audit.js',
        'package/bin/plumbline.js',
        'package/bundle/audit-worker.js',
        'package/bundle/engine-worker.js',
        'package/bundle/org-auditor.js',
        'package/bundle/org-worker.js',
        'package/bundle/package.json',
        'package/bundle/plumbline-main.cjs',
        'package/bundle/plumbline.js',
        'package/bundle/presets/recommended.yaml',
        'package/bundle/presets/strict.yaml',
        'package/bundle/tree-sitter-bash.wasm',
        'package/bundle/tree-sitter-terraform.wasm',
        'package/bundle/web-tree-sitter.wasm',
        'package/package.json',
        'package/plumbline.schema.json',
        ...(listing.includes('package/README.md') ? ['package/README.md'] : []),
      ].sort(),
    );
    const manifest = JSON.parse(
      execFileSync('tar', ['xzOf', join(work, tarball!), 'package/package.json'], { encoding: 'utf8' }),
    );
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.private).toBeUndefined();

    execFileSync('npm', ['install', '-g', '--prefix', prefix, join(work, tarball!)], {
      cwd: work,
      env: offline,
      stdio: 'pipe',
    });

    mkdirSync(join(project, 'infra'), { recursive: true });
    mkdirSync(join(project, '.github', 'workflows'), { recursive: true });
    writeFileSync(
      join(project, 'Dockerfile'),
      'FROM debian:12\nRUN curl -k https://get.example.com/i.sh | sh\nUSER 1000\n',
    );
    writeFileSync(
      join(project, 'infra', 'main.tf'),
      'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n',
    );
    writeFileSync(
      join(project, '.github', 'workflows', 'ci.yml'),
      'on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n',
    );
    // Outside the checkout, with only the prefix's bin and node on PATH: no node_modules to fall back on.
    const env = {
      PATH: `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: work,
      NO_COLOR: '1',
    };
    const version = spawnSync('plumbline', ['--version'], { cwd: project, env, encoding: 'utf8' });
    expect(version.stderr).toBe('');
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version,
    );
    const audit = spawnSync('plumbline', ['audit', '--format', 'json', '--fail-on', 'none'], {
      cwd: project,
      env,
      encoding: 'utf8',
    });
    expect(audit.status, audit.stderr).toBe(0);
    const report = JSON.parse(audit.stdout) as { findings: { ruleId: string }[]; errors: unknown[] };
    const domains = new Set(report.findings.map((f) => f.ruleId.split('/')[0]));
    expect([...domains].sort()).toEqual(['dockerfile', 'gha', 'terraform']);
    expect(report.errors).toEqual([]);
    // The installed CLI scans on worker threads too, with the same findings.
    const threaded = spawnSync(
      'plumbline',
      ['audit', '--format', 'json', '--fail-on', 'none', '--threads', '2'],
      {
        cwd: project,
        env: { ...env, PLUMBLINE_POOL_DEBUG: '1' },
        encoding: 'utf8',
      },
    );
    expect(threaded.status, threaded.stderr).toBe(0);
    expect(threaded.stderr).toMatch(/^plumbline pool: 1 workers/m);
    expect((JSON.parse(threaded.stdout) as typeof report).findings).toEqual(report.findings);
    const shortcut = spawnSync('audit', ['--quiet', '--fail-on', 'none'], {
      cwd: project,
      env,
      encoding: 'utf8',
    });
    expect(shortcut.status).toBe(0);
    expect(shortcut.stdout).toContain('dockerfile/curl-insecure');

    // `init` points editors at the config schema the package ships, and that file is the schema.
    const init = spawnSync('plumbline', ['init'], { cwd: project, env, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    const installed = join(prefix, 'lib', 'node_modules', '@plumbline', 'cli');
    const schema = JSON.parse(readFileSync(join(installed, 'plumbline.schema.json'), 'utf8'));
    expect(schema).toEqual(
      JSON.parse(readFileSync(require.resolve('@plumbline/core/config-schema.json'), 'utf8')),
    );
    const modeline = readFileSync(join(project, '.plumbline.yaml'), 'utf8').split('\n')[0];
    expect(modeline).toBe(
      '# yaml-language-server: $schema=node_modules/@plumbline/cli/plumbline.schema.json',
    );
  }, 180_000);

  it('keeps V8 code caches per user: used from the second run, corrupt or foreign ones ignored, none when disabled', () => {
    const cacheHome = join(work, 'cache-home');
    const folder = join(cacheHome, 'plumbline', 'v8');
    const run = (args: string[], extra: Record<string, string> = {}) => {
      const result = spawnSync('plumbline', [...args, '--format', 'json'], {
        cwd: project,
        env: {
          PATH: `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`,
          HOME: work,
          XDG_CACHE_HOME: cacheHome,
          PLUMBLINE_CODE_CACHE_DEBUG: '1',
          ...extra,
        },
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      const said = result.stderr.match(/^plumbline code cache: (\S+)/gm)?.map((l) => l.split(': ')[1]);
      const report = JSON.parse(result.stdout) as { findings?: unknown[] };
      return { said, findings: report.findings };
    };
    const scanCache = () => readdirSync(folder).filter((f) => f.endsWith('-scan.cache'));

    const first = run(['audit', '--fail-on', 'none']);
    expect(first.said).toEqual(['none', 'wrote']);
    expect(first.findings.length).toBeGreaterThan(0);
    expect(scanCache()).toHaveLength(1);
    const file = join(folder, scanCache()[0]!);
    const second = run(['audit', '--fail-on', 'none']);
    expect(second.said).toEqual(['used']);
    expect(second.findings).toEqual(first.findings);
    // Other commands keep their own cache (a scan's would make `rules` load the parsers' code).
    expect(run(['rules']).said).toEqual(['none', 'wrote']);

    // A flipped byte in V8's data: ignored (V8 does not check its bytes), the run as before, rewritten.
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    writeFileSync(file, bytes);
    const corrupt = run(['audit', '--fail-on', 'none']);
    expect(corrupt.said).toEqual(['corrupt', 'wrote']);
    expect(corrupt.findings).toEqual(first.findings);
    expect(run(['audit', '--fail-on', 'none']).said).toEqual(['used']);

    // Well-formed data V8 made for another script: V8 rejects it, and the cache is rewritten.
    const foreign = new Script('"another script"');
    const data = foreign.createCachedData();
    // The file's layout (v8-code-cache.ts): magic, sha1 of the rest, the groups' length and names, V8's data.
    const groups = Buffer.from('dockerfile,github-actions,kubernetes,terraform', 'latin1');
    const rest = Buffer.concat([Buffer.from([0, groups.length]), groups, data]);
    writeFileSync(file, Buffer.concat([Buffer.from('PLV9'), createHash('sha1').update(rest).digest(), rest]));
    const rejected = run(['audit', '--fail-on', 'none']);
    expect(rejected.said).toEqual(['rejected', 'wrote']);
    expect(rejected.findings).toEqual(first.findings);

    // A cache folder that cannot be made only costs speed.
    const blocked = join(work, 'not-a-folder');
    writeFileSync(blocked, '');
    const unwritable = run(['audit', '--fail-on', 'none'], { XDG_CACHE_HOME: blocked });
    expect(unwritable.said).toEqual(['none', 'not']);
    expect(unwritable.findings).toEqual(first.findings);

    // NODE_DISABLE_COMPILE_CACHE=1: nothing read or written.
    const fresh = join(work, 'fresh-cache-home');
    const off = run(['audit', '--fail-on', 'none'], {
      XDG_CACHE_HOME: fresh,
      NODE_DISABLE_COMPILE_CACHE: '1',
    });
    expect(off.said).toEqual(['off']);
    expect(off.findings).toEqual(first.findings);
    expect(existsSync(fresh)).toBe(false);
  }, 120_000);
});

/** The installed `plumbline`, run without blocking: the fake GitHub answers from this process. */
function runInstalled(
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('plumbline', args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * What `npm install -g better-sqlite3` leaves in the prefix, copied from the checkout (its native
 * addon is built there; the test reaches no registry): the package's runtime files and the
 * dependencies it loads them with.
 */
function installBetterSqlite3(into: string): void {
  const from = dirname(require.resolve('better-sqlite3/package.json'));
  const to = join(into, 'better-sqlite3');
  for (const part of ['package.json', 'lib', 'build/Release/better_sqlite3.node'])
    cpSync(join(from, part), join(to, part), { recursive: true });
  const fromSqlite = createRequire(join(from, 'package.json'));
  const bindings = dirname(fromSqlite.resolve('bindings/package.json'));
  cpSync(bindings, join(into, 'bindings'), { recursive: true });
  const uri = createRequire(join(bindings, 'package.json')).resolve('file-uri-to-path/package.json');
  cpSync(dirname(uri), join(into, 'file-uri-to-path'), { recursive: true });
}

const helm =
  process.env.PLUMBLINE_HELM ??
  (existsSync(join(repoRoot, '.tools', 'helm', 'helm'))
    ? join(repoRoot, '.tools', 'helm', 'helm')
    : undefined);

describe('npm pack → npm install -g → plumbline org scan', () => {
  const TOKEN = 'ghs_pack_test_token_AbCdEf0123456789';
  it('scans a (local, fake) organisation on worker threads, with presets, grammars and Helm found', async () => {
    const installed = join(prefix, 'lib', 'node_modules', '@plumbline', 'cli');
    expect(existsSync(installed), 'the first test installs the package').toBe(true);
    const units = join(repoRoot, 'fixtures', 'deploy-units');
    const fake = await startFakeOrg({
      org: 'acme',
      token: TOKEN,
      repos: [
        {
          name: 'web',
          sha: sha('web'),
          files: {
            Dockerfile: 'FROM node:latest\nRUN npm ci\n',
            'infra/main.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n',
          },
        },
        // Its config extends a shipped preset (found beside the bundle's modules) and turns a rule off.
        {
          name: 'configured',
          sha: sha('configured'),
          files: {
            '.plumbline.yaml': 'extends: strict\nrules:\n  dockerfile/no-latest-tag: off\n',
            Dockerfile: 'FROM node:latest\nRUN npm ci\n',
          },
        },
        { name: 'platform', sha: sha('platform'), files: filesOf(units) },
      ],
    });
    const dir = join(work, 'org');
    mkdirSync(dir, { recursive: true });
    const env = {
      PATH: `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: work,
      NO_COLOR: '1',
      GITHUB_TOKEN: TOKEN,
      PLUMBLINE_GITHUB_PACE: 'none',
    };
    type Results = {
      repositories: { name: string; status: string; errors?: { message: string }[] }[];
      findings: { repository: string; ruleId: string; file: string; startLine: number }[];
    };
    const scan = async (extra: string[], out: string): Promise<Results> => {
      const r = await runInstalled(
        ['org', 'scan', 'acme', '--api-url', fake.baseUrl, '--no-progress', '--out', out, ...extra],
        dir,
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('acme: 3 repositories: 3 scanned, 0 unchanged, 0 failed');
      return JSON.parse(readFileSync(join(dir, out, 'results.json'), 'utf8')) as Results;
    };
    const rulesOf = (results: Results, name: string) =>
      results.findings.filter((f) => f.repository === name).map((f) => f.ruleId);
    try {
      // The native SQLite addon is not in the bundle: without it beside the CLI, a clear usage error.
      const missing = await runInstalled(['org', 'scan', 'acme', '--api-url', fake.baseUrl], dir, env);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('need the better-sqlite3 package');
      installBetterSqlite3(join(prefix, 'lib', 'node_modules'));

      // --workers 0 still scans on a thread: the bundle's main thread never imports the auditor.
      const plain = await scan(['--no-render', '--workers', '0', '--db', 'plain.db'], 'plain');
      expect(plain.repositories.map((r) => [r.name, r.status]).sort()).toEqual([
        ['configured', 'scanned'],
        ['platform', 'scanned'],
        ['web', 'scanned'],
      ]);
      expect(rulesOf(plain, 'web')).toEqual(
        expect.arrayContaining(['dockerfile/no-latest-tag', 'dockerfile/no-root-user']),
      );
      // The Terraform grammar (a .wasm beside the bundle) loaded in the worker.
      expect(rulesOf(plain, 'web').some((id) => id.startsWith('terraform/'))).toBe(true);
      expect(rulesOf(plain, 'configured')).not.toContain('dockerfile/no-latest-tag');
      expect(rulesOf(plain, 'configured')).toContain('dockerfile/no-root-user');
      // No config error: the preset it extends was found (results.json lists errors only when some).
      expect(plain.repositories.find((r) => r.name === 'configured')?.errors).toBeUndefined();
      // --no-render: the chart's templates are skipped, not scanned as YAML.
      const skipped = plain.repositories
        .find((r) => r.name === 'platform')!
        .errors!.filter((e) => e.message.includes('Helm/Go template'));
      expect(skipped.length).toBeGreaterThan(0);
      // The database holds what the report showed: `org report` from it writes the same findings.
      const report = await runInstalled(['org', 'report', '--db', 'plain.db', '--out', 'again'], dir, env);
      expect(report.code, report.stderr).toBe(0);
      const again = JSON.parse(readFileSync(join(dir, 'again', 'results.json'), 'utf8')) as Results;
      expect(again.findings).toEqual(plain.findings);

      if (!helm) return;
      // Charts and overlays rendered in the worker find what the installed `audit` finds.
      const rendered = await scan(['--helm', helm, '--workers', '2', '--db', 'rendered.db'], 'rendered');
      const audit = spawnSync(
        'plumbline',
        ['audit', units, '--format', 'json', '--fail-on', 'none', '--helm', helm],
        {
          cwd: dir,
          env,
          encoding: 'utf8',
        },
      );
      expect(audit.status, audit.stderr).toBe(0);
      const where = (f: { file: string; startLine: number; ruleId: string }) =>
        `${f.file}:${f.startLine} ${f.ruleId}`;
      const expected = (JSON.parse(audit.stdout) as Results).findings.map(where).sort();
      expect(expected).toContain('charts/shop/values-prod.yaml:9 k8s/no-privileged-container');
      expect(
        rendered.findings
          .filter((f) => f.repository === 'platform')
          .map(where)
          .sort(),
      ).toEqual(expected);
      expect(rulesOf(rendered, 'web').sort()).toEqual(rulesOf(plain, 'web').sort());
    } finally {
      await fake.close();
    }
  }, 180_000);
});
