import { defineRule, redact } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructions, report, spanOf } from '../../lib/index.js';

/** Names that hold credentials. `GPG_KEY`, `PUBLIC_KEY`, `*_KEY_ID`, `*_FILE` and friends do not. */
const SECRET_NAME =
  /(^|_)(PASSWORD|PASSWD|PWD|PASS|SECRET|SECRET_KEY|TOKEN|API_?KEY|APIKEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|ENCRYPTION_KEY|SIGNING_KEY|CLIENT_SECRET|CREDENTIALS?|CONNECTION_STRING|DSN)(_|$)/i;
const NOT_SECRET =
  /(_FILE|_PATH|_DIR|_URL_?FILE|_ID|_NAME|_USER|_USERNAME|_HOST|_PORT|_TYPE|_LENGTH|_MIN|_MAX|_ENABLED|_HEADER|_FIELD|_ENDPOINT|_EXPIRY|_TTL|_VERSION|_POLICY|_KEY_ID|_PROMPT|_MODE)$|^(GPG|PGP|SSH_PUBLIC|PUBLIC)_?KEYS?$|^PWD$/i;
/** Values that are credentials whatever the variable is called. */
const SECRET_VALUE = [
  /^AKIA[0-9A-Z]{16}$/,
  /^gh[pousr]_[A-Za-z0-9]{36,}$/,
  /^github_pat_[A-Za-z0-9_]{50,}$/,
  /^glpat-[A-Za-z0-9_-]{20,}$/,
  /^xox[abpr]-[A-Za-z0-9-]{10,}$/,
  /^sk_live_[A-Za-z0-9]{20,}$/,
  /^npm_[A-Za-z0-9]{36}$/,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];
/** Placeholder values that are clearly not real credentials. */
const PLACEHOLDER =
  /^(|changeme|change_me|example|dummy|none|null|false|true|no|yes|0|1|x+|\*+|<.*>|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)$/i;

const bad = 'FROM node:20-slim\nARG NPM_TOKEN\nENV DB_PASSWORD=s3cr3t-pa55\n';

export default defineRule({
  id: 'dockerfile/no-secrets-in-arg-env',
  domain: dockerfileDomain,
  meta: {
    title: 'Secret passed through ARG or ENV',
    description:
      'An `ARG` or `ENV` holds a credential: its name says so (`*_PASSWORD`, `*_TOKEN`, `*_SECRET`, `API_KEY`...) or its value looks like one (AWS, GitHub, GitLab, Slack, npm tokens, private keys).',
    rationale:
      "High: `ENV` values are stored in the image config and readable by anyone who can pull it (`docker inspect`); `ARG` values used by a `RUN` are recorded in `docker history` and the build cache. Either way the secret outlives the build and leaves with the image. An `ENV` that copies a secret build argument (`ENV NPM_TOKEN=$NPM_TOKEN`) is reported too: it turns a value passed at build time into part of every container's environment.",
    remediation:
      'Pass build-time secrets with BuildKit secret mounts: `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci` and `docker build --secret id=npm_token,env=NPM_TOKEN`. Give runtime secrets to the container at start (orchestrator secrets, a vault), never in the image.',
    category: 'security',
    severity: 'high',
    confidence: 'medium',
    aliases: ['DS-0031', 'DL3064'],
    references: [
      'https://docs.docker.com/build/building/secrets/',
      'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/',
    ],
    examples: {
      invalid: [
        {
          filename: 'Dockerfile',
          code: bad,
          errors: [spanOf(bad, 'NPM_TOKEN'), spanOf(bad, 'DB_PASSWORD=s3cr3t-pa55')],
        },
      ],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM node:20-slim\nENV DB_PASSWORD_FILE=/run/secrets/db_password\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n',
        },
      ],
    },
  },
  check(model, ctx) {
    const secretArgs = new Set<string>();
    for (const { instruction, container } of instructions(model)) {
      if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') continue;
      for (const p of instruction.properties) {
        const value = p.value ?? '';
        const isSecretName = SECRET_NAME.test(p.name) && !NOT_SECRET.test(p.name);
        if (instruction.keyword === 'ARG' && isSecretName) secretArgs.add(p.name);
        // `ARG NPM_TOKEN` + `ENV NPM_TOKEN=$NPM_TOKEN`: the build argument now sits in the image config.
        const persisted =
          instruction.keyword === 'ENV'
            ? [...value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)]
                .map((m) => m[1]!)
                .find((n) => secretArgs.has(n))
            : undefined;
        if (persisted) {
          report(
            ctx,
            p,
            container,
            `\`ENV ${p.name}\` copies the build argument \`${persisted}\` into the image config, where anyone who pulls the image can read it (\`docker inspect\`).`,
            `${p.name}<-${persisted}`,
          );
          continue;
        }
        const knownValue = SECRET_VALUE.some((r) => r.test(value.trim()));
        const secretName = SECRET_NAME.test(p.name) && !NOT_SECRET.test(p.name);
        if (!knownValue && !secretName) continue;
        if (knownValue) {
          report(
            ctx,
            p,
            container,
            `\`${p.name}\` holds what looks like a credential (${redact(value)}), stored in the image.`,
            `${p.name}=${value.length}`,
          );
        } else if (instruction.keyword === 'ARG' && p.value === undefined) {
          report(
            ctx,
            p,
            container,
            `Build argument \`${p.name}\` carries a secret into the build: its value is recorded in the image history.`,
            p.name,
          );
        } else if (!PLACEHOLDER.test(value.trim())) {
          report(
            ctx,
            p,
            container,
            `\`${instruction.keyword} ${p.name}\` sets a secret (${redact(value)}) that is stored in the image.`,
            `${p.name}=${value.length}`,
          );
        }
      }
    }
  },
});
