import { defineRule, type InvalidExample, type Rule, type RuleExample, type RuleMeta } from '@plumbline/core';
import { asBool, asNumber, type TfModule } from '@plumbline/lang-hcl';
import { terraformDomain } from '../domain.js';
import { nameOf, reportOn } from './report.js';

/** What one setting of `aws_iam_account_password_policy` must be. */
export type PasswordRequirement =
  | { kind: 'true'; attr: string; what: string }
  | { kind: 'at-least' | 'at-most'; attr: string; limit: number; what: string };

/**
 * A rule for one setting of the account password policy: reported at the policy's header when the
 * setting is missing (AWS defaults are all weak), at the attribute when its value falls short.
 */
export function passwordPolicyRule(
  id: string,
  req: PasswordRequirement,
  meta: Omit<RuleMeta, 'examples'> & { examples: { invalid: InvalidExample[]; valid: RuleExample[] } },
): Rule<TfModule> {
  return defineRule({
    id,
    domain: terraformDomain,
    meta,
    check(module, ctx) {
      for (const r of module.resourcesOf('aws_iam_account_password_policy')) {
        const a = r.attr(req.attr);
        if (!a) {
          reportOn(ctx, r, r.headerLoc, `${nameOf(r)} does not ${req.what} (\`${req.attr}\` is unset).`);
          continue;
        }
        const v = r.value(req.attr);
        if (req.kind === 'true') {
          if (asBool(v) === false) reportOn(ctx, r, a, `${nameOf(r)} does not ${req.what}.`);
          continue;
        }
        const n = asNumber(v);
        if (n === undefined) continue;
        // `max_password_age = 0` means passwords never expire.
        const short = req.kind === 'at-least' ? n < req.limit : n === 0 || n > req.limit;
        if (short) reportOn(ctx, r, a, `${nameOf(r)} does not ${req.what} (${req.attr} = ${n}).`);
      }
    },
  });
}
