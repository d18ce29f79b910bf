import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const wf = (steps: string) =>
  `on: issue_comment\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

// A comment-driven release helper: edits a chart with yq, queries Azure, runs a linter image.
const chatops = (yq: string, az: string, docker: string) => `on:
  issue_comment:
    types: [created]
permissions:
  contents: write
jobs:
  bump:
    if: startsWith(github.event.comment.body, '/bump')
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: mikefarah/yq@v4.44.3
        with:
          cmd: yq -i ${yq}
      - uses: azure/cli@v2
        with:
          azcliversion: latest
          inlineScript: |
            ${az}
      - uses: docker://ghcr.io/acme/lint:1.4
        with:
          args: ${docker}
`;

// Tests fan out over packages a commenter lists: the matrix is the comment.
const fanOut = (matrix: string) => `on: issue_comment
jobs:
  plan:
    runs-on: ubuntu-latest
    strategy:
      matrix:${matrix}
    steps:
      - uses: actions/github-script@v7
        with:
          script: core.info("testing \${{ matrix.package }}")
`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      name: 'hardened chat-ops: values read from the environment',
      code: chatops(
        "'.version = strenv(VERSION)' chart/Chart.yaml",
        'az group show --name "$GROUP"',
        '--config .lint.yml',
      ),
    },
    { name: 'a fixed matrix', code: fanOut('\n        package: [api, web]') },
    {
      name: 'same-repository pull requests only (step guard)',
      code: 'on: pull_request_target\njobs:\n  a:\n    runs-on: x\n    steps:\n      - if: github.event.pull_request.head.repo.fork == false\n        uses: actions/github-script@v7\n        with:\n          script: console.log("${{ github.event.pull_request.title }}")\n',
    },
    wf(
      '      - uses: actions/github-script@v7\n        with:\n          script: console.log(context.payload.comment.body)\n',
    ),
    wf(
      '      - uses: actions/github-script@v7\n        with:\n          script: console.log("${{ github.sha }}")\n          github-token: ${{ github.event.comment.body }}\n',
    ),
    wf('      - uses: other/action@v1\n        with:\n          script: ${{ github.event.comment.body }}\n'),
  ],
  invalid: [
    {
      name: 'yq cmd, azure/cli inlineScript, docker:// args',
      code: chatops(
        '\'.version = "${{ github.event.comment.body }}"\' chart/Chart.yaml',
        'az group show --name ${{ github.event.issue.title }}',
        '--path ${{ github.event.comment.body }}',
      ),
      errors: [
        { line: 14, column: 35, endLine: 14, endColumn: 67, message: '`cmd` code of `mikefarah/yq@v4.44.3`' },
        {
          line: 19,
          column: 34,
          endLine: 19,
          endColumn: 65,
          message: '`inlineScript` code of `azure/cli@v2`',
        },
        {
          line: 22,
          column: 24,
          endLine: 22,
          endColumn: 56,
          message: '`args` code of `docker://ghcr.io/acme/lint:1.4`',
        },
      ],
    },
    {
      name: 'a matrix made from the comment',
      code: fanOut(' ${{ fromJSON(github.event.comment.body) }}'),
      errors: [
        {
          line: 10,
          column: 38,
          endLine: 10,
          endColumn: 59,
          message: '`matrix.package` (from `github.event.comment.body`)',
        },
      ],
    },
    {
      name: 'one matrix dimension made from the comment',
      code: fanOut('\n        package: ${{ fromJSON(github.event.comment.body).packages }}'),
      errors: [{ line: 11, column: 38, endLine: 11, endColumn: 59 }],
    },
    {
      name: 'github-script and ssh-action',
      code: wf(
        '      - uses: actions/github-script@v7\n        with:\n          script: |\n            const b = `${{ github.event.comment.body }}`\n      - uses: appleboy/ssh-action@v1\n        with:\n          script: deploy ${{ github.event.issue.title }}\n',
      ),
      errors: [
        { line: 9, column: 24, endLine: 9, endColumn: 56, message: 'github.event.comment.body' },
        { line: 12, column: 26, endLine: 12, endColumn: 57 },
      ],
    },
  ],
});
