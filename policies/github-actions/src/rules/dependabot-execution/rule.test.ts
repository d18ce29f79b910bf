import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const filename = '.github/dependabot.yml';

// A Python project with a private index: Dependabot holds its credentials while it resolves.
const project = (execution: string) => `version: 2
registries:
  internal:
    type: python-index
    url: https://pypi.internal.example.com/simple
    token: \${{ secrets.PYPI_INTERNAL_TOKEN }}
updates:
  - package-ecosystem: pip
    directory: /
    registries: [internal]
${execution}    schedule:
      interval: weekly
    cooldown:
      default-days: 7
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly
`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    { filename, code: project('') },
    { name: 'explicitly denied', filename, code: project('    insecure-external-code-execution: deny\n') },
    {
      name: 'a workflow with a key of that name is not Dependabot configuration',
      filename: '.github/workflows/deps.yml',
      code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      insecure-external-code-execution: allow\n    steps:\n      - run: make deps\n',
    },
  ],
  invalid: [
    {
      name: 'allowed for pip with a private registry',
      filename,
      code: project('    insecure-external-code-execution: allow\n'),
      errors: [{ line: 11, column: 5, endLine: 11, endColumn: 44, message: /`pip` updates run code/ }],
    },
    {
      name: 'quoted, in flow style, in dependabot.yaml',
      filename: '.github/dependabot.yaml',
      code: 'version: 2\nupdates:\n  - {package-ecosystem: bundler, directory: /, schedule: {interval: daily}, insecure-external-code-execution: "allow"}\n',
      errors: [{ line: 3, column: 77, endLine: 3, endColumn: 118 }],
    },
  ],
});
