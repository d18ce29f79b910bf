import { defineRule } from '@plumbline/core';
import { allSteps, ghaDomain } from '@plumbline/lang-yaml';
import { findInScript } from '../../lib/shell.js';
import { resourceOf } from '../../lib/util.js';

/** `kubectl set image d c=repo:latest`, `kubectl run --image=x:latest`, `helm --set image.tag=latest`. */
const LATEST =
  /\bkubectl\s+(?:set\s+image|run|create\s+deployment)\b[^\n]*?[=\s][^\s=]+(:latest)\b|\bhelm\s+(?:upgrade|install)\b[^\n]*?--set(?:-string)?[=\s]+[^\s]*?\btag=(latest)\b/;

export default defineRule({
  id: 'gha/no-latest-image-deploy',
  domain: ghaDomain,
  meta: {
    title: 'Deploy of a `latest` image',
    description:
      'A `run:` step deploys an image by the `latest` tag (`kubectl set image … :latest`, `kubectl run --image …:latest`, `helm … --set image.tag=latest`).',
    rationale:
      '`latest` names whatever was pushed last, not what this run built and tested: nodes cache it, so pods of one Deployment run different code, a rollback redeploys the same moving tag, and nobody can tell which version is live. Medium.',
    remediation:
      'Deploy the immutable tag or digest this run built, e.g. `--set image.tag=${{ github.sha }}` or the digest output of `docker/build-push-action`.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl set image deploy/web web=ghcr.io/org/web:latest\n',
          errors: [{ line: 6, column: 62, endLine: 6, endColumn: 69 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl set image deploy/web web=ghcr.io/org/web:${{ github.sha }}\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      for (const hit of findInScript(step.run, LATEST)) {
        const token = hit.match[1] ?? hit.match[2]!;
        const offset = hit.line.start + hit.match.index! + hit.match[0].lastIndexOf(token);
        ctx.report({
          at: step.run!.locate(offset, offset + token.length),
          message: 'The deployed image is `latest`, not the tag or digest this run built.',
          resource: resourceOf(step),
          // Comments cannot go inside a block scalar: an ignore comment anywhere in the step applies.
          container: step,
          evidence: hit.line.text.trim(),
        });
      }
    }
  },
});
