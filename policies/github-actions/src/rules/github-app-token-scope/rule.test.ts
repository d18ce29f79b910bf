import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const job = (withLines: string) =>
  `on:\n  schedule:\n    - cron: '0 6 * * 1'\njobs:\n  sync:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/create-github-app-token@d72941d797fd3113feb6b93fd0dec494b13a2547 # v1.12.0\n        id: app\n        with:\n          app-id: \${{ vars.SYNC_APP_ID }}\n          private-key: \${{ secrets.SYNC_APP_KEY }}\n${withLines}      - run: gh api repos/acme/infra/dispatches -f event_type=sync\n        env:\n          GH_TOKEN: \${{ steps.app.outputs.token }}\n`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    job('          permission-contents: read\n          permission-actions: write\n'),
    job('          owner: acme\n          repositories: infra,docs\n          permission-contents: write\n'),
    // Other actions with an app-id input are not token minting.
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: acme/notify@v1\n        with:\n          app-id: 1\n',
  ],
  invalid: [
    {
      name: 'no permission inputs',
      code: job(''),
      errors: [{ line: 8, column: 15, endLine: 8, endColumn: 87 }],
    },
    {
      name: 'owner without repositories, permissions narrowed',
      code: job('          owner: acme\n          permission-contents: write\n'),
      errors: [{ line: 13, column: 11, endLine: 13, endColumn: 16 }],
    },
  ],
});
