import type { Loc, Located } from '@plumbline/core';
import { defineRule, type InvalidExample, type Rule, type RuleExample } from '@plumbline/core';
import { type DockerfileModel, dockerfileDomain, type ShellCommand } from '@plumbline/lang-dockerfile';
import { assignments, commands, type Instruction, report } from './index.js';

export interface Hit {
  at: Loc | Located;
  message: string;
}

/**
 * A rule that finds one kind of dangerous setting in shell commands and/or in variables
 * (ENV, ARG, `export`, `VAR=x cmd`).
 */
export function securityRule(spec: {
  slug: string;
  title: string;
  description: string;
  rationale: string;
  remediation: string;
  aliases: string[];
  severity?: 'critical' | 'high' | 'medium' | 'low';
  category?: 'security' | 'supply-chain';
  references?: string[];
  command?: (c: ShellCommand, run: Instruction) => Hit[];
  variable?: (name: string, value: string) => string | undefined;
  examples: { invalid: InvalidExample[]; valid: RuleExample[] };
}): Rule<DockerfileModel> {
  return defineRule({
    id: `dockerfile/${spec.slug}`,
    domain: dockerfileDomain,
    meta: {
      title: spec.title,
      description: spec.description,
      rationale: spec.rationale,
      remediation: spec.remediation,
      category: spec.category ?? 'security',
      severity: spec.severity ?? 'high',
      confidence: 'high',
      aliases: spec.aliases,
      references: spec.references ?? [],
      examples: spec.examples,
    },
    check(model, ctx) {
      if (spec.command) {
        for (const { run, container, command } of commands(model)) {
          for (const hit of spec.command(command, run)) report(ctx, hit.at, container, hit.message);
        }
      }
      if (spec.variable) {
        for (const a of assignments(model)) {
          const message = spec.variable(a.name, a.value);
          if (message) report(ctx, a.at, a.container, message);
        }
      }
    },
  });
}

/**
 * For `echo`/`printf`: does the printed text land in a file matching `target` (`> f`, `>> f`,
 * `| tee f`)? Text that is only printed (a message, a comment-like line) configures nothing.
 */
export function printsInto(c: ShellCommand, target: RegExp): boolean {
  const next = c.pipeline?.commands[c.pipeline.index + 1];
  if (next?.base === 'tee' && next.args.some((a) => target.test(a.value))) return true;
  const after = c.loc.file.text.slice(c.loc.end, c.loc.end + 400);
  const m = /^[^\n&;|]*?>>?\s*["']?([^\s"';&|]+)/.exec(after);
  return m !== null && target.test(m[1]!);
}
