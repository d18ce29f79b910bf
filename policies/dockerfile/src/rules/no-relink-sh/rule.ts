import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { commands, positionals, report, spanOf } from '../../lib/index.js';

const bad = 'FROM ubuntu:24.04\nRUN ln -sf /bin/bash /bin/sh\nRUN echo "source /opt/env.sh" >> ~/.bashrc\n';

export default defineRule({
  id: 'dockerfile/no-relink-sh',
  domain: dockerfileDomain,
  meta: {
    title: '/bin/sh replaced by a link',
    description:
      'A `RUN` links `/bin/sh` to another shell (`ln -sf /bin/bash /bin/sh`) to change the shell of later `RUN`s.',
    rationale:
      'Low: it changes `/bin/sh` for everything in the image, at run time too (init scripts and package maintainer scripts written for dash now run under bash), and hides from readers which shell the `RUN`s use. `SHELL` says it where it applies.',
    remediation: 'Use `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the `RUN`s that need bash.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: ['DL4005'],
    references: ['https://docs.docker.com/reference/dockerfile/#shell'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'ln -sf /bin/bash /bin/sh')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM ubuntu:24.04\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo "source /opt/env.sh" >> ~/.bashrc\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { container, command } of commands(model)) {
      if (command.base !== 'ln') continue;
      const target = positionals(command, ['-t', '--target-directory', '-S', '--suffix']).at(-1);
      if (!target || !/^(\/usr)?\/bin\/sh$/.test(target.value)) continue;
      report(
        ctx,
        command,
        container,
        '`/bin/sh` is replaced by a link; use `SHELL` to choose the shell of `RUN`.',
      );
    }
  },
});
