/**
 * A pull request as the runner sees it: an "origin" repository with a base branch and a PR
 * branch, GitHub's merge commit (refs/pull/N/merge), and a workspace fetched the way
 * actions/checkout does by default (one commit deep, detached at the merge commit).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { TestRepo } from '../../../github/src/test-support/git-repo.ts';

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

export class PullRequestScenario {
  readonly origin = new TestRepo();
  readonly tmp = mkdtempSync(join(tmpdir(), 'plumbline-action-'));
  baseSha = '';
  headSha = '';
  mergeSha = '';
  private workspaces = 0;

  constructor(base: Record<string, string>) {
    this.origin.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
    this.baseSha = this.origin.commit('base', base);
    this.origin.git('branch', 'feature');
  }

  /** Pushes a commit to the PR branch and makes GitHub's merge commit for it. */
  push(files: Record<string, string | null>): this {
    this.origin.git('checkout', '-q', 'feature');
    this.headSha = this.origin.commit('feature change', files);
    this.origin.git('checkout', '-q', '--detach', 'main');
    this.origin.git('merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature');
    this.mergeSha = this.origin.git('rev-parse', 'HEAD');
    this.origin.git('update-ref', 'refs/pull/2/merge', this.mergeSha);
    this.origin.git('checkout', '-q', 'main');
    return this;
  }

  /** Lands a commit on the base branch (the PR's merge commit is not remade). */
  advanceBase(files: Record<string, string | null>): string {
    this.baseSha = this.origin.commit('main moves on', files);
    return this.baseSha;
  }

  /** `actions/checkout` with its defaults: fetch-depth 1 of the merge commit (or `ref`), detached. */
  checkout(ref = this.mergeSha, depth = 1): string {
    const dir = join(this.tmp, `ws${this.workspaces++}`);
    mkdirSync(dir);
    const ws = new TestRepo(dir);
    ws.git('init', '-q');
    ws.git('remote', 'add', 'origin', `file://${this.origin.dir}`);
    ws.git('fetch', '-q', '--no-tags', `--depth=${depth}`, 'origin', ref);
    ws.git('checkout', '-q', '--detach', 'FETCH_HEAD');
    return dir;
  }

  /** `GET /pulls/{n}/files` as GitHub computes it: the diff from the merge base to the head. */
  files(): { filename: string; status: string; patch?: string }[] {
    const fork = this.origin.git('merge-base', 'main', this.headSha);
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

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

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
  const fullEnv = {
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
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bundle],
      { env: fullEnv, cwd: env.GITHUB_WORKSPACE },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: number }).code ?? 1) : 0;
        const outputs = parseOutputs(readFileSync(outputFile, 'utf8'));
        const summary = readFileSync(summaryFile, 'utf8');
        rmSync(dir, { recursive: true, force: true });
        resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr, outputs, summary });
      },
    );
  });
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
