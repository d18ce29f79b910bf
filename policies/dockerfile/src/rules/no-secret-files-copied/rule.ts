import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { finalChain, report, spanOf } from '../../lib/index.js';

/** File names that hold credentials (examples and templates excluded). */
const SECRET_FILE =
  /(^|\/)(\.env(\.[a-z0-9_-]+)?|id_(rsa|dsa|ecdsa|ed25519)|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.htpasswd|credentials(\.json)?|\.dockercfg|[^/]*\.(pem|key|p12|pfx|jks|keystore)|\.aws\/credentials|\.docker\/config\.json|\.kube\/config|kubeconfig|service-account[^/]*\.json)$/i;
const NOT_SECRET =
  /\.(example|sample|template|dist|tmpl|defaults?)$|(^|\/)(cert|ca|chain|fullchain|public|pub)[^/]*\.pem$|\.pub$|\.crt$/i;

const bad = 'FROM node:20-slim\nWORKDIR /app\nCOPY .npmrc package.json package-lock.json ./\nRUN npm ci\n';

export default defineRule({
  id: 'dockerfile/no-secret-files-copied',
  domain: dockerfileDomain,
  meta: {
    title: 'Credential file copied into the image',
    description:
      'A `COPY`/`ADD` in the final image copies a file that normally holds credentials: `.env`, SSH private keys, `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, cloud or Docker credentials, `*.key`/`*.pem` keys.',
    rationale:
      'High: the file is stored in an image layer for good; deleting it in a later `RUN` does not remove it, and anyone who can pull the image can extract it. Build stages are not checked (their layers do not ship), but a secret mount is still better there.',
    remediation:
      'Do not copy it: mount it only for the step that needs it (`RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`), add it to `.dockerignore`, and inject runtime secrets when the container starts.',
    category: 'security',
    severity: 'high',
    confidence: 'medium',
    aliases: [],
    references: ['https://docs.docker.com/build/building/secrets/'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '.npmrc')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const stage of finalChain(model)) {
      for (const ins of stage.instructions) {
        if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.heredocs.length > 0) continue;
        // Files copied from another stage or image were already inside an image.
        if (ins.flags.some((f) => f.name === 'from')) continue;
        const words = ins.json ?? ins.args;
        for (const w of words.slice(0, -1)) {
          const path = (ins.json ? w.value : w.value.replace(/^["']|["']$/g, '')).replace(/\/+$/, '');
          if (SECRET_FILE.test(path) && !NOT_SECRET.test(path)) {
            report(ctx, w, ins, `\`${ins.keyword} ${w.value}\` puts a credential file into an image layer.`);
          }
        }
      }
    }
  },
});
