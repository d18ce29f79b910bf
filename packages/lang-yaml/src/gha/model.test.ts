import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SourceFile, textOf } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../language.js';
import { buildAction, buildWorkflow, parseImage, parseUses } from './build.js';
import { allSteps, ancestors, envFor } from './domain.js';
import { analyseExpression, findExpressions, pathMatches } from './expressions.js';
import type { GhaValue, Workflow } from './model.js';

function workflow(text: string, path = '.github/workflows/ci.yml'): Workflow {
  const { model, problems } = parseYaml(new SourceFile(path, text));
  expect(problems).toEqual([]);
  return buildWorkflow(model!.documents[0]!);
}

const span = (loc: { file: SourceFile; start: number; end: number }) => {
  const s = loc.file.span(loc.start, loc.end);
  return `${s.startLine}:${s.startColumn}-${s.endLine}:${s.endColumn}`;
};

/** Each expression of the first step's `run:` as `text @ span`. */
function runExpressions(text: string): string[] {
  const wf = workflow(text);
  const run = wf.jobs[0]!.steps[0]!.run!;
  return run.expressions.map((e) => `${textOf(e.loc)} @ ${span(e.loc)}`);
}

const head = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n';

describe('expression spans inside run scalars', () => {
  it('literal block', () => {
    expect(
      runExpressions(
        `${head}      - run: |\n          echo "\${{ github.event.issue.title }}"\n          x=\${{ github.head_ref }} y\n`,
      ),
    ).toEqual(['${{ github.event.issue.title }} @ 7:17-7:48', '${{ github.head_ref }} @ 8:13-8:35']);
  });
  it('literal block with keep chomping and explicit indentation', () => {
    expect(runExpressions(`${head}      - run: |+2\n            echo \${{ github.sha }}\n\n`)).toEqual([
      '${{ github.sha }} @ 7:18-7:35',
    ]);
  });
  it('folded block, lines folded together', () => {
    expect(
      runExpressions(
        `${head}      - run: >-\n          echo a\n          \${{ github.head_ref }}\n\n          b \${{ env.X }}\n`,
      ),
    ).toEqual(['${{ github.head_ref }} @ 8:11-8:33', '${{ env.X }} @ 10:13-10:25']);
  });
  it('plain scalar, multi-line', () => {
    expect(
      runExpressions(`${head}      - run: echo \${{ github.head_ref }}\n          and \${{ github.sha }}\n`),
    ).toEqual(['${{ github.head_ref }} @ 6:19-6:41', '${{ github.sha }} @ 7:15-7:32']);
  });
  it('double-quoted with escapes', () => {
    expect(
      runExpressions(
        `${head}      - run: "echo \\"\\u00e9\\" \${{ github.head_ref }}\\n\\techo \${{ github.sha }}"\n`,
      ),
    ).toEqual(['${{ github.head_ref }} @ 6:31-6:53', '${{ github.sha }} @ 6:62-6:79']);
  });
  it('single-quoted with doubled quotes', () => {
    expect(
      runExpressions(
        `${head}      - run: 'echo ''\${{ github.event_name == ''push'' }}'' \${{ github.head_ref }}'\n`,
      ),
    ).toEqual(["${{ github.event_name == ''push'' }} @ 6:22-6:58", '${{ github.head_ref }} @ 6:61-6:83']);
  });
  it('CRLF line endings', () => {
    const text =
      `${head}      - run: |\n          echo \${{ github.head_ref }}\n          echo \${{ github.sha }}\n`.replace(
        /\n/g,
        '\r\n',
      );
    expect(runExpressions(text)).toEqual([
      '${{ github.head_ref }} @ 7:16-7:38',
      '${{ github.sha }} @ 8:16-8:33',
    ]);
  });
  it('context paths carry their own spans', () => {
    const wf = workflow(
      `${head}      - run: |\n          echo "\${{ format('{0}', github.event.pull_request.head.ref) }}"\n`,
    );
    const e = wf.jobs[0]!.steps[0]!.run!.expressions[0]!;
    expect(e.flows.map((c) => [c.path, textOf(c.loc), span(c.loc)])).toEqual([
      ['github.event.pull_request.head.ref', 'github.event.pull_request.head.ref', '7:35-7:69'],
    ]);
  });
});

describe('expression analysis', () => {
  it('tells contexts that flow into the value from those only tested', () => {
    const flows = (s: string) => analyseExpression(s).flows.map((c) => c.path);
    const contexts = (s: string) => analyseExpression(s).contexts.map((c) => c.path);
    expect(flows("contains(github.event.issue.title, 'x')")).toEqual([]);
    expect(contexts("contains(github.event.issue.title, 'x')")).toEqual(['github.event.issue.title']);
    expect(flows("github.event.issue.title == 'x'")).toEqual([]);
    expect(flows('github.event.issue.title || github.head_ref')).toEqual([
      'github.event.issue.title',
      'github.head_ref',
    ]);
    expect(flows('toJSON(github.event.commits.*.message)')).toEqual(['github.event.commits.*.message']);
    expect(flows("github['head_ref']")).toEqual(['github.head_ref']);
    expect(flows('GitHub.Event.Issue.Title')).toEqual(['github.event.issue.title']);
    expect(flows('fromJSON(steps.x.outputs.y).z')).toEqual(['steps.x.outputs.y']);
  });
  it('falls back to a lexical scan when the parser rejects the body', () => {
    const info = analyseExpression('github.event.issue.title ==');
    expect(info.error).toBeDefined();
    expect(info.contexts.map((c) => c.path)).toEqual(['github.event.issue.title']);
  });
  it('finds expressions, including `}}` inside a string literal', () => {
    expect(findExpressions("a ${{ format('}}', x) }} b ${{y}}").map((e) => e.body)).toEqual([
      " format('}}', x) ",
      'y',
    ]);
    expect(findExpressions('${{ unterminated')).toEqual([]);
  });
  it('matches paths against patterns', () => {
    expect(pathMatches('github.event.commits.0.message', 'github.event.commits.*.message')).toBe(true);
    expect(pathMatches('github.event.issue.title', 'github.event.**')).toBe(true);
    expect(pathMatches('github.event.issue', 'github.event.issue.title')).toBe(false);
  });
});

describe('workflow model', () => {
  it('reads triggers with their trust level, permissions, jobs and steps', () => {
    const wf = workflow(
      [
        'name: CI',
        'on:',
        '  pull_request_target:',
        '    types: [opened]',
        '  push:',
        '    branches: [main]',
        'permissions: write-all',
        'env:',
        '  A: "1"',
        'jobs:',
        '  test:',
        '    runs-on: [self-hosted, Linux]',
        '    timeout-minutes: 10',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '  deploy:',
        '    needs: [test]',
        "    if: github.ref == 'refs/heads/main'",
        '    runs-on: ubuntu-latest',
        '    environment: { name: production, url: "https://x" }',
        '    permissions:',
        '      contents: read',
        '      id-token: write',
        '    container: node:20',
        '    services:',
        '      db:',
        '        image: postgres@sha256:abc',
        '        credentials: { username: u, password: p }',
        '    env: { B: x }',
        '    steps:',
        '      - id: s',
        '        name: Deploy',
        '        uses: docker://alpine:3.20',
        '        env: { A: "2" }',
        '        with: { x: "${{ github.sha }}" }',
        '  call:',
        '    uses: org/repo/.github/workflows/r.yml@main',
        '    secrets: inherit',
        '',
      ].join('\n'),
    );
    expect(wf.triggers.map((t) => [t.event, t.trust, span(t.loc)])).toEqual([
      ['pull_request_target', 'untrusted-privileged', '3:3-3:22'],
      ['push', 'trusted', '5:3-5:7'],
    ]);
    expect(wf.permissions?.kind).toBe('write-all');
    const [test, deploy, call] = wf.jobs;
    expect(test!.runnerLabels).toEqual(['self-hosted', 'linux']);
    expect(test!.timeoutMinutes?.value).toBe(10);
    expect(deploy!.needs.map((n) => n.id)).toEqual(['test']);
    expect(deploy!.if?.expression.contexts.map((c) => [c.path, span(c.loc)])).toEqual([
      ['github.ref', '18:9-18:19'],
    ]);
    expect(deploy!.environment?.name).toBe('production');
    expect(deploy!.permissions?.scopes.map((s) => [s.name, s.level])).toEqual([
      ['contents', 'read'],
      ['id-token', 'write'],
    ]);
    expect(deploy!.container?.imageRef).toEqual({ raw: 'node:20', name: 'node', tag: '20' });
    expect(deploy!.services[0]?.imageRef?.digest).toBe('sha256:abc');
    expect(deploy!.services[0]?.credentials?.password?.text).toBe('p');
    const step = deploy!.steps[0]!;
    expect(step.id).toBe('s');
    expect(step.uses?.kind).toBe('docker');
    expect(span(step.keyLoc)).toBe('31:9-31:14');
    expect(envFor(step, 'A')?.value.text).toBe('2');
    expect(envFor(step, 'B')?.value.text).toBe('x');
    expect(step.with[0]?.value.expressions[0]?.body).toBe('github.sha');
    expect(ancestors(deploy!).map((j) => j.id)).toEqual(['test']);
    expect(call!.uses?.ref).toBe('main');
    expect(call!.secrets?.text).toBe('inherit');
    expect(allSteps(wf)).toHaveLength(2);
  });

  it('reads every form of `on:`', () => {
    expect(workflow('on: push\njobs: {}\n').triggers.map((t) => t.event)).toEqual(['push']);
    expect(
      workflow('on: [issues, workflow_call]\njobs: {}\n').triggers.map((t) => [t.event, t.trust]),
    ).toEqual([
      ['issues', 'untrusted-privileged'],
      ['workflow_call', 'inherited'],
    ]);
  });

  it('reads a composite action', () => {
    const { model } = parseYaml(
      new SourceFile(
        'action.yml',
        'name: x\nruns:\n  using: composite\n  steps:\n    - run: echo ${{ inputs.a }}\n      shell: bash\n',
      ),
    );
    const action = buildAction(model!.documents[0]!);
    expect(action.using).toBe('composite');
    expect(action.steps[0]?.run?.expressions[0]?.contexts[0]?.path).toBe('inputs.a');
    expect(action.steps[0]?.job).toBeUndefined();
  });
});

describe('uses and images', () => {
  const v = (text: string) => ({ text }) as GhaValue;
  it('parses every form of uses', () => {
    const sha = 'a'.repeat(40);
    expect(parseUses(v(`actions/checkout@${sha}`))).toMatchObject({
      kind: 'repository',
      owner: 'actions',
      repo: 'checkout',
      ref: sha,
      pinnedToSha: true,
    });
    expect(parseUses(v('github/codeql-action/init@v3'))).toMatchObject({
      path: 'init',
      ref: 'v3',
      action: 'github/codeql-action',
      pinnedToSha: false,
    });
    expect(parseUses(v('./.github/actions/x'))).toMatchObject({ kind: 'local' });
    expect(parseUses(v('docker://alpine@sha256:00'))).toMatchObject({ kind: 'docker', pinnedToSha: true });
    expect(parseUses(v('owner'))).toMatchObject({ kind: 'invalid' });
  });
  it('splits images', () => {
    expect(parseImage('localhost:5000/a/b:1.0')).toEqual({
      raw: 'localhost:5000/a/b:1.0',
      name: 'localhost:5000/a/b',
      tag: '1.0',
    });
    expect(parseImage('localhost:5000/a')).toEqual({ raw: 'localhost:5000/a', name: 'localhost:5000/a' });
  });
});

describe('@actions/expressions outside vitest', () => {
  it('imports on plain Node (ESM, no JSON-import workaround needed)', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { Lexer, Parser } from '@actions/expressions'; import { IndexAccess } from '@actions/expressions/ast'; const e = new Parser(new Lexer('github.head_ref').lex().tokens, ['github'], []).parse(); console.log(e instanceof IndexAccess);",
      ],
      { cwd: fileURLToPath(new URL('.', import.meta.url)), encoding: 'utf8' },
    );
    expect(out.trim()).toBe('true');
  });
});

describe('YAML anchors, aliases and merge keys (GitHub accepts them since 2025)', () => {
  const text = `on: pull_request
jobs:
  lint:
    runs-on: ubuntu-latest
    env: &env
      REF: \${{ github.head_ref }}
    steps:
      - &checkout
        uses: actions/checkout@v4
        with:
          persist-credentials: false
      - &report
        run: echo "\${{ github.event.pull_request.title }}"
  test:
    runs-on: ubuntu-latest
    env:
      <<: *env
      CI: "1"
    steps:
      - *checkout
      - <<: *report
        name: Report again
      - name: Report twice
        <<: [{ shell: bash }, *report]
`;
  const wf = workflow(text);
  const test = wf.jobs[1]!;

  it('sees aliased and merged content as the job that uses it', () => {
    expect(test.steps.map((s) => s.uses?.raw ?? s.run?.text)).toEqual([
      'actions/checkout@v4',
      'echo "${{ github.event.pull_request.title }}"',
      'echo "${{ github.event.pull_request.title }}"',
    ]);
    expect(test.env.map((e) => e.name)).toEqual(['REF', 'CI']);
    expect(test.steps[2]!.shell?.text).toBe('bash');
  });

  it('locates aliased and merged values at the anchor, where the text is written', () => {
    expect(span(test.steps[0]!.uses!.value.loc)).toBe('9:15-9:34');
    for (const step of test.steps.slice(1)) expect(span(step.run!.expressions[0]!.loc)).toBe('13:20-13:58');
    expect(span(test.env[0]!.value.loc)).toBe('6:12-6:34');
    // Own keys stay where they are.
    expect(span(test.env[1]!.value.loc)).toBe('18:11-18:14');
    expect(span(test.steps[2]!.shell!.loc)).toBe('24:23-24:27');
  });
});
