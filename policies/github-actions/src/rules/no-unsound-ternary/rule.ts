import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';
import { unitExpressions } from '../../lib/expressions.js';

/** The parts of GitHub's expression AST this rule reads (duck-typed: the AST classes are not re-exported). */
interface Node {
  operator?: { lexeme: string };
  args?: Node[];
  group?: Node;
  expr?: Node;
  left?: Node;
  right?: Node;
  index?: Node;
  token?: { lexeme: string };
}

const children = (n: Node): Node[] =>
  [...(n.args ?? []), n.expr, n.left, n.right, n.index].filter((c): c is Node => c !== undefined);

const unwrap = (n: Node): Node => (n.group ? unwrap(n.group) : n);

/** `a && b || c` nodes whose `b` is a literal GitHub treats as false: the "then" branch can never win. */
function unsoundTernaries(node: Node | undefined, out: { falsy: string }[] = []): { falsy: string }[] {
  if (!node) return out;
  const n = unwrap(node);
  if (n.operator?.lexeme === '||' && n.args && n.args.length >= 2) {
    const and = unwrap(n.args[0]!);
    if (and.operator?.lexeme === '&&' && and.args && and.args.length >= 2) {
      const then = unwrap(and.args[and.args.length - 1]!);
      const lexeme = then.token?.lexeme;
      if (lexeme !== undefined && /^(?:''|false|0|null|-0|0x0+)$/i.test(lexeme)) out.push({ falsy: lexeme });
    }
  }
  for (const child of children(n)) unsoundTernaries(child, out);
  return out;
}

export default defineRule({
  id: 'gha/no-unsound-ternary',
  domain: ghaDomain,
  meta: {
    title: 'Pseudo-ternary whose "then" value is false',
    description:
      'An expression is written `cond && X || Y` to mean "if cond then X else Y", but `X` is a value GitHub treats as false (`\'\'`, `0`, `false`, `null`), so the result is always `Y`.',
    rationale:
      "GitHub's expressions have no ternary operator; `&&`/`||` return one of their operands, and a false-like `X` makes `X || Y` pick `Y` whatever `cond` is. The condition silently does nothing: a deploy target, a permission mode or a skip flag is always the fallback. Low: it is a logic bug, dangerous only through what the value controls.",
    remediation:
      'Swap the branches and negate the condition (`!cond && Y || \'\'`), or compute the value in a step (`if [ ... ]; then echo "v=X" >> "$GITHUB_OUTPUT"; fi`).',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['zizmor:unsound-ternary'],
    references: ['https://docs.github.com/en/actions/reference/workflows-and-actions/expressions#operators'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/release.yml',
          code: "on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish --tag ${{ github.ref == 'refs/heads/main' && '' || 'next' }}\n",
          errors: [{ line: 6, column: 32, endLine: 6, endColumn: 86 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/release.yml',
          code: "on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish --tag ${{ github.ref == 'refs/heads/main' && 'latest' || 'next' }}\n",
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const { expression, resource } of unitExpressions(unit)) {
      for (const hit of unsoundTernaries(expression.ast as Node | undefined)) {
        ctx.report({
          at: expression.loc,
          message: `\`&& ${hit.falsy} ||\` always falls through to the value after \`||\`: \`${hit.falsy}\` counts as false.`,
          resource,
          evidence: expression.body,
        });
      }
    }
  },
});
