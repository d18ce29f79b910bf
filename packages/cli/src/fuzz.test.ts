/**
 * Standing fuzz suite: generated and mutated Dockerfiles, YAML and HCL go through the real
 * engine (every language, every rule, the recommended preset) and every reporter. Whatever the
 * input: the engine never throws, no parser crash goes unreported (a file that could not be
 * scanned is a `core/unscannable` finding), and a generated secret never reaches any output.
 *
 * Seeded and small by default so it runs in the normal suite; `PLUMBLINE_FUZZ_RUNS=2000` (and
 * `PLUMBLINE_FUZZ_SEED`) for a longer hunt. A failure prints the seed and path to replay it.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryFileSource, type RunResult } from '@plumbline/core';
import { FORMATS, renderReport } from '@plumbline/reporters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan } from './scan.js';

const RUNS = Number(process.env.PLUMBLINE_FUZZ_RUNS ?? 20);
const SEED = Number(process.env.PLUMBLINE_FUZZ_SEED ?? 20261204);
const TIMEOUT = Math.max(110_000, RUNS * 3_000);
const root = mkdtempSync(join(tmpdir(), 'plumbline-fuzz-'));

// ---------------------------------------------------------------- secrets

const chars = (alphabet: string, length: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length });
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;

/** A random token that mixes all three classes, as real high-entropy secrets do. */
const mixed = (length: number) =>
  fc
    .tuple(
      chars(UPPER, length / 4),
      chars(LOWER, length / 4),
      chars(DIGITS, length / 4),
      chars(ALNUM, length / 4),
    )
    .map(([a, b, c, d]) => {
      let out = '';
      for (let i = 0; i < a.length; i++) out += a[i]! + b[i]! + c[i]! + d[i]!;
      return out;
    });

/** Secrets in the formats people leak: the property is that none survives into a report. */
const secret = fc.oneof(
  chars(ALNUM, 36).map((s) => `ghp_${s}`),
  chars(ALNUM, 36).map((s) => `ghs_${s}`),
  chars(`${ALNUM}_`, 60).map((s) => `github_pat_${s}`),
  chars(UPPER + DIGITS, 16).map((s) => `AKIA${s}`),
  chars(ALNUM, 24).map((s) => `sk_live_${s}`),
  chars(`${ALNUM}-`, 24).map((s) => `xoxb-${s}`),
  chars(`${ALNUM}_-`, 35).map((s) => `AIza${s}`),
  mixed(40),
);

// ---------------------------------------------------------------- Dockerfiles

const word = fc.stringMatching(/^[a-z][a-z0-9._-]{0,8}$/);
const image = fc.oneof(
  fc.constantFrom('alpine', 'ubuntu:22.04', 'node:20-slim', 'scratch', 'python:3.12@sha256:'.padEnd(83, 'a')),
  fc.tuple(word, word).map(([a, b]) => `${a}/${b}:latest`),
);
const command = fc.oneof(
  fc.constantFrom(
    'apt-get update',
    'apt-get install -y curl',
    'curl -fsSL https://example.com/i.sh | sh',
    'pip install requests',
    'npm ci',
    'chmod 777 /app',
    'sudo rm -rf /tmp/x',
    'cd /app',
    "sh -c 'echo $(id -u)'",
    'wget -qO- http://example.com/x.tgz | tar xz',
    'echo "unterminated',
    '$(',
    'for i in 1 2; do echo $i; done',
  ),
  fc.tuple(word, fc.array(word, { maxLength: 4 })).map(([c, a]) => [c, ...a].join(' ')),
  secret.map((s) => `echo ${s} > /token`),
);
const shellScript = fc
  .array(fc.tuple(fc.constantFrom(' && ', ' || ', ' | ', '; ', ' \\\n    && '), command), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.map(([sep, c], i) => (i === 0 ? c : sep + c)).join(''));
const instruction = fc.oneof(
  image.map((i) => `FROM ${i}`),
  fc.tuple(image, word).map(([i, n]) => `FROM ${i} AS ${n}`),
  shellScript.map((s) => `RUN ${s}`),
  shellScript.map((s) => `RUN <<EOF\n${s}\nEOF`),
  fc.tuple(word, fc.oneof(word, secret)).map(([k, v]) => `ENV ${k.toUpperCase()}_TOKEN=${v}`),
  fc.tuple(word, secret).map(([k, v]) => `ARG ${k.toUpperCase()}_PASSWORD=${v}`),
  fc.constantFrom('USER root', 'USER 10001', 'COPY . /app', 'ADD http://example.com/x /x', 'EXPOSE 22'),
  fc.constantFrom('HEALTHCHECK CMD true', 'CMD ["node", "server.js"]', 'ENTRYPOINT sh', 'WORKDIR /app'),
  fc.constantFrom('SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'ONBUILD RUN make', '# escape=`'),
  fc.integer({ min: 1, max: 3000 }).map((n) => `RUN ${'true && '.repeat(n)}true`),
  fc.string({ maxLength: 40 }),
);
const dockerfile = fc.array(instruction, { minLength: 1, maxLength: 14 }).map((l) => `${l.join('\n')}\n`);

// ---------------------------------------------------------------- YAML

const yamlScalar = fc.oneof(
  fc.constantFrom('~', 'null', 'yes', 'on', '.inf', '-.Inf', '.NaN', '0x1F', '0o17', '1e3', "'it''s'"),
  fc.constantFrom('"dq \\u263A"', '!!binary aGVsbG8=', '!!str 123', '2001-12-14t21:59:43.10-05:00', '""'),
  fc.constantFrom('[]', '{}', '*nowhere', '!custom x', '? complex', '<<: *a0', '"${{ github.head_ref }}"'),
  word,
  secret,
  secret.map((s) => `"${s}`),
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
);
type YamlTree =
  | string
  | { map: [string, YamlTree][] }
  | { seq: YamlTree[] }
  | { anchor: string; of: YamlTree };
const { yamlTree } = fc.letrec<{ yamlTree: YamlTree }>((tie) => ({
  yamlTree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    yamlScalar,
    fc.record({ map: fc.array(fc.tuple(word, tie('yamlTree')), { maxLength: 4 }) }),
    fc.record({ seq: fc.array(tie('yamlTree'), { maxLength: 4 }) }),
    fc.record({ anchor: fc.constantFrom('a0', 'a1'), of: tie('yamlTree') }),
  ),
}));
function renderYaml(tree: YamlTree, indent: number): string {
  const pad = ' '.repeat(indent);
  if (typeof tree === 'string') return ` ${tree}`;
  if ('anchor' in tree) return ` &${tree.anchor}${renderYaml(tree.of, indent)}`;
  if ('map' in tree)
    return tree.map.length === 0
      ? ' {}'
      : tree.map.map(([k, v]) => `\n${pad}${k}:${renderYaml(v, indent + 2)}`).join('');
  return tree.seq.length === 0
    ? ' []'
    : tree.seq.map((v) => `\n${pad}-${renderYaml(v, indent + 2)}`).join('');
}
const deepYaml = fc.oneof(
  fc.integer({ min: 1, max: 12_000 }).map((n) => ` ${'['.repeat(n)}${']'.repeat(n)}`),
  fc
    .integer({ min: 1, max: 800 })
    .map((n) => `${Array.from({ length: n }, (_, i) => `\n${' '.repeat(2 + i)}k${i}:`).join('')} x`),
  fc.integer({ min: 1, max: 3000 }).map((n) => `\n  ${'- '.repeat(n)}x`),
);
const yamlFile = fc
  .tuple(
    fc.constantFrom('ConfigMap', 'Deployment', 'Pod', 'Secret', 'Role', 'Rollout'),
    fc.array(fc.tuple(word, fc.oneof(yamlTree, deepYaml)), { maxLength: 5 }),
    fc.boolean(),
  )
  .map(([kind, body, twoDocs]) => {
    const doc = `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: fuzz\n${body
      .map(([k, v]) => `${k}:${typeof v === 'string' ? v : renderYaml(v, 2)}`)
      .join('\n')}\n`;
    return twoDocs ? `${doc}---\n${doc}` : doc;
  });
const workflowFile = fc
  .array(fc.tuple(word, yamlTree), { maxLength: 4 })
  .map(
    (steps) =>
      `on: [push, pull_request_target]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps
        .map(
          ([name, v]) =>
            `      - name: ${name}\n        run: echo "\${{ github.event.issue.title }}"\n        env:\n          X:${renderYaml(v, 12)}`,
        )
        .join('\n')}\n`,
  );

// ---------------------------------------------------------------- HCL

const { hclExpr } = fc.letrec<{ hclExpr: string }>((tie) => ({
  hclExpr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      'true',
      'null',
      '42',
      '"text"',
      'var.region',
      'local.tags',
      'aws_s3_bucket.b.id',
      '"0.0.0.0/0"',
    ),
    secret.map((s) => `"${s}"`),
    fc.array(tie('hclExpr'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    fc
      .array(fc.tuple(word, tie('hclExpr')), { maxLength: 3 })
      .map((e) => `{ ${e.map(([k, v]) => `${k} = ${v}`).join(', ')} }`),
    fc.tuple(word, fc.array(tie('hclExpr'), { maxLength: 2 })).map(([f, a]) => `${f}(${a.join(', ')})`),
    fc.tuple(tie('hclExpr'), tie('hclExpr')).map(([a, b]) => `"\${${a}}-${b.replace(/"/g, '')}"`),
    fc.tuple(tie('hclExpr'), tie('hclExpr'), tie('hclExpr')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc.tuple(tie('hclExpr'), tie('hclExpr')).map(([a, b]) => `${a} + ${b}`),
    tie('hclExpr').map((e) => `[for x in var.list : ${e}]`),
    fc.integer({ min: 1, max: 3000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
    fc.integer({ min: 1, max: 3000 }).map((n) => `1${' + 1'.repeat(n)}`),
  ),
}));
const hclBlock = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('aws_s3_bucket', 'aws_security_group', 'aws_db_instance', 'aws_iam_policy'),
      word,
      fc.array(fc.tuple(word, hclExpr), { maxLength: 5 }),
    )
    .map(
      ([type, name, attrs]) =>
        `resource "${type}" "${name}" {\n${attrs.map(([k, v]) => `  ${k} = ${v}`).join('\n')}\n}`,
    ),
  fc.tuple(word, hclExpr).map(([n, d]) => `variable "${n}" {\n  default = ${d}\n}`),
  fc
    .array(fc.tuple(word, hclExpr), { maxLength: 4 })
    .map((a) => `locals {\n${a.map(([k, v]) => `  ${k} = ${v}`).join('\n')}\n}`),
  fc.constantFrom(
    'terraform {\n  backend "s3" {\n    bucket = "b"\n  }\n}',
    'module "m" {\n  source = "./m"\n}',
    '}',
    '{',
    '"',
  ),
  fc.string({ maxLength: 30 }),
);
const hclFile = fc.array(hclBlock, { minLength: 1, maxLength: 6 }).map((b) => `${b.join('\n\n')}\n`);

// ---------------------------------------------------------------- byte mutations

/** Small, realistic files written for this suite (no peer's fixtures). */
const SEEDS: Record<string, string> = {
  Dockerfile:
    'FROM node:20-slim AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci && npm run build\n\nFROM gcr.io/distroless/nodejs20\nCOPY --from=build /app/dist /app\nUSER 10001\nHEALTHCHECK CMD ["node", "/app/health.js"]\nCMD ["/app/server.js"]\n',
  'k8s/deploy.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  labels: &labels\n    app: api\nspec:\n  replicas: 2\n  selector:\n    matchLabels: *labels\n  template:\n    metadata:\n      labels: *labels\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n          ports: [{ containerPort: 8080 }]\n          resources: { limits: { memory: 256Mi } }\n',
  '.github/workflows/ci.yml':
    'name: ci\non:\n  pull_request:\npermissions: { contents: read }\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    steps:\n      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8\n      - run: npm ci && npm test\n',
  'infra/main.tf':
    'variable "env" {\n  default = "prod"\n}\n\nresource "aws_s3_bucket" "logs" {\n  bucket = "acme-${var.env}-logs"\n  tags   = { env = var.env }\n}\n\nresource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  cidr_blocks = ["10.0.0.0/8"]\n}\n',
};

/** A few real files from the shared corpus when it is there (CI keeps ../shared beside the checkout). */
function corpusSeeds(): Record<string, string> {
  const repo = new URL('../../../', import.meta.url).pathname;
  const corpus = [join(repo, '..', 'shared', 'corpus'), '/work/shared/corpus'].find((d) =>
    existsSync(join(d, 'MANIFEST.tsv')),
  );
  if (!corpus) return {};
  const out: Record<string, string> = {};
  const rows = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1);
  for (const kind of ['workflow', 'dockerfile', 'k8s', 'terraform']) {
    const row = rows.map((r) => r.split('\t')).find((r) => r[2] === kind && Number(r[3]) < 4000);
    if (!row) continue;
    const file = join(corpus, row[0]!.replace('/', '__'), row[1]!);
    if (existsSync(file)) out[`corpus/${row[1]}`] = readFileSync(file, 'utf8');
  }
  return out;
}
const ALL_SEEDS = { ...SEEDS, ...corpusSeeds() };

type Mutation = {
  at: number;
  op: 'flip' | 'insert' | 'delete' | 'duplicate' | 'nul' | 'secret';
  n: number;
  s: string;
};
const mutation = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('flip', 'insert', 'delete', 'duplicate', 'nul', 'secret'),
  n: fc.integer({ min: 1, max: 64 }),
  s: fc.oneof(
    secret,
    fc.string({ maxLength: 8 }),
    fc.constantFrom('{', '[', '"', "'", '\\', '\n  - ', '${', '<<EOF'),
  ),
}) as fc.Arbitrary<Mutation>;

function mutate(bytes: Buffer, mutations: Mutation[]): { bytes: Buffer; secrets: string[] } {
  let out = Buffer.from(bytes);
  const secrets: string[] = [];
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    switch (m.op) {
      case 'flip':
        if (out.length) out[at] = out[at]! ^ (1 << (m.n % 8));
        break;
      case 'insert':
        out = Buffer.concat([out.subarray(0, at), Buffer.from(m.s), out.subarray(at)]);
        break;
      case 'delete':
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.n)]);
        break;
      case 'duplicate':
        out = Buffer.concat([out.subarray(0, at + m.n), out.subarray(at, at + m.n), out.subarray(at + m.n)]);
        break;
      case 'nul':
        out = Buffer.concat([out.subarray(0, at), Buffer.from([0]), out.subarray(at)]);
        break;
      case 'secret': {
        // On a line of its own, as a value: where a real leak would sit.
        const text = ` token: ${m.s} `;
        out = Buffer.concat([out.subarray(0, at), Buffer.from(text), out.subarray(at)]);
        if (/^(gh[ps]_|github_pat_|AKIA|sk_live_|xoxb-|AIza)/.test(m.s) || m.s.length === 40)
          secrets.push(m.s);
        break;
      }
    }
  }
  return { bytes: out, secrets };
}

// ---------------------------------------------------------------- the invariant

async function checkEngine(files: Record<string, string | Buffer>, secrets: string[]): Promise<void> {
  let result: RunResult;
  try {
    result = await scan({ root, source: new MemoryFileSource(files) });
  } catch (error) {
    throw new Error(`the engine threw: ${(error as Error).stack}`);
  }
  // No parser failure without a finding: every unscannable file is reported as one.
  const unscannable = new Set(
    result.findings.filter((f) => f.ruleId === 'core/unscannable').map((f) => f.file),
  );
  for (const e of result.errors) {
    if (e.kind === 'unscannable') expect(unscannable.has(e.file!), `${e.file}: ${e.message}`).toBe(true);
    // A rule that crashed on a file is reported on that file too.
    if (e.kind === 'internal' && e.file)
      expect(unscannable.has(e.file), `${e.file}: ${e.message}`).toBe(true);
    expect(e.message).not.toMatch(/Maximum call stack/);
  }
  for (const f of result.findings) expect(f.message).not.toMatch(/Maximum call stack/);
  for (const format of FORMATS) {
    const out = renderReport(format, result, { color: false, verbose: true });
    for (const s of secrets)
      expect(out.includes(s), `${format} output contains a generated secret`).toBe(false);
  }
}

/** Secrets the generators placed in a text (a generated file holds them verbatim). */
function secretsIn(text: string): string[] {
  return [
    ...text.matchAll(
      /(gh[ps]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60}|AKIA[A-Z0-9]{16}|sk_live_[A-Za-z0-9]{24}|xoxb-[A-Za-z0-9-]{24}|AIza[A-Za-z0-9_-]{35})/g,
    ),
  ]
    .map((m) => m[1]!)
    .concat(
      [...text.matchAll(/(?<![A-Za-z0-9])([A-Za-z0-9]{40})(?![A-Za-z0-9])/g)]
        .map((m) => m[1]!)
        .filter((w) => /[A-Z]/.test(w) && /[a-z]/.test(w) && /[0-9]/.test(w)),
    );
}

const params = { seed: SEED, numRuns: RUNS, endOnFailure: true };

describe('fuzz: the engine over generated and mutated files', () => {
  it(
    'Dockerfiles',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(dockerfile, { minLength: 1, maxLength: 3 }), async (texts) => {
          const files = Object.fromEntries(
            texts.map((t, i) => [i === 0 ? 'Dockerfile' : `svc${i}/Dockerfile`, t]),
          );
          await checkEngine(files, texts.flatMap(secretsIn));
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'YAML manifests and workflows (anchors, aliases, deep nesting, odd scalars)',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(yamlFile, { minLength: 1, maxLength: 3 }),
          workflowFile,
          async (texts, workflow) => {
            const files: Record<string, string> = Object.fromEntries(
              texts.map((t, i) => [`k8s/f${i}.yaml`, t]),
            );
            files['.github/workflows/fuzz.yml'] = workflow;
            await checkEngine(files, [...texts, workflow].flatMap(secretsIn));
          },
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'Terraform',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(hclFile, { minLength: 1, maxLength: 3 }), async (texts) => {
          const files = Object.fromEntries(
            texts.map((t, i) => [i === 0 ? 'infra/main.tf' : `infra/m${i}/main.tf`, t]),
          );
          await checkEngine(files, texts.flatMap(secretsIn));
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'byte-level mutations of real-looking files',
    async () => {
      const names = Object.keys(ALL_SEEDS);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names),
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          async (name, mutations) => {
            const { bytes, secrets } = mutate(Buffer.from(ALL_SEEDS[name]!), mutations);
            await checkEngine({ [name]: bytes }, secrets);
          },
        ),
        params,
      );
    },
    TIMEOUT,
  );
});
