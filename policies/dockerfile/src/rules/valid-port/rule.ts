import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

const bad = 'FROM nginx:1.27\nEXPOSE 80 80800\n';

export default defineRule({
  id: 'dockerfile/valid-port',
  domain: dockerfileDomain,
  meta: {
    title: 'EXPOSE port out of range',
    description: 'An `EXPOSE` names a port outside 0–65535 (or a malformed one).',
    rationale:
      'Medium: Docker rejects the port, so the build or `docker run` fails; the typo usually hides the port the service really listens on, which then goes undocumented.',
    remediation: 'Use a valid TCP/UDP port number (`EXPOSE 8080`, `EXPOSE 53/udp`, `EXPOSE 8000-8010`).',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['DL3011', 'DS-0008'],
    references: ['https://docs.docker.com/reference/dockerfile/#expose'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '80800')] }],
      valid: [{ filename: 'Dockerfile', code: 'FROM nginx:1.27\nEXPOSE 80 443/tcp 8000-8010\n' }],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructionsOf(model, 'EXPOSE')) {
      for (const arg of instruction.args) {
        const r = model.resolve(arg.value, instruction);
        if (!r.complete) continue;
        const m = r.value.match(/^(?:[\d.]+:)?(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i);
        const ports = m ? [m[1], m[2]].filter((x): x is string => x !== undefined).map(Number) : [];
        if (!m || ports.some((p) => p > 65535) || (ports.length === 2 && ports[0]! > ports[1]!)) {
          report(
            ctx,
            arg,
            container,
            `\`EXPOSE ${arg.value}\` is not a valid port (0–65535, optionally /tcp or /udp).`,
          );
        }
      }
    }
  },
});
