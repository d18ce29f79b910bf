import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const filename = '.github/dependabot.yml';

// A service repository: Go modules, its Docker base image and the workflows' actions.
const service = (gomod: string, docker: string, actions: string) => `version: 2
updates:
  - package-ecosystem: gomod
    directory: /
    schedule:
      interval: weekly
      day: monday
    groups:
      k8s:
        patterns: ["k8s.io/*"]
${gomod}
  - package-ecosystem: docker
    directory: /build
    schedule:
      interval: weekly
${docker}
  - package-ecosystem: "github-actions"
    directory: /
    schedule:
      interval: monthly
${actions}
`;

const cooled = '    cooldown:\n      default-days: 7\n';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    { filename, code: service(cooled, cooled, cooled) },
    {
      name: 'longer major cooldown on top of the default',
      filename,
      code: service(
        '    cooldown:\n      default-days: 10\n      semver-major-days: 30\n      exclude: ["golang.org/x/*"]\n',
        cooled,
        cooled,
      ),
    },
    {
      name: 'version updates switched off: only security updates, which no cooldown delays',
      filename: '.github/dependabot.yaml',
      code: 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    open-pull-requests-limit: 0\n    schedule:\n      interval: daily\n',
    },
    {
      name: 'not the configuration file',
      filename: 'docs/examples/dependabot.yml',
      code: 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: daily\n',
    },
    {
      name: 'a cooldown GitHub rejects is left to valid-dependabot-config',
      filename,
      code: service('    cooldown: 7\n', cooled, cooled),
    },
    {
      name: 'a lower minimum configured',
      filename,
      code: service('    cooldown:\n      default-days: 3\n', cooled, cooled),
      options: { days: 3 },
    },
  ],
  invalid: [
    {
      name: 'each kind of gap: none, no default-days, too short',
      filename,
      code: service(
        '',
        '    cooldown:\n      semver-major-days: 14\n',
        '    cooldown:\n      default-days: 2\n',
      ),
      errors: [
        { line: 3, column: 5, endLine: 3, endColumn: 29, message: /`gomod` updates have no `cooldown`/ },
        { line: 16, column: 5, endLine: 16, endColumn: 13, message: /no `default-days`/ },
        { line: 24, column: 21, endLine: 24, endColumn: 22, message: /wait 2 day\(s\); at least 7/ },
      ],
    },
    {
      name: 'the ecosystem quoted, in dependabot.yaml',
      filename: '.github/dependabot.yaml',
      code: 'version: 2\nupdates:\n  - directory: "/"\n    "package-ecosystem": "pip"\n    schedule: {interval: daily}\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 31 }],
    },
    {
      name: 'a raised minimum',
      filename,
      code: service(cooled, cooled, cooled),
      options: { days: 14 },
      errors: [
        { line: 12, column: 21, endLine: 12, endColumn: 22 },
        { line: 19, column: 21, endLine: 19, endColumn: 22 },
        { line: 26, column: 21, endLine: 26, endColumn: 22 },
      ],
    },
  ],
});
