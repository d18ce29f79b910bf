import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const filename = '.github/dependabot.yml';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      filename,
      code: `version: 2
updates:
  - package-ecosystem: npm
    directories: ["/", "/web"]
    schedule:
      interval: weekly
    cooldown:
      default-days: 7
      semver-major-days: 30
      include: ["*"]
    insecure-external-code-execution: deny
`,
    },
    {
      name: 'Dependabot-shaped YAML elsewhere is not read',
      filename: 'templates/dependabot.yml',
      code: 'updates: nope\n',
    },
  ],
  invalid: [
    {
      name: 'no version, an entry with no ecosystem, directory or schedule',
      filename,
      code: 'updates:\n  - open-pull-requests-limit: 5\n    labels: [dependencies]\n',
      errors: [
        { line: 1, column: 1, endLine: 3, endColumn: 27, message: /`version: 2` is missing/ },
        { line: 2, column: 5, endLine: 2, endColumn: 32, message: /neither `directory` nor `directories`/ },
        { line: 2, column: 5, endLine: 2, endColumn: 32, message: /no `package-ecosystem`/ },
        { line: 2, column: 5, endLine: 2, endColumn: 32, message: /no `schedule.interval`/ },
      ],
    },
    {
      name: 'updates as a map, version 1',
      filename,
      code: 'version: 1\nupdates:\n  npm:\n    directory: /\n',
      errors: [
        { line: 1, column: 10, endLine: 1, endColumn: 11, message: /`version` is `1`/ },
        { line: 3, column: 3, endLine: 4, endColumn: 17, message: /not a list/ },
      ],
    },
    {
      name: 'cooldown days out of range, schedule without interval, bad execution value',
      filename: '.github/dependabot.yaml',
      code: `version: 2
updates:
  - package-ecosystem: cargo
    directory: /
    schedule:
      day: monday
    cooldown:
      default-days: 0
      semver-major-days: "two weeks"
    insecure-external-code-execution: yes
`,
      errors: [
        { line: 5, column: 5, endLine: 5, endColumn: 13, message: /no `schedule.interval`/ },
        { line: 8, column: 21, endLine: 8, endColumn: 22, message: /`cooldown.default-days`/ },
        { line: 9, column: 26, endLine: 9, endColumn: 37, message: /`cooldown.semver-major-days`/ },
        { line: 10, column: 39, endLine: 10, endColumn: 42, message: /`allow` or `deny`/ },
      ],
    },
    {
      name: 'a list at the top',
      filename,
      code: '- package-ecosystem: npm\n  directory: /\n',
      errors: [{ line: 1, column: 1, endLine: 2, endColumn: 15, message: /not a map/ }],
    },
  ],
});
