import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { commands, hasOption, report, spanOf } from '../../lib/index.js';
import { isRpm, isZypper, RPM_INSTALL, sub, ZYPPER_INSTALL } from '../../lib/packages.js';

const bad = 'FROM rockylinux:9\nRUN dnf install httpd\n';

export default defineRule({
  id: 'dockerfile/rpm-assume-yes',
  domain: dockerfileDomain,
  meta: {
    title: 'yum, dnf or zypper without the non-interactive switch',
    description:
      '`yum`/`dnf install` without `-y`, or `zypper install` without `-n`/`-y`, waits for a confirmation.',
    rationale:
      'Low: the build stops at the prompt and fails (or, for zypper, may pick a default answer that differs from what the author saw). A reliability problem, not a security one.',
    remediation:
      'Use `yum install -y`, `dnf install -y`, or `zypper --non-interactive install` (`zypper -n in`).',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['DL3030', 'DL3034', 'DL3038'],
    references: ['https://man7.org/linux/man-pages/man8/dnf.8.html'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'install')] }],
      valid: [
        { filename: 'Dockerfile', code: 'FROM rockylinux:9\nRUN dnf install -y httpd && dnf clean all\n' },
      ],
    },
  },
  check(model, ctx) {
    for (const { container, command } of commands(model)) {
      let missing = false;
      if (
        isRpm(
          command,
          [...RPM_INSTALL, 'remove', 'rm', 'erase', 'autoremove', 'groupremove'],
          ['yum', 'dnf', 'tdnf'],
        )
      ) {
        missing =
          !hasOption(command, 'y', ['assumeyes']) &&
          !command.args.some((a) => /assumeyes=(1|true)/i.test(a.value));
      } else if (isZypper(command, [...ZYPPER_INSTALL, 'remove', 'rm'])) {
        missing = !hasOption(command, 'ny', ['non-interactive', 'no-confirm']);
      }
      if (!missing) continue;
      const at = sub(command)!;
      report(
        ctx,
        at,
        container,
        `\`${command.name} ${at.value}\` has no non-interactive switch, so it stops at the confirmation prompt.`,
      );
    }
  },
});
