import { defineRule } from '@plumbline/core';
import { allSteps, ghaDomain } from '@plumbline/lang-yaml';
import { findInScript } from '../../lib/shell.js';
import { resourceOf } from '../../lib/util.js';

/** A plain-text URL to a host on the network: dotted names or public addresses, not service containers or loopback. */
const INSECURE_URL =
  /\b(?:http|git|ftp):\/\/(?!(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|host\.docker\.internal)(?:[:/]|$))(?:[\w.-]+@)?(?=[\w-]+\.[\w.-]*[a-z]|(?:\d+\.){3}\d+)[\w.-]+(?::\d+)?(?:\/[^\s'"`)]*)?/i;
/** Commands that fetch code or packages from a URL on the same logical line. */
const FETCH =
  /\b(?:curl|wget|git\s+(?:clone|fetch|pull|remote\s+add|submodule)|pip3?\s+install|uv\s+pip|npm|yarn|pnpm|gem|apt-add-repository|add-apt-repository|helm\s+repo\s+add|go\s+get|Invoke-WebRequest|iwr|docker\s+pull|sh|bash)\b/i;
/** `with:` inputs that name where something is downloaded from or uploaded to. */
const URL_INPUT = /(?:url|registry|index|endpoint|server|host|mirror|repository|repo)$/i;

export default defineRule({
  id: 'gha/no-insecure-url-scheme',
  domain: ghaDomain,
  meta: {
    title: 'Download or registry over plain HTTP',
    description:
      'A step fetches code, packages or credentials over `http://`, `git://` or `ftp://` from a host on the network, in a `run:` script or a URL input of an action.',
    rationale:
      'Anything on the path between the runner and the host (a proxy, a cloud network, a compromised router) can read and replace what is transferred. Code or packages fetched this way run in the job with its token and secrets, and a registry URL over HTTP sends the credentials used with it in clear. Medium.',
    remediation:
      'Use `https://` (or `ssh://` for git) and let the tool verify the certificate; if the host has no TLS, mirror what you need somewhere that has.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: ['zizmor:insecure-url-scheme'],
    references: ['https://owasp.org/www-community/attacks/Manipulator-in-the-middle_attack'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -fsSLO http://downloads.example.com/tool-1.2.tar.gz\n',
          errors: [{ line: 6, column: 26, endLine: 6, endColumn: 70 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -fsSLO https://downloads.example.com/tool-1.2.tar.gz\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      for (const hit of findInScript(step.run, INSECURE_URL)) {
        // Only where the line fetches or pushes something: an http:// in an echo or a comment is text.
        if (!FETCH.test(hit.line.text)) continue;
        ctx.report({
          at: hit.loc,
          message: `\`${hit.match[0]}\` is fetched without TLS; anyone on the path can replace it.`,
          resource: resourceOf(step),
          container: step,
          evidence: hit.match[0],
        });
      }
      for (const input of step.with) {
        if (!URL_INPUT.test(input.name)) continue;
        const m = input.value.text?.match(INSECURE_URL);
        if (!m || m.index === undefined) continue;
        ctx.report({
          at: input.value.locate(m.index, m.index + m[0].length),
          message: `Input \`${input.name}\` points at \`${m[0]}\` without TLS.`,
          resource: resourceOf(step),
          evidence: m[0],
        });
      }
    }
  },
});
