import { defineRule, redact } from '@plumbline/core';
import { allSteps, type ContainerSpec, ghaDomain } from '@plumbline/lang-yaml';
import { findInScript } from '../../lib/shell.js';
import { resourceOf } from '../../lib/util.js';

const DOCKER_LOGIN_PASSWORD =
  /\bdocker\s+login\b[^\n]*?\s(?:-p|--password)(?:\s+|=)(["']?)([^\s"'$][^\s"']*)\1/;

export default defineRule({
  id: 'gha/no-hardcoded-container-credentials',
  domain: ghaDomain,
  meta: {
    title: 'Registry password written in the workflow',
    description:
      'A job `container:` or `services:` entry has a literal `credentials.password`, or a `docker login` passes a literal password.',
    rationale:
      'The workflow file is readable by everyone who can read the repository (and its history keeps the value forever), so the registry account is effectively public: anyone can pull private images or push poisoned ones. High.',
    remediation:
      'Store the password as a secret and reference it: `password: ${{ secrets.REGISTRY_TOKEN }}` (or use `GITHUB_TOKEN` for ghcr.io); rotate the exposed one.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['zizmor:hardcoded-container-credentials'],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idcontainercredentials',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    container:\n      image: registry.example.com/ci:1\n      credentials:\n        username: ci\n        password: hunter2-registry\n    steps:\n      - run: make\n',
          errors: [{ line: 9, column: 19, endLine: 9, endColumn: 35 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    container:\n      image: registry.example.com/ci:1\n      credentials:\n        username: ci\n        password: ${{ secrets.REGISTRY_PASSWORD }}\n    steps:\n      - run: make\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    const check = (spec: ContainerSpec, resource: string) => {
      const pw = spec.credentials?.password;
      if (!pw?.text || pw.expressions.length > 0) return;
      ctx.report({
        at: pw.loc,
        message: `\`${spec.id}\` has a literal registry password (${redact(pw.text)}).`,
        resource,
        evidence: `${spec.id}:password`,
      });
    };
    if (unit.kind === 'workflow') {
      for (const job of unit.jobs) {
        if (job.container) check(job.container, `jobs.${job.id}`);
        for (const s of job.services) check(s, `jobs.${job.id}`);
      }
    }
    for (const step of allSteps(unit)) {
      for (const hit of findInScript(step.run, DOCKER_LOGIN_PASSWORD)) {
        const at = step.run!.locate(
          hit.line.start + hit.match.index! + hit.match[0].lastIndexOf(hit.match[2]!),
          hit.line.start + hit.match.index! + hit.match[0].lastIndexOf(hit.match[2]!) + hit.match[2]!.length,
        );
        ctx.report({
          at,
          message: `\`docker login\` is given a literal password (${redact(hit.match[2]!)}).`,
          resource: resourceOf(step),
          // Comments cannot go inside a block scalar: an ignore comment anywhere in the step applies.
          container: step,
          evidence: 'docker login password',
        });
      }
    }
  },
});
