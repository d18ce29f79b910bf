import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { commands, report, spanOf } from '../../lib/index.js';
import { isApt, isZypper, sub } from '../../lib/packages.js';

const bad = 'FROM ubuntu:24.04\nRUN apt-get update && apt-get -y dist-upgrade\n';

export default defineRule({
  id: 'dockerfile/no-dist-upgrade',
  domain: dockerfileDomain,
  meta: {
    title: 'Distribution upgrade inside the image',
    description:
      '`apt-get dist-upgrade` / `full-upgrade` or `zypper dist-upgrade` upgrades the whole distribution, possibly across releases, at build time.',
    rationale:
      'Low: the result depends on the day of the build and can pull in a new major release, new kernels and config prompts, so the image no longer matches its base tag. Security patches are better taken by rebuilding on a refreshed base image. Reproducibility, not a vulnerability, hence low.',
    remediation:
      'Rebuild on an updated base image instead; if you must patch in place, use `apt-get upgrade -y` (no release changes) or install the specific fixed packages.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['DS-0024', 'DL3035'],
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'dist-upgrade')] }],
      valid: [
        { filename: 'Dockerfile', code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get -y upgrade\n' },
      ],
    },
  },
  check(model, ctx) {
    for (const { container, command } of commands(model)) {
      if (isApt(command, ['dist-upgrade', 'full-upgrade']) || isZypper(command, ['dist-upgrade', 'dup'])) {
        const at = sub(command)!;
        report(
          ctx,
          at,
          container,
          `\`${command.name} ${at.value}\` upgrades the whole distribution during the build.`,
        );
      }
    }
  },
});
