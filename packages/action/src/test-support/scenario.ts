/**
 * A pull request as the runner sees it: an "origin" repository with a base branch and a PR
 * branch, GitHub's merge commit (refs/pull/N/merge), and a workspace fetched the way
 * actions/checkout does by default (one commit deep, detached at the merge commit).
 */
import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { TestRepo } from '../../../github/src/test-support/git-repo.ts';
import { createEngine } from '../engine.ts';
import { runAction } from '../run.ts';

const require = createRequire(import.meta.url);

interface WebhookExamples {
  name: string;
  examples: Record<string, unknown>[];
}

/** A real payload from @octokit/webhooks-examples (`pull_request` opened, `push`, ...). */
export function webhookExample(event: string, action?: string): Record<string, any> {
  const all = require('@octokit/webhooks-examples/api.github.com/index.json') as WebhookExamples[];
  const found = all
    .find((e) => e.name === event)
    ?.examples.find((e) => action === undefined || e.action === action);
  if (!found) throw new Error(`no webhook example ${event}.${action}`);
  return structuredClone(found) as Record<string, any>;
}

type Change = Record<string, string | null>;

/** Commit identity and date, as TestRepo's: the same content gives the same SHAs. */
const SIGNATURE = 'Test <test@example.invalid> 1767225600 +0000';

/** One commit of a fast-import stream, marked `:mark`; `null` deletes a path. */
function commitBlock(
  mark: number,
  ref: string,
  message: string,
  from: string | undefined,
  files: Change,
  merge?: string,
): string {
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}`;
  const lines = [
    `commit ${ref}`,
    `mark :${mark}`,
    `author ${SIGNATURE}`,
    `committer ${SIGNATURE}`,
    data(`${message}\n`),
  ];
  if (from) lines.push(`from ${from}`);
  if (merge) lines.push(`merge ${merge}`);
  for (const [path, content] of Object.entries(files))
    lines.push(content === null ? `D ${path}` : `M 100644 inline ${path}\n${data(content)}`);
  return `${lines.join('\n')}\n`;
}

export class PullRequestScenario {
  readonly origin = new TestRepo();
  readonly tmp = mkdtempSync(join(tmpdir(), 'plumbline-action-'));
  baseSha = '';
  headSha = '';
  mergeSha = '';
  /** Where the PR branch left main: the merge base GitHub diffs from. */
  private forkSha = '';
  /** Everything the PR branch changed since it left main (a later push overrides an earlier one). */
  private readonly changed = new Map<string, string | null>();
  private workspaces = 0;

  // The commits are written by one `git fast-import` per step rather than a checkout, add,
  // commit and merge each: a scenario was ~22 git processes, each a fork of the test worker.
  constructor(base: Record<string, string>) {
    appendFileSync(join(this.origin.dir, '.git', 'config'), '[uploadpack]\n\tallowAnySHA1InWant = true\n');
    [this.baseSha] = this.fastImport(
      commitBlock(1, 'refs/heads/main', 'base', undefined, base),
      'reset refs/heads/feature\nfrom :1\n',
    );
    this.forkSha = this.baseSha;
  }

  /** Pushes a commit to the PR branch and makes GitHub's merge commit for it (main merged with the branch). */
  push(files: Change): this {
    for (const [path, content] of Object.entries(files)) this.changed.set(path, content);
    // The merge commit's tree: main as it is now with everything the branch changed (the scenarios
    // never conflict), as `git merge --no-ff` makes it.
    const merged = Object.fromEntries(this.changed);
    [this.headSha, this.mergeSha] = this.fastImport(
      commitBlock(1, 'refs/heads/feature', 'feature change', this.headSha || this.forkSha, files),
      commitBlock(2, 'refs/pull/2/merge', 'Merge feature into main', this.baseSha, merged, ':1'),
    );
    return this;
  }

  /** Lands a commit on the base branch (the PR's merge commit is not remade). */
  advanceBase(files: Change): string {
    [this.baseSha] = this.fastImport(commitBlock(1, 'refs/heads/main', 'main moves on', this.baseSha, files));
    return this.baseSha;
  }

  /** Runs `git fast-import` on `blocks` (commits marked :1, :2, ...): their SHAs in mark order. */
  private fastImport(...blocks: string[]): string[] {
    const marks = join(this.tmp, 'marks');
    // --force: GitHub remakes refs/pull/N/merge on every push; the new one does not contain the old.
    this.origin.gitWithInput(
      blocks.join('\n'),
      'fast-import',
      '--quiet',
      '--force',
      `--export-marks=${marks}`,
    );
    return readFileSync(marks, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ') as [string, string])
      .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
      .map(([, sha]) => sha);
  }

  /** `actions/checkout` with its defaults: fetch-depth 1 of the merge commit (or `ref`), detached. */
  checkout(ref = this.mergeSha, depth = 1): string {
    const dir = join(this.tmp, `ws${this.workspaces++}`);
    mkdirSync(dir);
    const ws = new TestRepo(dir);
    ws.git('init', '-q', '--template=');
    // What `git remote add origin <url>` writes, without another git process.
    appendFileSync(
      join(dir, '.git', 'config'),
      `[remote "origin"]\n\turl = file://${this.origin.dir}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`,
    );
    ws.git('fetch', '-q', '--no-tags', `--depth=${depth}`, 'origin', ref);
    ws.git('checkout', '-q', '--detach', 'FETCH_HEAD');
    return dir;
  }

  /** `GET /pulls/{n}/files` as GitHub computes it: the diff from the merge base to the head. */
  files(): { filename: string; status: string; patch?: string }[] {
    const fork = this.forkSha;
    const names = this.origin
      .git('diff', '--name-status', '--no-renames', fork, this.headSha)
      .split('\n')
      .filter(Boolean);
    // One `git diff` for every file (a 300-file pull request is one process, not 300), split at
    // each file's header; git lists the files in the same order as --name-status.
    const patches = this.origin
      .git('diff', '--no-color', '--no-renames', '-U3', fork, this.headSha)
      .split(/^(?=diff --git )/m)
      .filter(Boolean);
    if (patches.length !== names.length)
      throw new Error(`${names.length} files but ${patches.length} patches`);
    return names.map((line, i) => {
      const [status, filename] = line.split('\t') as [string, string];
      const diff = patches[i]!;
      const hunk = diff.indexOf('\n@@');
      // GitHub sends no patch for a file without hunks (binary, empty); git's trailing newline is not in it.
      const patch = hunk === -1 ? undefined : diff.slice(hunk + 1).replace(/\n$/, '');
      return {
        filename,
        status: status === 'A' ? 'added' : status === 'D' ? 'removed' : 'modified',
        ...(patch === undefined ? {} : { patch }),
      };
    });
  }

  /** The `pull_request` payload GitHub sends for this PR (a real example with our SHAs). */
  event(action: 'opened' | 'synchronize', over: (payload: Record<string, any>) => void = () => {}): string {
    const payload = webhookExample('pull_request', action);
    payload.pull_request.head.sha = this.headSha;
    payload.pull_request.base.sha = this.baseSha;
    if (action === 'synchronize') payload.after = this.headSha;
    over(payload);
    return this.writeEvent(payload);
  }

  writeEvent(payload: unknown): string {
    const path = join(this.tmp, `event-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, JSON.stringify(payload));
    return path;
  }

  remove(): void {
    this.origin.remove();
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** This package's folder, and the committed bundle in it that GitHub runs. */
export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const committedBundle = join(packageDir, 'dist', 'index.js');
const repoRoot = join(packageDir, '../..');

/** Input defaults from the root action.yml, as the runner applies them (expressions left out). */
export function actionDefaults(): Record<string, string> {
  const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(
    Object.entries(action.inputs)
      .filter(([, input]) => input.default !== undefined && !String(input.default).includes('${{'))
      .map(([name, input]) => [name, String(input.default)]),
  );
}

/** Runs the committed bundle as the runner does: `node dist/index.js` with INPUT_* and GITHUB_* set. */
export function runBundle(
  bundle: string,
  env: Record<string, string>,
  inputs: Record<string, string>,
): Promise<ActionRun> {
  const runner = runnerEnv(env, inputs);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bundle],
      { env: runner.env, cwd: env.GITHUB_WORKSPACE },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: number }).code ?? 1) : 0;
        resolve(runner.finish(typeof code === 'number' ? code : 1, stdout, stderr));
      },
    );
  });
}

/**
 * `runAction` in the test's process, with the environment `runBundle` gives the bundle and the
 * engine built from the sources: for tests of what the Action decides and posts, not of the
 * bundle (whose start, ~0.4 CPU-s, was most of such a run). Git is a child as in the bundle.
 */
export async function runInProcess(
  env: Record<string, string>,
  inputs: Record<string, string>,
): Promise<ActionRun> {
  const runner = runnerEnv(env, inputs);
  let stdout = '';
  const engine = createEngine({ presetDirs: [join(repoRoot, 'policies', 'presets')] });
  const code = await runAction(runner.env, engine, {
    write: (text: string) => {
      stdout += text;
    },
  });
  return runner.finish(code, stdout, '');
}

/**
 * The environment the runner gives the Action (INPUT_* from `inputs` over action.yml's defaults,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY in a folder of the run's own, `env` over all), and how to
 * read the run's outputs and summary when it ends (the folder is removed then).
 */
function runnerEnv(env: Record<string, string>, inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-runner-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputEnv = Object.fromEntries(
    Object.entries({ ...actionDefaults(), ...inputs }).map(([k, v]) => [
      `INPUT_${k.replace(/ /g, '_').toUpperCase()}`,
      v,
    ]),
  );
  return {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'Codertocat/Hello-World',
      PLUMBLINE_GITHUB_PACE: 'none',
      PLUMBLINE_SARIF_POLL_MS: '5',
      ...inputEnv,
      ...env,
    } as Record<string, string>,
    finish(code: number, stdout: string, stderr: string): ActionRun {
      const outputs = parseOutputs(readFileSync(outputFile, 'utf8'));
      const summary = readFileSync(summaryFile, 'utf8');
      rmSync(dir, { recursive: true, force: true });
      return { code, stdout, stderr, outputs, summary };
    },
  };
}

/** Reads `$GITHUB_OUTPUT` (`name<<delimiter` blocks) as the runner does. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    outputs[m[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}
