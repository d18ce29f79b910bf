import { defineRule } from '@plumbline/core';
import { allSteps, ghaDomain } from '@plumbline/lang-yaml';
import { resourceOf, usesAction } from '../../lib/util.js';

const APP_TOKEN_ACTIONS = ['actions/create-github-app-token', 'tibdex/github-app-token'];

export default defineRule({
  id: 'gha/github-app-token-scope',
  domain: ghaDomain,
  meta: {
    title: 'GitHub App token with every permission or every repository',
    description:
      'A step mints a GitHub App installation token without `permission-*` inputs (so it carries every permission the App was granted), or with `owner:` but no `repositories:` (so it reaches every repository of the installation).',
    rationale:
      "Apps are usually installed with broad permissions for many workflows; the token minted here inherits all of them unless the step narrows it. Anything that can read the token — a later step, a compromised action, a template injection — then writes to every repository the App can reach, well beyond this job's own `GITHUB_TOKEN`. Medium.",
    remediation:
      'Ask only for what the job needs: `permission-contents: write`, `permission-pull-requests: write`, …, and list `repositories:` when `owner:` is set.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['zizmor:github-app'],
    references: ['https://github.com/actions/create-github-app-token#permission-permission-name'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/release.yml',
          code: 'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/create-github-app-token@v2\n        id: app\n        with:\n          app-id: ${{ vars.APP_ID }}\n          private-key: ${{ secrets.APP_KEY }}\n',
          errors: [{ line: 6, column: 15, endLine: 6, endColumn: 49 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/release.yml',
          code: 'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/create-github-app-token@v2\n        id: app\n        with:\n          app-id: ${{ vars.APP_ID }}\n          private-key: ${{ secrets.APP_KEY }}\n          permission-contents: write\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      if (!usesAction(step.uses, ...APP_TOKEN_ACTIONS) || !step.uses) continue;
      const inputs = new Set(step.with.map((e) => e.name.toLowerCase()));
      const narrowed = [...inputs].some((n) => n.startsWith('permission-')) || inputs.has('permissions');
      const owner = step.with.find((e) => e.name.toLowerCase() === 'owner');
      if (!narrowed) {
        ctx.report({
          at: step.uses.value.loc,
          message:
            'The App token is minted with every permission the App has; no `permission-*` input narrows it.',
          resource: resourceOf(step),
          evidence: `${step.uses.action} unscoped permissions`,
        });
      }
      if (owner && !inputs.has('repositories') && !inputs.has('repository')) {
        ctx.report({
          at: owner.value.keyLoc,
          message: `The App token reaches every repository of \`${owner.value.text ?? 'the owner'}\`'s installation; \`repositories:\` is not set.`,
          resource: resourceOf(step),
          evidence: `${step.uses.action} all repositories`,
        });
      }
    }
  },
});
