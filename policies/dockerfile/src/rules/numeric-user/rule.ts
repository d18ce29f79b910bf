import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { finalChain, report, spanOf } from '../../lib/index.js';

const WINDOWS = /windows|nanoserver|servercore/i;

const bad = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';

export default defineRule({
  id: 'dockerfile/numeric-user',
  domain: dockerfileDomain,
  meta: {
    title: 'Final USER is a name, not a numeric id',
    description:
      'The user the image runs as is given by name (`USER app`), not by numeric id (`USER 10001`).',
    rationale:
      'Low: Kubernetes `runAsNonRoot` can only verify a numeric user (a named one makes the pod fail to start with "image has non-numeric user"), and a name resolves through the image’s `/etc/passwd`, which a host or another tool reading the image metadata cannot see. Opt-in: many platforms run named users fine.',
    remediation: 'Use the numeric id (and group): `USER 10001:10001`.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: ['DL3066'],
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'node', 2)] }],
      valid: [{ filename: 'Dockerfile', code: bad.replace('USER node', 'USER 1000:1000') }],
    },
  },
  check(model, ctx) {
    // The effective user is the last USER of the final stage and the stages it builds on.
    const chain = finalChain(model);
    // Windows users have names only (`ContainerUser`); runAsNonRoot does not apply to them.
    if (chain.some((s) => WINDOWS.test(s.image.value))) return;
    const user = chain
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'USER')
      .sort((a, b) => b.loc.start - a.loc.start)[0];
    const word = user?.args[0];
    if (!user || !word) return;
    const name = word.value.split(':')[0]!;
    if (/^\d+$/.test(name) || name.includes('$')) return;
    report(ctx, word, user, `The image runs as user \`${name}\`, a name rather than a numeric id.`);
  },
});
