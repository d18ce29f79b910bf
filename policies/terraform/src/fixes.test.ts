import { runRule } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import { describe, expect, it } from 'vitest';
import ebs from './rules/ebs-encryption/rule.js';
import imds from './rules/ec2-imdsv2/rule.js';

type AnyRule = Parameters<typeof runRule>[0];

function apply(text: string, fix: { startLine: number; endLine: number; replacement: string }): string {
  const lines = text.split('\n');
  lines.splice(fix.startLine - 1, fix.endLine - fix.startLine + 1, ...fix.replacement.split('\n'));
  return lines.join('\n');
}

async function fixOnce(rule: AnyRule, files: Record<string, string>) {
  const result = await runRule(rule, [hclLanguage], files);
  return result.findings.filter((f) => f.ruleId === rule.id);
}

describe('safe Terraform fixes replace the literal and silence the rule', () => {
  it.each([
    [
      ebs,
      'resource "aws_ebs_volume" "data" {\n  size      = 100\n  encrypted = false # legacy\n}\n',
      '  encrypted = true # legacy',
    ],
    [
      imds,
      'resource "aws_instance" "web" {\n  metadata_options {\n    http_tokens   = "optional"\n    http_endpoint = "enabled"\n  }\n}\n',
      '    http_tokens   = "required"',
    ],
  ])('%#', async (rule, code, line) => {
    const [finding] = await fixOnce(rule, { 'main.tf': code });
    expect(finding?.fix?.replacement).toBe(line);
    const fixed = apply(code, finding!.fix!);
    expect(await fixOnce(rule, { 'main.tf': fixed })).toEqual([]);
  });

  it('offers no fix for a value that comes from a variable or a module argument', async () => {
    const viaVar =
      'variable "enc" {\n  default = false\n}\nresource "aws_ebs_volume" "v" {\n  encrypted = var.enc\n}\n';
    expect((await fixOnce(ebs, { 'main.tf': viaVar }))[0]?.fix).toBeUndefined();
    const viaModule = {
      'main.tf': 'module "v" {\n  source = "./v"\n  enc    = false\n}\n',
      'v/main.tf': 'variable "enc" {}\nresource "aws_ebs_volume" "v" {\n  encrypted = var.enc\n}\n',
    };
    const [f] = await fixOnce(ebs, viaModule);
    expect([f?.file, f?.startLine, f?.fix]).toEqual(['main.tf', 3, undefined]);
  });
});
