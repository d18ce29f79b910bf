import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { report, spanOf } from '../../lib/index.js';
import { asPip } from '../../lib/packages.js';

const MANIFEST =
  /(^|\/)(package(-lock)?\.json|yarn\.lock|pnpm-lock\.yaml|requirements[^/]*\.txt|pyproject\.toml|poetry\.lock|Pipfile(\.lock)?|go\.(mod|sum)|Gemfile(\.lock)?|composer\.(json|lock)|pom\.xml|build\.gradle(\.kts)?|Cargo\.(toml|lock)|\*\.csproj|[^/]*\.csproj|packages\.lock\.json|mix\.(exs|lock))$/;

const bad = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n';

/** Does this command install the dependencies listed in a manifest? */
function installsDeps(base: string, args: string[]): boolean {
  const sub = args.find((a) => !a.startsWith('-')) ?? '';
  if (base === 'npm')
    return ['ci', 'install', 'i'].includes(sub) && args.filter((a) => !a.startsWith('-')).length === 1;
  if (base === 'yarn') return sub === '' || sub === 'install';
  if (base === 'pnpm') return sub === 'install' || sub === 'i';
  if (base === 'bundle') return sub === 'install' || sub === '';
  if (base === 'composer') return sub === 'install';
  if (base === 'go') return sub === 'mod' && args.includes('download');
  if (base === 'poetry' || base === 'pipenv' || base === 'uv') return sub === 'install' || sub === 'sync';
  if (base === 'pip')
    return sub === 'install' && args.some((a) => a === '-r' || a.startsWith('--requirement'));
  return false;
}

export default defineRule({
  id: 'dockerfile/copy-deps-before-source',
  domain: dockerfileDomain,
  meta: {
    title: 'Whole source copied before installing dependencies',
    description:
      'A stage copies the whole build context (`COPY . .`) and then installs dependencies (`npm ci`, `pip install -r`, `go mod download`, `bundle install`...) without first copying only the manifest and lock file.',
    rationale:
      'Info: any source change invalidates the dependency layer, so every build re-downloads and re-installs all dependencies: slower CI, more registry traffic, and more exposure to a bad upstream release during the window. A build-time concern, not a defect in the image.',
    remediation:
      'Copy the manifests first, install, then copy the rest: `COPY package.json package-lock.json ./` → `RUN npm ci` → `COPY . .`.',
    category: 'best-practice',
    severity: 'info',
    confidence: 'medium',
    aliases: [],
    references: ['https://docs.docker.com/build/cache/optimize/#order-your-layers'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'COPY . .')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      let manifestCopied = false;
      let wholeCopy: (typeof stage.instructions)[number] | undefined;
      for (const ins of stage.instructions) {
        if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && !ins.flags.some((f) => f.name === 'from')) {
          const words = (ins.json ?? ins.args).slice(0, -1).map((w) => w.value.replace(/^["']|["']$/g, ''));
          if (words.some((w) => MANIFEST.test(w))) manifestCopied = true;
          if (!wholeCopy && !manifestCopied && words.some((w) => w === '.' || w === './')) wholeCopy = ins;
        }
        if (ins.keyword !== 'RUN' || !wholeCopy || manifestCopied) continue;
        const installs = (ins.shell?.commands ?? []).some((c) => {
          const pip = asPip(c);
          return pip
            ? installsDeps(
                'pip',
                pip.args.map((a) => a.value),
              )
            : installsDeps(
                c.base,
                c.args.map((a) => a.value),
              );
        });
        if (installs) {
          report(
            ctx,
            wholeCopy,
            wholeCopy,
            'The whole context is copied before dependencies are installed: any source change re-installs them.',
          );
          break;
        }
      }
    }
  },
});
