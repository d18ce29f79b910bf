import { defineRule, type InvalidExample, type Rule, type RuleExample } from '@plumbline/core';
import {
  type DockerfileModel,
  dockerfileDomain,
  type ShellCommand,
  type ShellWord,
} from '@plumbline/lang-dockerfile';
import { commands, report } from './index.js';

/** "Pin versions in <manager>": one finding per unpinned package argument. */
export function pinRule(spec: {
  slug: string;
  manager: string;
  aliases: string[];
  example: string;
  /** The unpinned package words of a command (empty when it is no install). */
  unpinned: (c: ShellCommand) => ShellWord[];
  remediation: string;
  examples: { invalid: InvalidExample[]; valid: RuleExample[] };
}): Rule<DockerfileModel> {
  return defineRule({
    id: `dockerfile/${spec.slug}`,
    domain: dockerfileDomain,
    meta: {
      title: `${spec.manager} package installed without a version`,
      description: `A package is installed with ${spec.manager} without a version (\`${spec.example}\`), so each build takes whatever is newest that day.`,
      rationale:
        'Low: unpinned packages make builds unreproducible and let a new (or compromised, or broken) release enter the image without review. Pinning trades this for update work, and many teams pin the base image instead, so it is low.',
      remediation: spec.remediation,
      category: 'supply-chain',
      severity: 'low',
      confidence: 'high',
      aliases: spec.aliases,
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
      examples: spec.examples,
    },
    check(model, ctx) {
      for (const { container, command } of commands(model)) {
        for (const word of spec.unpinned(command)) {
          report(
            ctx,
            word,
            container,
            `\`${word.value}\` is installed without a pinned version.`,
            word.value,
          );
        }
      }
    },
  });
}

/** Words that are paths, files, URLs or variables rather than package names. */
export function isLocal(word: ShellWord): boolean {
  const v = word.value;
  return (
    word.dynamic ||
    v.includes('$') ||
    /^[./~]/.test(v) ||
    v.includes('://') ||
    /\.(deb|rpm|apk|whl|tar\.gz|tgz|zip|gem)$/.test(v)
  );
}
