/**
 * Regression tests for the hardening issue, each through the built CLI as an attacker would
 * drive it: the files of a pull request are chosen by its author.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot as repo, runBuiltCli } from './test-support/run-cli.ts';

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;

// Assembled at run time: no secret scanner should take this test file for a leak.
const TOKEN = ['ghp', '_', 'Q7vXk2Lm9Pz4Rt8Wc1Yb6Nd3Hs5Jf0Ga2EuT'].join('');
const AWS_SECRET = ['wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYzQXAMPLEKEY42'].join('');
const BASIC = ['eC1hY2Nlc3MtdG9rZW46', 'Z2hzX0FiQ2RlRmdIaUprTG1Ob1BxUnNUdVZ3WHlaMDEyMzQ1'].join('');

/** The built CLI's entry function, run in this process (see test-support/run-cli.ts). */
function cli(args: string[], cwd = repo) {
  return runBuiltCli(args, cwd);
}

/** The same audit in every format: exit codes and outputs. */
async function everyFormat(args: string[], cwd = repo) {
  const runs = [];
  for (const format of FORMATS)
    runs.push({ format, ...(await cli(['audit', ...args, '--format', format], cwd)) });
  return runs;
}

function tree(files: Record<string, string | Buffer>, prefix = 'plumbline-hard-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function git(dir: string, ...args: string[]) {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const POD = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n`;

describe('the scan root is a boundary', () => {
  it('never reads a link out of the root (the checkout token stays where it is) and lists it', async () => {
    const outside = tree(
      { config: `[http]\n\textraheader = AUTHORIZATION: basic ${BASIC}\n` },
      'plumbline-git-',
    );
    const dir = tree({ 'k8s/pod.yaml': POD('web') });
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    symlinkSync(join(outside, 'config'), join(dir, '.github', 'workflows', 'x.yml'));
    symlinkSync('/', join(dir, 'rootfs'));
    symlinkSync(outside, join(dir, 'k8s', 'shared'));
    for (const r of await everyFormat([dir, '--fail-on', 'none'])) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, r.format).not.toContain(BASIC);
      expect(r.stdout, r.format).not.toContain('extraheader');
    }
    const json = JSON.parse((await cli(['audit', dir, '--format', 'json', '--fail-on', 'none'])).stdout);
    expect(
      json.errors
        .filter((e: { kind: string }) => e.kind === 'outside-root')
        .map((e: { file: string }) => e.file)
        .sort(),
    ).toEqual(['.github/workflows/x.yml', 'k8s/shared', 'rootfs']);
    expect(json.summary.files).toBe(1);
  });
});

describe('secrets are redacted in every format', () => {
  it('removes a token quoted by a parse error, and keeps ordinary messages whole', async () => {
    const digest = 'sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31';
    const dir = tree({
      // The parse error quotes the broken line, token and all.
      'k8s/broken.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  token: "${TOKEN}\n  aws: ${AWS_SECRET}\n key: [\n`,
      'k8s/pinned.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx@${digest}\n`,
    });
    for (const r of await everyFormat([dir, '--fail-on', 'none'])) {
      expect(r.stdout, r.format).not.toContain(TOKEN);
      expect(r.stdout, r.format).not.toContain(AWS_SECRET);
      expect(r.stdout, r.format).toContain('k8s/broken.yaml');
    }
    const json = JSON.parse((await cli(['audit', dir, '--format', 'json', '--fail-on', 'none'])).stdout);
    expect(json.findings.some((f: { ruleId: string }) => f.ruleId === 'core/parse-error')).toBe(true);
    // Messages that name digests keep them.
    const pinned = json.findings.filter((f: { file: string }) => f.file === 'k8s/pinned.yaml');
    expect(pinned.length).toBeGreaterThan(0);
    expect(JSON.stringify(pinned)).not.toContain('[redacted');
  });
});

describe('a file that cannot be scanned cannot open the gate', () => {
  it('reports deep YAML, deep HCL and an oversized RUN as core/unscannable, failing the default gate', async () => {
    const dir = tree({
      'k8s/deep.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\ndata:\n  x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      'infra/main.tf': `locals {\n  x = ${'['.repeat(2000)}${']'.repeat(2000)}\n}\n`,
      'app/Dockerfile': `FROM alpine:3.20\nUSER 10001\nHEALTHCHECK CMD true\nRUN echo ${'x '.repeat(40_000)}\n`,
      'big/Dockerfile': `FROM alpine:3.20\nRUN ${'echo abcdefgh && '.repeat(40_000)}true\n`,
    });
    const r = await cli(['audit', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    const unscannable = json.findings.filter((f: { ruleId: string }) => f.ruleId === 'core/unscannable');
    expect(unscannable.map((f: { file: string }) => f.file).sort()).toEqual([
      'app/Dockerfile',
      'big/Dockerfile',
      'infra/main.tf',
      'k8s/deep.yaml',
    ]);
    expect(unscannable.every((f: { severity: string }) => f.severity === 'high')).toBe(true);
    const messages = unscannable.map((f: { message: string }) => f.message).join('\n');
    expect(messages).toMatch(/nesting deeper than 500 levels/);
    expect(messages).toMatch(/blocks or expressions nested deeper than 500 levels/);
    expect(messages).toMatch(/RUN instruction at line 4 is \d+ characters long/);
    expect(messages).not.toMatch(/call stack/i);
  });

  it('parses a RUN of 5,000 && chained commands instead of overflowing', async () => {
    const dir = tree({
      Dockerfile: `FROM alpine:latest\nUSER 10001\nHEALTHCHECK CMD true\nRUN ${Array.from({ length: 5000 }, () => 'true').join(' && ')}\n`,
    });
    const json = JSON.parse((await cli(['audit', dir, '--format', 'json', '--fail-on', 'info'])).stdout);
    expect(json.errors).toEqual([]);
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('dockerfile/no-latest-tag');
  });
});

describe('paths', () => {
  it('scans each named file exactly, outside the working directory too', async () => {
    const dir = tree({
      Dockerfile: 'FROM alpine:latest\n',
      'nested/Dockerfile': 'FROM alpine:latest\n',
      'k8s/pod.yaml': POD('a'),
    });
    const elsewhere = tree({});
    const r = await cli(
      [
        'audit',
        join(dir, 'Dockerfile'),
        join(dir, 'k8s', 'pod.yaml'),
        '--format',
        'json',
        '--fail-on',
        'none',
      ],
      elsewhere,
    );
    expect(r.code, r.stderr).toBe(0);
    const files = new Set(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file));
    expect(files).toEqual(new Set(['Dockerfile', 'k8s/pod.yaml']));
    // Relative names from inside the tree: the same two files, never nested/Dockerfile.
    const inside = JSON.parse(
      (await cli(['audit', 'Dockerfile', 'k8s', '--format', 'json', '--fail-on', 'none'], dir)).stdout,
    );
    expect(new Set(inside.findings.map((f: { file: string }) => f.file))).toEqual(files);
  });

  it('exits 2 on a missing path and says so on stderr when nothing was found', async () => {
    const dir = tree({ 'README.md': '# nothing to scan\n' });
    const missing = await cli(['audit', 'no-such-file.yaml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file or directory: no-such-file\.yaml/);
    const empty = await cli(['audit', '.'], dir);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toMatch(
      /no Dockerfile, Kubernetes manifest, GitHub workflow or Terraform file found/,
    );
  });

  it('recognises a workflow by its repository path, and elsewhere by its content', async () => {
    const workflow =
      'on: pull_request_target\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: make\n';
    const dir = tree({ '.github/workflows/ci.yml': workflow, 'ci/pipeline.yml': workflow, '.git/HEAD': '' });
    const gha = async (args: string[]) =>
      JSON.parse(
        (await cli(['audit', ...args, '--format', 'json', '--fail-on', 'none'], dir)).stdout,
      ).findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('gha/')).length;
    expect(await gha(['.github/workflows'])).toBeGreaterThan(0);
    expect(await gha(['.github/workflows/ci.yml'])).toBeGreaterThan(0);
    expect(await gha(['ci/pipeline.yml'])).toBeGreaterThan(0);
    // Not named, not under .github/workflows: a workflow by its content (every job has runs-on/uses)...
    expect(await gha(['ci'])).toBeGreaterThan(0);
    // ...and YAML that only has top-level on:/jobs: keys is not one.
    writeFileSync(join(dir, 'ci', 'pipeline.yml'), 'on: boot\njobs:\n  backup:\n    schedule: daily\n');
    expect(await gha(['ci'])).toBe(0);
  });
});

describe('a real git repository', () => {
  it('scans tracked files whatever a committed .gitignore says, and keeps --new-since offline', async () => {
    const dir = tree({ 'k8s/pod.yaml': POD('tracked'), '.gitignore': '*\n' });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-f', '.gitignore', 'k8s/pod.yaml');
    git(dir, 'commit', '-qm', 'base');
    writeFileSync(join(dir, 'k8s', 'untracked.yaml'), POD('untracked'));
    const json = JSON.parse((await cli(['audit', dir, '--format', 'json', '--fail-on', 'none'])).stdout);
    expect(new Set(json.findings.map((f: { file: string }) => f.file))).toEqual(new Set(['k8s/pod.yaml']));

    // A ref that is an option of git is refused before git runs.
    const pwned = join(dir, 'pwned');
    const option = await cli(['audit', dir, '--new-since', `--upload-pack=touch ${pwned}`]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/not a git revision/);
    expect(existsSync(pwned)).toBe(false);
    // A base that is not in the clone: a clear error at once, no fetch from an unreachable remote.
    git(dir, 'remote', 'add', 'origin', 'http://127.0.0.1:9/unreachable.git');
    const started = Date.now();
    const missing = await cli(['audit', dir, '--new-since', 'origin/feature']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/not a commit in this clone.*--fetch/);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe('smaller gaps', () => {
  it('decodes UTF-16, skips source files named dockerfile.go, and escapes newlines in file names', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POD('wide'), 'utf16le')]);
    const dir = tree({
      'k8s/wide.yaml': utf16,
      'tools/dockerfile.go': 'package tools\n',
      'editor/dockerfile.vim': '" syntax\n',
      'k8s/evil\nnews/pod.yaml': POD('evil'),
    });
    const json = JSON.parse((await cli(['audit', dir, '--format', 'json', '--fail-on', 'none'])).stdout);
    const files = new Set(json.findings.map((f: { file: string }) => f.file));
    expect(files.has('k8s/wide.yaml')).toBe(true);
    expect([...files].some((f) => /dockerfile\.(go|vim)/.test(f as string))).toBe(false);
    expect(json.errors).toEqual([]);
    const text = (await cli(['audit', dir, '--fail-on', 'none'])).stdout;
    expect(text).toContain('k8s/evil\\nnews/pod.yaml');
    expect(text.split('\n').some((line) => line.startsWith('news/pod.yaml'))).toBe(false);
  });

  it('uses the repository config from a sub-folder; baseline accepts core findings; -q -v marks suppressed', async () => {
    const dir = tree({
      '.git/HEAD': '',
      '.plumbline.yaml': 'rules:\n  k8s/no-privileged-container: off\n',
      'k8s/pod.yaml': `${POD('p')}  # plumbline:ignore k8s/no-such-rule, k8s/no-privileged-container\n`,
    });
    const ids = JSON.parse(
      (await cli(['audit', join(dir, 'k8s'), '--format', 'json', '--fail-on', 'none'])).stdout,
    ).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).not.toContain('k8s/no-privileged-container');
    // The unknown id is reported although the other id of the comment is known.
    expect(ids).toContain('core/unused-suppression');
    expect((await cli(['audit', dir, '--write-baseline'])).code).toBe(0);
    const after = await cli([
      'audit',
      dir,
      '--baseline',
      join(dir, '.plumbline-baseline.json'),
      '--fail-on',
      'low',
      '-q',
      '-v',
    ]);
    expect(after.code).toBe(0);
    const lines = after.stdout.split('\n').filter((l) => /core\/unused-suppression/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => /\(suppressed: baseline\)/.test(l))).toBe(true);
  });

  it('turns bad paths in options into clear errors before scanning', async () => {
    const dir = tree({ 'k8s/pod.yaml': POD('p') });
    const checks: [string[], RegExp][] = [
      [['audit', dir, '-o', dir], /--output .*: is a directory/],
      [['audit', dir, '-o', join(dir, 'missing', 'r.txt')], /does not exist/],
      [['audit', dir, '--write-baseline', dir], /--write-baseline .*: is a directory/],
      [['audit', dir, '--baseline', join(dir, 'nope.json')], /--baseline .*: no such file/],
      [['audit', dir, '-c', dir], /--config .*: is a directory/],
      [['audit', dir, '--preset', 'nope'], /--preset nope: unknown preset \(presets: .*recommended/],
      [['init', join(dir, 'missing')], /init: no such directory/],
    ];
    for (const [args, message] of checks) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/ENOENT|EISDIR|at .*\.js:\d+/);
    }
  });
});

describe('a hostile repository', () => {
  it('reads nothing outside the root, hides no tracked file, leaks no secret, and fails the gate', async () => {
    const OUTSIDE = 'outside-marker-7f3a';
    const outside = tree(
      {
        'k8s.yaml': `${POD(OUTSIDE)}`,
        'secret.env': `TOKEN=${TOKEN}\n# ${OUTSIDE}\n`,
      },
      'plumbline-outside-',
    );
    const dir = tree({
      '.gitignore': '*\n',
      'k8s/pod.yaml': POD('web'),
      Dockerfile: 'FROM alpine:3.20\nUSER 10001\nHEALTHCHECK CMD true\n',
      // Unparseable, and holding a secret the parse error would quote.
      'k8s/broken.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n data: ${TOKEN}\n`,
    });
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    symlinkSync(join(outside, 'k8s.yaml'), join(dir, 'k8s', 'leak.yaml'));
    symlinkSync(join(outside, 'secret.env'), join(dir, 'k8s', 'env.yaml'));
    symlinkSync('../../.git/config', join(dir, '.github', 'workflows', 'x.yml'));
    symlinkSync('/', join(dir, 'rootfs'));
    symlinkSync(outside, join(dir, 'deps'));
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${BASIC}`);
    git(dir, 'add', '-f', '.');
    git(dir, 'commit', '-qm', 'hostile');
    const forbidden = [TOKEN, BASIC, OUTSIDE, 'root:x:0:0'];

    const elsewhere = tree({});
    const runs = [
      // The whole repository, named from outside it.
      { args: [dir], cwd: elsewhere, code: 1, files: 3 },
      // Named paths inside the working directory.
      { args: ['k8s', 'Dockerfile'], cwd: dir, code: 1, files: 3 },
      // A link named directly is still not followed out of the repository.
      { args: ['k8s/leak.yaml'], cwd: dir, code: 0, files: 0 },
    ];
    for (const run of runs) {
      // Every format for the whole repository; JSON (which carries every message) for the rest.
      const outputs =
        run.args[0] === dir
          ? await everyFormat(run.args, run.cwd)
          : [{ format: 'json', ...(await cli(['audit', ...run.args, '--format', 'json'], run.cwd)) }];
      for (const r of outputs) {
        expect(r.code, `${run.args.join(' ')} ${r.format}: ${r.stderr}`).toBe(run.code);
        for (const text of forbidden) {
          expect(r.stdout.includes(text), `${r.format} of ${run.args.join(' ')} shows ${text}`).toBe(false);
          expect(r.stderr.includes(text)).toBe(false);
        }
      }
      const json = JSON.parse(outputs.find((o) => o.format === 'json')!.stdout);
      expect(json.summary.files, run.args.join(' ')).toBe(run.files);
    }
    const json = JSON.parse((await cli(['audit', dir, '--format', 'json'], elsewhere)).stdout);
    expect(
      json.errors
        .filter((e: { kind: string }) => e.kind === 'outside-root')
        .map((e: { file: string }) => e.file)
        .sort(),
    ).toEqual(['.github/workflows/x.yml', 'deps', 'k8s/env.yaml', 'k8s/leak.yaml', 'rootfs']);
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(
      expect.arrayContaining(['core/parse-error', 'k8s/no-privileged-container']),
    );
  });
});
