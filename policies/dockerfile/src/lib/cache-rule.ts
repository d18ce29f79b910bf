import { defineRule, type Fix, type InvalidExample, type Rule, type RuleExample } from '@plumbline/core';
import {
  type DockerfileModel,
  dockerfileDomain,
  type ShellCommand,
  type ShellWord,
} from '@plumbline/lang-dockerfile';
import { finalChain, type Instruction, mountsCache, report } from './index.js';
import { sub } from './packages.js';

/**
 * "Package manager cache left in the image": an install in a RUN of the final image without the
 * clean-up in the same RUN (a later RUN cannot shrink an earlier layer). Build stages are not
 * checked: their layers never ship.
 */
export function cacheRule(spec: {
  slug: string;
  manager: string;
  title: string;
  aliases: string[];
  isInstall: (c: ShellCommand) => boolean;
  isCleaned: (run: Instruction, install: ShellCommand) => boolean;
  cacheDir: RegExp;
  remediation: string;
  /** The safe fix, when there is a mechanical one. */
  fix?: (run: Instruction, install: ShellCommand, at: ShellWord) => Fix | undefined;
  examples: { invalid: InvalidExample[]; valid: RuleExample[] };
}): Rule<DockerfileModel> {
  return defineRule({
    id: `dockerfile/${spec.slug}`,
    domain: dockerfileDomain,
    meta: {
      title: spec.title,
      description: `A \`RUN\` of the final image installs packages with ${spec.manager} but does not clean its cache in the same \`RUN\`, so the cache is stored in the layer.`,
      rationale:
        'Low: the cached indexes and packages add tens of megabytes to every pull and to the attack surface scanners see, and they go stale. It costs size and time, not security, so low (Trivy rates it higher). Build stages are skipped because their layers never ship.',
      remediation: spec.remediation,
      category: 'best-practice',
      severity: 'low',
      confidence: 'high',
      fixable: spec.fix !== undefined,
      aliases: spec.aliases,
      references: ['https://docs.docker.com/build/building/best-practices/#run'],
      examples: spec.examples,
    },
    check(model, ctx) {
      for (const stage of finalChain(model)) {
        for (const run of stage.instructions) {
          if (run.keyword !== 'RUN') continue;
          const installs = (run.shell?.commands ?? []).filter(spec.isInstall);
          const install = installs[0];
          if (!install || mountsCache(run, spec.cacheDir)) continue;
          // Only a clean-up after the last install empties the cache (`dnf clean all && dnf
          // install ...` leaves it full).
          if (spec.isCleaned(after(run, installs.at(-1)!), install)) continue;
          const at = sub(install) ?? install.nameWord;
          report(
            ctx,
            at,
            run,
            `\`${install.name} ${at.value}\` leaves the ${spec.manager} cache in the image layer.`,
            undefined,
            spec.fix?.(run, install, at),
          );
        }
      }
    },
  });
}

/** The RUN seen from just after `command`: only the commands that follow it. */
function after(run: Instruction, command: ShellCommand): Instruction {
  if (!run.shell) return run;
  const commands = run.shell.commands.filter((c) => c.loc.start > command.loc.end);
  return { ...run, shell: { ...run.shell, commands } };
}
