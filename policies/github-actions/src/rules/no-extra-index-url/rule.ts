import { defineRule } from '@plumbline/core';
import { allSteps, ghaDomain } from '@plumbline/lang-yaml';
import { findInScript } from '../../lib/shell.js';
import { resourceOf } from '../../lib/util.js';

const EXTRA_INDEX = /(?:--extra-index-url|PIP_EXTRA_INDEX_URL=|UV_EXTRA_INDEX_URL=)(?:[=\s]+)?\S+/;
const ENV_NAMES = new Set(['pip_extra_index_url', 'uv_extra_index_url']);

export default defineRule({
  id: 'gha/no-extra-index-url',
  domain: ghaDomain,
  meta: {
    title: 'pip `--extra-index-url` (dependency confusion)',
    description:
      'A step installs Python packages with `--extra-index-url` (or `PIP_EXTRA_INDEX_URL`), adding a private index beside PyPI.',
    rationale:
      'pip treats every index as equal and takes the highest version of a name from any of them: anyone who publishes your internal package name on PyPI with a higher version gets their code installed and run in the job (dependency confusion, as in the 2022 PyTorch `torchtriton` compromise). Medium.',
    remediation:
      'Use `--index-url` with a single proxy index that serves both your packages and PyPI (Artifactory, devpi, CodeArtifact), or pin hashes with `--require-hashes`; with uv, set `index-strategy = "first-index"` and name the index per package.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['zizmor:misfeature'],
    references: ['https://pytorch.org/blog/compromised-nightly-dependency/'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install --extra-index-url https://pypi.acme.internal/simple acme-utils\n',
          errors: [{ line: 6, column: 26, endLine: 6, endColumn: 77 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install --index-url https://pypi.acme.internal/simple acme-utils\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      for (const hit of findInScript(step.run, EXTRA_INDEX)) {
        ctx.report({
          at: hit.loc,
          message:
            'An extra package index beside PyPI: the highest version of a name wins, from either index.',
          resource: resourceOf(step),
          container: step,
          evidence: hit.match[0],
        });
      }
    }
    const envs = [
      ...(unit.kind === 'workflow' ? [unit.env, ...unit.jobs.map((j) => j.env)] : [unit.env]),
      ...[...allSteps(unit)].map((s) => s.env),
    ];
    for (const env of envs) {
      for (const entry of env) {
        if (!ENV_NAMES.has(entry.name.toLowerCase())) continue;
        ctx.report({
          at: entry.value.keyLoc,
          message: `\`${entry.name}\` adds a package index beside PyPI: the highest version of a name wins, from either index.`,
          evidence: entry.name,
        });
      }
    }
  },
});
