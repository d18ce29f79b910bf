import { defineRule, type Rule } from '@plumbline/core';
import type { TfModule } from '@plumbline/lang-hcl';
import { terraformDomain } from '../domain.js';
import { requireTrue } from './checks.js';
import { checkRegistryModules } from './registry-modules.js';
import { nameOf } from './report.js';

const TEXT: Record<string, { title: string; what: string; why: string }> = {
  block_public_acls: {
    title: 'S3 public access block does not block public ACLs',
    what: 'new public ACLs on the bucket and its objects are accepted',
    why: 'Public ACLs are the classic way a single `PutObject --acl public-read` leaks data.',
  },
  block_public_policy: {
    title: 'S3 public access block does not block public bucket policies',
    what: 'a bucket policy granting public access can be attached',
    why: 'A bucket policy with `Principal: "*"` exposes every object in the bucket at once.',
  },
  ignore_public_acls: {
    title: 'S3 public access block does not ignore public ACLs',
    what: 'public ACLs already on the bucket or its objects still take effect',
    why: 'Existing public ACLs, set before the block was added, keep objects public.',
  },
  restrict_public_buckets: {
    title: 'S3 public access block does not restrict public buckets',
    what: 'a bucket with a public policy stays reachable by anyone',
    why: 'Restricting public buckets limits access to AWS principals and authorised users even if a public policy slips through.',
  },
};

/** One rule per public-access-block setting, as Checkov and Trivy have. */
export function pabSettingRule(id: string, setting: string, aliases: string[]): Rule<TfModule> {
  const t = TEXT[setting]!;
  const resource = `resource "aws_s3_bucket_public_access_block" "data" {\n  bucket = aws_s3_bucket.data.id\n`;
  const others = Object.keys(TEXT).filter((s) => s !== setting);
  const pad = (s: string) => s.padEnd(23);
  const otherLines = others.map((s) => `  ${pad(s)} = true\n`).join('');
  return defineRule({
    id,
    domain: terraformDomain,
    meta: {
      title: t.title,
      description: `An S3 public access block leaves \`${setting}\` unset or \`false\`, so ${t.what}.`,
      rationale: `${t.why} Each of the four settings closes a different path to public data; all four should be \`true\` unless the bucket is a deliberate public website. Rated high like the other public-exposure checks.`,
      remediation: `Set \`${setting} = true\` in the \`aws_s3_bucket_public_access_block\` (or the account-wide block).`,
      category: 'security',
      severity: 'high',
      confidence: 'high',
      aliases,
      references: [
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
      ],
      examples: {
        invalid: [
          {
            filename: 'main.tf',
            code: `${resource}${otherLines}  ${pad(setting)} = false\n}\n`,
            errors: [{ line: 6, column: 3, endLine: 6, endColumn: 3 + `${pad(setting)} = false`.length }],
          },
        ],
        valid: [{ filename: 'main.tf', code: `${resource}${otherLines}  ${pad(setting)} = true\n}\n` }],
      },
    },
    check(module, ctx) {
      checkRegistryModules(module, ctx, id);
      for (const r of module.resourcesOf(
        'aws_s3_bucket_public_access_block',
        'aws_s3_account_public_access_block',
      )) {
        requireTrue(ctx, r, r, setting, {
          missing: `${nameOf(r)} does not set \`${setting} = true\` (the default is false).`,
          off: `${nameOf(r)} sets \`${setting} = false\`.`,
        });
      }
    },
  });
}
