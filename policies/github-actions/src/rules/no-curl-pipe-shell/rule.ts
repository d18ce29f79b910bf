import { defineRule } from '@plumbline/core';
import { allSteps, ghaDomain } from '@plumbline/lang-yaml';
import { findInScript } from '../../lib/shell.js';
import { resourceOf } from '../../lib/util.js';

const PIPE_TO_SHELL =
  /\b(?:curl|wget|iwr|Invoke-WebRequest|irm|Invoke-RestMethod)\b[^|\n;]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+\S+=\S*\s+)*(?:ba|z|k|da)?sh\b|\b(?:curl|wget)\b[^|\n;]*\|\s*(?:sudo\s+)?(?:python3?|perl|ruby|node)\b|(?:ba)?sh\s+(?:-c\s+)?["']?\$\((?:curl|wget)\b[^)]*\)|\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^|\n;]*\|\s*iex\b/i;

export default defineRule({
  id: 'gha/no-curl-pipe-shell',
  domain: ghaDomain,
  meta: {
    title: 'Remote script piped into a shell',
    description:
      'A `run:` step downloads a script and executes it directly (`curl … | bash`, `wget -O- | sh`, `bash <(curl …)`, `iwr … | iex`).',
    rationale:
      "The script is whatever the server returns at that moment: unversioned, unreviewed and unverified, running with the job's token and secrets. A compromised or hijacked download host (as with the Codecov bash uploader in 2021) then owns every pipeline that pipes it. Medium.",
    remediation:
      'Download a pinned version to a file, verify its checksum or signature, then run it; or use a pinned action or package instead.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: ['poutine:unverified_script_exec'],
    references: ['https://about.codecov.io/security-update/'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -fsSL https://get.example.sh | bash\n',
          errors: [{ line: 6, column: 14, endLine: 6, endColumn: 54 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          curl -fsSLo install.sh https://get.example.sh/v1.2.3/install.sh\n          echo "3b4c...  install.sh" | sha256sum -c -\n          bash install.sh\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      for (const hit of findInScript(step.run, PIPE_TO_SHELL)) {
        ctx.report({
          at: hit.loc,
          message: 'A downloaded script is executed without being pinned or verified.',
          resource: resourceOf(step),
          // Comments cannot go inside a block scalar: an ignore comment anywhere in the step applies.
          container: step,
          evidence: hit.match[0],
        });
      }
    }
  },
});
