import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { reportOnce } from '../../lib/report.js';

const REGISTRY =
  /^([a-z0-9.-]+\.[a-z]{2,}\/)?[A-Za-z0-9][A-Za-z0-9_-]*\/[A-Za-z0-9][A-Za-z0-9_-]*\/[A-Za-z0-9][A-Za-z0-9_-]*(\/\/.*)?$/;
const GIT = /^(git::|github\.com\/|bitbucket\.org\/|git@|hg::)/;
const BRANCHES = new Set(['main', 'master', 'develop', 'dev', 'trunk', 'head']);

export default defineRule({
  id: 'terraform/module-source-pinned',
  domain: terraformDomain,
  meta: {
    title: 'Module source is not pinned',
    description:
      'A `module` from a registry has no `version`, or a module from Git has no `?ref=` or points at a branch (`main`, `master`, ...). Local paths are not reported.',
    rationale:
      'An unpinned module runs whatever the upstream publishes next: a breaking change at best, a compromised release at worst — module code runs with your credentials at plan time. Pin a version, or a tag or commit for Git. Medium, supply chain.',
    remediation:
      'Add `version = "~> 20.0"` for registry modules; use `?ref=<tag or commit SHA>` for Git sources (a SHA is immutable).',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_TF_1', 'CKV_TF_2'],
    references: ['https://developer.hashicorp.com/terraform/language/modules/sources'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  name   = "main"\n}\n',
          errors: [{ line: 2, column: 3, endLine: 2, endColumn: 43 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "~> 5.0"\n  name    = "main"\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const call of module.moduleCalls) {
      const source = call.source;
      const attr = call.view.attr('source');
      if (!source || !attr || call.localDir !== undefined || /^\.\.?(\/|$)/.test(source)) continue;
      if (GIT.test(source)) {
        const ref = /[?&]ref=([^&]+)/.exec(source)?.[1];
        if (!ref)
          reportOnce(ctx, module, {
            at: attr,
            message: `Module \`${call.name}\` comes from Git without a \`?ref=\`: it follows the default branch.`,
            container: call.view.loc,
          });
        else if (BRANCHES.has(ref.toLowerCase()))
          reportOnce(ctx, module, {
            at: attr,
            message: `Module \`${call.name}\` is pinned to the branch \`${ref}\`, which moves.`,
            container: call.view.loc,
          });
        continue;
      }
      if (REGISTRY.test(source) && !call.view.has('version')) {
        reportOnce(ctx, module, {
          at: attr,
          message: `Registry module \`${call.name}\` (\`${source}\`) has no \`version\`.`,
          container: call.view.loc,
        });
      }
    }
  },
});
