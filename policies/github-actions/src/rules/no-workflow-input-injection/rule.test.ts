import { RuleTester, runRule } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { expect, it } from 'vitest';
import rule from './rule.js';

// A shared release workflow: called by the product repositories, or dispatched by hand.
const release = (run: string, script = 'core.notice("released")') => `name: Release
on:
  workflow_call:
    inputs:
      version:
        type: string
        required: true
      dry-run:
        type: boolean
        default: false
  workflow_dispatch:
    inputs:
      notes:
        description: Release notes
      channel:
        type: choice
        options: [stable, beta]
permissions:
  contents: write
jobs:
  release:
    runs-on: ubuntu-latest
    env:
      NOTES: \${{ github.event.inputs.notes }}
    steps:
      - uses: actions/checkout@v4
      - run: ${run}
      - uses: actions/github-script@v7
        with:
          script: ${script}
`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      name: 'hardened: inputs read from the environment',
      code: release('gh release create "v$VERSION" --notes "$NOTES"'),
    },
    {
      name: 'validated input types: boolean and choice',
      code: release('make release DRY_RUN=${{ inputs.dry-run }} CHANNEL=${{ inputs.channel }}'),
    },
    {
      name: 'a composite action input is another rule',
      filename: 'action.yml',
      code: 'inputs:\n  version: {}\nruns:\n  using: composite\n  steps:\n    - run: echo ${{ inputs.version }}\n      shell: bash\n',
    },
  ],
  invalid: [
    {
      name: 'workflow_call string input in run:, dispatch input through env and in github-script',
      code: release(
        'gh release create "v${{ inputs.version }}" --notes "${{ env.NOTES }}"',
        'core.notice("${{ inputs.notes }}")',
      ),
      errors: [
        {
          line: 27,
          column: 34,
          endLine: 27,
          endColumn: 55,
          message: '`inputs.version` is expanded into this `run:` script; any workflow that calls',
        },
        {
          line: 27,
          column: 66,
          endLine: 27,
          endColumn: 82,
          message: '`env.NOTES`, set from `github.event.inputs.notes`,',
        },
        {
          line: 30,
          column: 32,
          endLine: 30,
          endColumn: 51,
          message: '`script` code of `actions/github-script@v7`; whoever dispatches',
        },
      ],
    },
  ],
});

const shared = `on:
  workflow_call:
    inputs:
      image: { type: string, required: true }
jobs:
  push:
    runs-on: ubuntu-latest
    steps:
      - run: docker push ghcr.io/acme/\${{ inputs.image }}
`;
const caller = (image: string) => `on: [push, pull_request_target]
jobs:
  base:
    uses: ./.github/workflows/push-image.yml
    with:
      image: base
  app:
    uses: ./.github/workflows/push-image.yml
    with:
      image: ${image}
`;

it('leaves an input alone when every caller in the repository passes fixed or trusted text', async () => {
  const run = (image: string) =>
    runRule(rule, [yamlLanguage], {
      '.github/workflows/push-image.yml': shared,
      '.github/workflows/images.yml': caller(image),
    });
  expect((await run('app-${{ github.sha }}')).findings).toEqual([]);
  // Forwarded through another reusable workflow whose only caller passes a literal: still settled.
  const middle =
    'on:\n  workflow_call:\n    inputs:\n      image: { type: string }\njobs:\n  push:\n    uses: ./.github/workflows/push-image.yml\n    with:\n      image: ${{ inputs.image }}\n';
  const forwarded = await runRule(rule, [yamlLanguage], {
    '.github/workflows/push-image.yml': shared,
    '.github/workflows/middle.yml': middle,
    '.github/workflows/images.yml':
      'on: push\njobs:\n  a:\n    uses: ./.github/workflows/middle.yml\n    with:\n      image: base\n',
  });
  expect(forwarded.findings).toEqual([]);
  const tainted = await run('${{ github.head_ref }}');
  expect(tainted.findings.map((f) => `${f.file}:${f.startLine}:${f.startColumn}`)).toEqual([
    '.github/workflows/push-image.yml:9:39',
  ]);
});

it("counts only callers of the workflow's own repository when several repositories are scanned", async () => {
  // `./.github/workflows/push-image.yml` in `web` runs web's copy, never the one of `api`.
  const result = await runRule(rule, [yamlLanguage], {
    'api/.github/workflows/push-image.yml': shared,
    'api/.github/workflows/images.yml': caller('app'),
    'web/.github/workflows/push-image.yml': shared,
    'web/.github/workflows/images.yml': caller('${{ github.head_ref }}'),
  });
  expect(result.findings.map((f) => `${f.file}:${f.startLine}:${f.startColumn}`)).toEqual([
    'web/.github/workflows/push-image.yml:9:39',
  ]);
});

it('ranks a dispatch input low and a caller input medium', async () => {
  const result = await runRule(rule, [yamlLanguage], {
    '.github/workflows/release.yml': release(
      'echo "${{ inputs.version }}" "${{ github.event.inputs.notes }}"',
    ),
  });
  expect(result.findings.map((f) => `${f.message.split(' ')[0]} ${f.severity} ${f.confidence}`)).toEqual([
    '`inputs.version` medium medium',
    '`github.event.inputs.notes` low low',
  ]);
});
