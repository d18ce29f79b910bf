import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { copyInsteadOfAdd } from '../../lib/fixes.js';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

// ADD unpacks a local tar archive, compressed or not, whatever its name says: `*.gz` included.
export const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lzma)$/i;
export const REMOTE = /^(https?|git|ssh):\/\/|^git@|\.git(#.*)?$/i;

const bad = 'FROM alpine:3.20\nADD app.py /srv/app.py\n';

export default defineRule({
  id: 'dockerfile/prefer-copy-over-add',
  domain: dockerfileDomain,
  meta: {
    title: 'ADD used to copy local files',
    description:
      '`ADD` copies local files or folders that are not archives; `COPY` does the same without the extra behaviour.',
    rationale:
      'Low: `ADD` silently extracts any local tar archive and can fetch URLs, so a file renamed to `.tar.gz` or a changed source can change what lands in the image. Using `COPY` for plain files keeps the build explicit; the risk is small, hence low.',
    remediation:
      'Replace `ADD` by `COPY` for local files and folders; keep `ADD` only to extract a local archive.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    fixable: true,
    aliases: ['DL3020', 'DS-0005', 'CKV_DOCKER_4'],
    references: ['https://docs.docker.com/build/building/best-practices/#add-or-copy'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'ADD')] }],
      valid: [
        { filename: 'Dockerfile', code: 'FROM alpine:3.20\nCOPY app.py /srv/app.py\nADD rootfs.tar.gz /\n' },
      ],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructionsOf(model, 'ADD')) {
      if (instruction.heredocs.length > 0) continue;
      const words = instruction.json ?? instruction.args;
      const sources = words
        .slice(0, -1)
        .map((w) => (instruction.json ? w.value : w.value.replace(/^["']|["']$/g, '')));
      if (sources.length === 0) continue;
      if (sources.some((s) => ARCHIVE.test(s) || REMOTE.test(s) || s.includes('$'))) continue;
      report(
        ctx,
        instruction.keywordLoc,
        container,
        `\`ADD ${sources.join(' ')}\` copies plain files: use \`COPY\`.`,
        undefined,
        copyInsteadOfAdd(instruction),
      );
    }
  },
});
