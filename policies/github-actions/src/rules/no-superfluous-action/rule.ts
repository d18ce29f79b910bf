import { defineRule } from '@plumbline/core';
import { allSteps, ghaDomain } from '@plumbline/lang-yaml';
import { resourceOf } from '../../lib/util.js';

/**
 * Third-party actions whose whole job is one command of a CLI that GitHub-hosted runners already
 * have (`gh`, `aws`, `kubectl`), with that command.
 */
const SUPERFLUOUS: Record<string, string> = {
  'softprops/action-gh-release': '`gh release create` / `gh release upload`',
  'ncipollo/release-action': '`gh release create`',
  'svenstaro/upload-release-action': '`gh release upload`',
  'marvinpinto/action-automatic-releases': '`gh release create`',
  'thollander/actions-comment-pull-request': '`gh pr comment`',
  'mshick/add-pr-comment': '`gh pr comment`',
  'actions-ecosystem/action-add-labels': '`gh pr edit --add-label` / `gh issue edit --add-label`',
  'actions-ecosystem/action-remove-labels': '`gh pr edit --remove-label`',
  'andymckay/labeler': '`gh issue edit --add-label`',
  'jakejarvis/s3-sync-action': '`aws s3 sync` (after `aws-actions/configure-aws-credentials`)',
  'actions-hub/kubectl': '`kubectl` (preinstalled)',
  'steebchen/kubectl': '`kubectl` (preinstalled)',
};

export default defineRule({
  id: 'gha/no-superfluous-action',
  domain: ghaDomain,
  meta: {
    title: 'Third-party action for what a preinstalled CLI does',
    description:
      'A step uses a third-party action whose whole job is one command of a tool that GitHub-hosted runners already have (`gh release create`, `gh pr comment`, `aws s3 sync`, `kubectl`).',
    rationale:
      "Each third-party action is more code from another owner running with the job's token, one more thing to pin, review and update, and one more place for a compromise (as with `tj-actions/changed-files` in 2025). When the runner's own CLI does the same in one line, the action adds risk and nothing else. Info, opt-in: a house preference.",
    remediation:
      'Replace the step with a `run:` step calling the CLI named in the message, with `GH_TOKEN: ${{ github.token }}` for `gh`.',
    category: 'supply-chain',
    severity: 'info',
    confidence: 'high',
    optIn: true,
    aliases: ['zizmor:superfluous-actions'],
    references: ['https://cli.github.com/manual/gh_release_create'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/release.yml',
          code: 'on:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: softprops/action-gh-release@v2\n        with:\n          files: dist/*\n',
          errors: [{ line: 8, column: 15, endLine: 8, endColumn: 45 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/release.yml',
          code: 'on:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh release create "$GITHUB_REF_NAME" dist/* --generate-notes\n        env:\n          GH_TOKEN: ${{ github.token }}\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      if (step.uses?.kind !== 'repository') continue;
      const command = SUPERFLUOUS[step.uses.action];
      if (!command) continue;
      ctx.report({
        at: step.uses.value.loc,
        message: `\`${step.uses.owner}/${step.uses.repo}\` does what ${command} does on the runner already.`,
        resource: resourceOf(step),
        evidence: step.uses.action,
      });
    }
  },
});
