import { defineRule, type InvalidExample, type Rule, type RuleExample, type RuleMeta } from '@plumbline/core';
import type { TfModule } from '@plumbline/lang-hcl';
import { terraformDomain } from '../domain.js';
import { actionMatches, identityPolicies, isAdminStatement } from './iam.js';
import { nameOf, reportOn } from './report.js';

/**
 * A rule for a family of sensitive actions granted on `Resource: "*"` with no condition, in any
 * identity policy. Patterns that are only `*` or `service:*` are left to
 * `terraform/iam-policy-wildcard-action` (and `*` on `*` to `terraform/iam-policy-admin`), so one
 * statement gives one finding per problem.
 */
export function unscopedActionsRule(
  id: string,
  actions: readonly string[],
  describe: (granted: string) => string,
  meta: Omit<RuleMeta, 'examples'> & { examples: { invalid: InvalidExample[]; valid: RuleExample[] } },
): Rule<TfModule> {
  return defineRule({
    id,
    domain: terraformDomain,
    meta,
    check(module, ctx) {
      for (const { owner, statements } of identityPolicies(module)) {
        for (const s of statements) {
          if (s.effect !== 'Allow' || !s.action || isAdminStatement(s)) continue;
          if (!s.resource?.values.includes('*') || s.conditions.length > 0 || s.conditionsUnknown) continue;
          const patterns = s.action.values.filter((a) => a !== '*' && !/^[a-z0-9-]+:\*$/i.test(a));
          const granted = actions.filter((x) => patterns.some((p) => actionMatches(p, x)));
          if (granted.length === 0) continue;
          const shown =
            granted
              .slice(0, 3)
              .map((g) => `\`${g}\``)
              .join(', ') + (granted.length > 3 ? ` and ${granted.length - 3} more` : '');
          reportOn(ctx, owner, s.action.loc, `${nameOf(owner)} ${describe(shown)}`, granted.join(','));
        }
      }
    },
  });
}
