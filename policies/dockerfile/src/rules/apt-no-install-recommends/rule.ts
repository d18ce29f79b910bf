import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { optionAfter } from '../../lib/fixes.js';
import { commands, hasOption, report, spanOf } from '../../lib/index.js';
import { aptSimulates, isApt, sub } from '../../lib/packages.js';

const bad = 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n';

export default defineRule({
  id: 'dockerfile/apt-no-install-recommends',
  domain: dockerfileDomain,
  meta: {
    title: 'apt-get install without --no-install-recommends',
    description: '`apt-get install` also installs every "recommended" package unless told not to.',
    rationale:
      'Low: recommended packages often double the size of what gets installed and bring tools (compilers, mail agents, X libraries) the application never uses, each a source of CVE reports. Size and attack surface, not a direct flaw.',
    remediation: 'Add `--no-install-recommends` and name the few extra packages you really need.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    fixable: true,
    aliases: ['DL3015', 'DS-0029'],
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'install')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { stage, container, command } of commands(model)) {
      if (!isApt(command, ['install']) || aptSimulates(command)) continue;
      if (hasOption(command, '', ['no-install-recommends'])) continue;
      if (command.args.some((a) => /Install-Recommends(=|\s*")?\s*"?(false|0|no)/i.test(a.value))) continue;
      // A global apt setting written earlier in the image also counts.
      const configured = stage.instructions.some(
        (i) => i.keyword === 'RUN' && /Install-Recommends\s*"?(false|0|no)/i.test(i.body),
      );
      if (configured) continue;
      const at = sub(command)!;
      report(
        ctx,
        at,
        container,
        `\`${command.name} install\` pulls in recommended packages: add \`--no-install-recommends\`.`,
        undefined,
        optionAfter(at, '--no-install-recommends', 'Install only the packages named'),
      );
    }
  },
});
