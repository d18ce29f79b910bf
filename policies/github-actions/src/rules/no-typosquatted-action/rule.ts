import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';
import { editDistance } from '../../lib/edit-distance.js';
import { POPULAR_ACTIONS } from '../../lib/popular-actions.js';
import { allUses } from '../../lib/util.js';

const POPULAR = new Set(POPULAR_ACTIONS);
const POPULAR_PARTS = POPULAR_ACTIONS.map((popular) => {
  const [owner = '', repo = ''] = popular.split('/');
  return { popular, owner, repo };
});

/** Answers by action name: the same few actions recur across a scan's workflows. */
const answers = new Map<string, string | undefined>();
const MAX_ANSWERS = 10_000;

/** The popular action this name imitates, when it is one or two keystrokes away from it. */
export function imitated(action: string): string | undefined {
  if (POPULAR.has(action)) return undefined;
  if (answers.has(action)) return answers.get(action);
  const answer = compare(action);
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(action, answer);
  return answer;
}

function compare(action: string): string | undefined {
  const [owner = '', repo = ''] = action.split('/');
  for (const { popular, owner: pOwner, repo: pRepo } of POPULAR_PARTS) {
    // One slip anywhere in a name long enough that a slip is not a different word.
    if (popular.length >= 10 && editDistance(action, popular, 1) <= 1) return popular;
    // The right repository under a look-alike owner (`action/checkout`, `actlons/cache`).
    if (repo === pRepo && pOwner.length >= 5 && owner !== pOwner && editDistance(owner, pOwner, 2) <= 2)
      return popular;
  }
  return undefined;
}

export default defineRule({
  id: 'gha/no-typosquatted-action',
  domain: ghaDomain,
  meta: {
    title: 'Action name one keystroke from a popular action',
    description:
      'A `uses:` names an action whose `owner/repo` is a near miss of a widely used action (`actions/chekout`, `action/checkout`, `docker/login-actions`).',
    rationale:
      'Typosquatting is a known supply-chain attack on GitHub Actions: an attacker registers the misspelt owner or repository and publishes code that behaves like the original while it steals the token and secrets of every job that runs it. A near miss is almost never intended. High; medium confidence because the list of popular actions is kept offline and a deliberate fork can look like a typo.',
    remediation:
      'Correct the name to the action you meant (and pin it to a commit SHA); if the near miss is a fork you trust on purpose, suppress this finding with the reason.',
    category: 'supply-chain',
    severity: 'high',
    confidence: 'medium',
    aliases: ['zizmor:typosquat-uses'],
    references: ['https://orca.security/resources/blog/typosquatting-in-github-actions/'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actons/checkout@v4\n',
          errors: [{ line: 6, column: 15, endLine: 6, endColumn: 33 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const { uses, resource } of allUses(unit)) {
      if (uses.kind !== 'repository') continue;
      const original = imitated(uses.action);
      if (!original) continue;
      ctx.report({
        at: uses.value.loc,
        message: `\`${uses.owner}/${uses.repo}\` is one slip away from the popular \`${original}\`; a look-alike name is how typosquatted actions get run.`,
        resource,
        evidence: uses.action,
      });
    }
  },
});
