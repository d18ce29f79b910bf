import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';
import { unitExpressions } from '../../lib/expressions.js';
import { allUses } from '../../lib/util.js';

/** `.`/`..` segments or empty segments in a `uses:` path: they change nothing but hide what runs. */
const ODD_PATH = /(^|\/)\.{1,2}(\/|@|$)|\/\//;
/** Expressions made only of literals, operators and pure functions of literals: a constant in disguise. */
const CONSTANT =
  /^(?:\s|'(?:[^']|'')*'|\d+(?:\.\d+)?|true|false|null|&&|\|\||==|!=|!|\(|\)|,|format|tojson|fromjson|join)+$/i;

export default defineRule({
  id: 'gha/no-obfuscated-workflow',
  domain: ghaDomain,
  meta: {
    title: 'Obfuscated action reference or constant expression',
    description:
      "A `uses:` path carries `.`/`..`/empty segments (`actions/checkout/./@v4`, `org/repo/tools/../deploy@v1`), or an expression assembles a constant from literals with a function (`${{ format('{0}{1}', 'cu', 'rl') }}`, `${{ join(fromJSON('[\"a\",\"b\"]'), '') }}`).",
    rationale:
      'Neither form is needed for anything, and both defeat review and tooling: allow-lists, pinning checks and humans compare `uses:` strings as written, and a constant hidden in an expression reads as data flowing in. They are a known way to slip an unexpected action or command past a reviewer. Low.',
    remediation: 'Write the action path and the value out plainly.',
    category: 'supply-chain',
    severity: 'low',
    confidence: 'medium',
    aliases: ['zizmor:obfuscation'],
    references: [
      'https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepsuses',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout/./@v4\n',
          errors: [{ line: 6, column: 15, endLine: 6, endColumn: 37 }],
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
      if (uses.kind !== 'repository' || !ODD_PATH.test(uses.raw.replace(/^\.\//, ''))) continue;
      ctx.report({
        at: uses.value.loc,
        message: `\`${uses.raw}\` has redundant path segments; the action that runs is not the one the text suggests at a glance.`,
        resource,
        evidence: uses.raw,
      });
    }
    for (const { expression, resource } of unitExpressions(unit)) {
      // Bare `if:` conditions written as literals (`if: false`) are a common, visible way to disable a step.
      if (!expression.raw.startsWith('${{') || expression.contexts.length > 0) continue;
      // A lone literal (`${{ 'iOS Simulator' }}`, `${{ false }}`) is odd but hides nothing; a function
      // assembling literals (`format('{0}{1}', 'cu', 'rl')`) does.
      if (!CONSTANT.test(expression.body) || !/\w\s*\(/.test(expression.body)) continue;
      ctx.report({
        at: expression.loc,
        message: `\`${expression.raw}\` only computes a constant; write the value itself.`,
        resource,
        evidence: expression.body,
      });
    }
  },
});
