import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

const bad =
  'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server\nEXPOSE 22 8080\n';

export default defineRule({
  id: 'dockerfile/no-ssh-port',
  domain: dockerfileDomain,
  meta: {
    title: 'SSH port 22 exposed',
    description: 'An `EXPOSE` lists port 22 (SSH), which means the image is meant to run an SSH daemon.',
    rationale:
      'Medium: an SSH server in a container is a second way in that bypasses the orchestrator (`kubectl exec`, `docker exec`), carries its own keys or passwords, and is usually left unpatched. It is not a vulnerability on its own, but it widens the attack surface of every replica.',
    remediation:
      'Remove the SSH server and `EXPOSE 22`; use `docker exec` / `kubectl exec` or an ephemeral debug container for access.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['DS-0004', 'CKV_DOCKER_1'],
    references: ['https://docs.docker.com/reference/dockerfile/#expose'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '22')] }],
      valid: [{ filename: 'Dockerfile', code: 'FROM nginx:1.27\nEXPOSE 80 443\n' }],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructionsOf(model, 'EXPOSE')) {
      for (const arg of instruction.args) {
        const port = model.resolve(arg.value, instruction).value;
        if (/^22(\/tcp)?$/i.test(port) || (/^\d+-\d+(\/tcp)?$/i.test(port) && inRange(port, 22))) {
          report(ctx, arg, container, `\`EXPOSE ${arg.value}\` opens the SSH port 22.`);
        }
      }
    }
  },
});

function inRange(range: string, port: number): boolean {
  const m = range.match(/^(\d+)-(\d+)/);
  return !!m && Number(m[1]) <= port && port <= Number(m[2]);
}
