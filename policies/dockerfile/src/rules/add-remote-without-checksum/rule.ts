import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

const bad =
  'FROM alpine:3.20\nADD https://github.com/acme/tool/releases/download/v1.2.0/tool /usr/local/bin/tool\n';

export default defineRule({
  id: 'dockerfile/add-remote-without-checksum',
  domain: dockerfileDomain,
  meta: {
    title: 'ADD downloads a URL without a checksum',
    description:
      '`ADD <url>` fetches a remote file at build time without `--checksum=sha256:...`, so nothing checks what arrived.',
    rationale:
      'Medium: whoever controls the URL (the publisher, a compromised release, a hijacked domain) controls a file baked into every image built afterwards. A pinned checksum turns a silent swap into a failed build. Medium because the download is usually over HTTPS from a known publisher.',
    remediation:
      'Add `--checksum=sha256:<digest>` (Dockerfile syntax 1.6+), or download with `curl -fsSLo` and verify with `sha256sum -c` in the same `RUN`. For git sources pin a commit (`ADD --keep-git-dir=false https://github.com/org/repo.git#<sha> /src`).',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.docker.com/reference/dockerfile/#add---checksum'],
    examples: {
      invalid: [
        {
          filename: 'Dockerfile',
          code: bad,
          errors: [spanOf(bad, 'https://github.com/acme/tool/releases/download/v1.2.0/tool')],
        },
      ],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://github.com/acme/tool/releases/download/v1.2.0/tool /usr/local/bin/tool\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructionsOf(model, 'ADD')) {
      if (instruction.flags.some((f) => f.name === 'checksum')) continue;
      const words = instruction.json ?? instruction.args;
      for (const w of words.slice(0, -1)) {
        const value = model.resolve(w.value.replace(/^["']|["']$/g, ''), instruction).value;
        if (!/^https?:\/\//i.test(value)) continue;
        // A git URL pinned to a full commit is content-addressed already.
        if (/#[0-9a-f]{40}$/i.test(value)) continue;
        report(ctx, w, container, `\`ADD ${w.value}\` downloads without \`--checksum\`.`);
      }
    }
  },
});
