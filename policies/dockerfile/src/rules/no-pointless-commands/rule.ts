import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { commands, report, spanOf } from '../../lib/index.js';

/** Commands that wait for a user, act on a machine, or show the state of a build container: nothing for an image. */
const POINTLESS: Record<string, string> = {
  vi: 'waits for a user at a terminal',
  vim: 'waits for a user at a terminal',
  nano: 'waits for a user at a terminal',
  emacs: 'waits for a user at a terminal',
  top: 'waits for a user at a terminal',
  htop: 'waits for a user at a terminal',
  ssh: 'opens a remote session from the build',
  shutdown: 'acts on a machine, not an image',
  reboot: 'acts on a machine, not an image',
  halt: 'acts on a machine, not an image',
  poweroff: 'acts on a machine, not an image',
  ifconfig: 'shows the network of the build container, which the image does not keep',
  free: 'shows the memory of the build machine, which the image does not keep',
};

const bad =
  'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends nginx && free -m\n';

export default defineRule({
  id: 'dockerfile/no-pointless-commands',
  domain: dockerfileDomain,
  meta: {
    title: 'Command that makes no sense in a build',
    description:
      'A `RUN` calls an interactive program (`vim`, `top`), a machine-level command (`shutdown`, `reboot`), `ssh`, or a command that only shows the build container’s state (`free`, `ifconfig`).',
    rationale:
      'Info: an interactive program hangs or fails without a terminal, a power command fails or does nothing, `ssh` from a build leaks keys into layers or depends on the builder’s network, and state-printing commands only add noise. Scripted editors (`vim -es`, `vim +PlugInstall +qall`) are not reported.',
    remediation: 'Remove the command; edit files with `sed` or `COPY`, and run diagnostics in the container.',
    category: 'best-practice',
    severity: 'info',
    confidence: 'medium',
    aliases: ['DL3001'],
    references: ['https://docs.docker.com/reference/dockerfile/#run'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'free -m')] }],
      valid: [{ filename: 'Dockerfile', code: bad.replace(' && free -m', '') }],
    },
  },
  check(model, ctx) {
    for (const { container, command } of commands(model)) {
      const why = Object.hasOwn(POINTLESS, command.base) ? POINTLESS[command.base] : undefined;
      if (!why) continue;
      // Scripted editor runs: ex mode, commands on the command line, batch mode.
      if (
        /^(vim?|emacs)$/.test(command.base) &&
        command.args.some((a) => /^(\+|-[esc]+$|--batch|--script|-batch|--cmd)/.test(a.value))
      )
        continue;
      if (command.pipeline && command.pipeline.index > 0 && command.base === 'ssh') continue;
      report(ctx, command, container, `\`${command.base}\` ${why}.`);
    }
  },
});
