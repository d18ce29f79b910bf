/**
 * Every Dockerfile fix, applied and re-scanned with the whole pack: the finding is gone, no rule
 * reports more than before, the file still parses, and the text around the edit is untouched.
 */
import { expectFixWorks } from '@plumbline/core/testing';
import { dockerfileLanguage } from '@plumbline/lang-dockerfile';
import { describe, it } from 'vitest';
import { rules } from './index.js';

const byId = (id: string) => {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
};

function fix(id: string, code: string, output: string, all = false) {
  return expectFixWorks({
    rule: byId(id),
    rules,
    languages: [dockerfileLanguage],
    filename: 'Dockerfile',
    code,
    output,
    all,
  });
}

const APT = `FROM debian:12-slim
# tools for the health check
RUN apt-get update \\
    && apt-get install -y curl \\
    && rm -rf /var/lib/apt/lists/*
USER 1000
`;

describe('Dockerfile fixes', () => {
  it('apt-no-install-recommends: adds the option after `install`, keeping the continuation lines', () =>
    fix(
      'dockerfile/apt-no-install-recommends',
      APT,
      APT.replace('apt-get install -y', 'apt-get install --no-install-recommends -y'),
    ));

  it('apt-get-assume-yes: adds -y after `install`', () =>
    fix(
      'dockerfile/apt-get-assume-yes',
      APT.replace('install -y curl', 'install --no-install-recommends curl'),
      APT.replace('install -y curl', 'install -y --no-install-recommends curl'),
    ));

  it('apt-lists-cleanup: ends the same RUN with the clean-up, on its last line', () => {
    const code =
      'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl\nUSER 1000\n';
    return fix(
      'dockerfile/apt-lists-cleanup',
      code,
      code.replace('curl\n', 'curl && rm -rf /var/lib/apt/lists/*\n'),
    );
  });

  it('wget-progress: adds --progress=dot:giga after `wget` on a GNU wget base', () => {
    const code =
      'FROM debian:12-slim\nRUN wget -O /tmp/app.tgz https://example.com/app-1.2.0.tgz \\\n && tar -xzf /tmp/app.tgz -C /opt\nUSER 1000\n';
    return fix('dockerfile/wget-progress', code, code.replace('wget -O', 'wget --progress=dot:giga -O'));
  });

  it('apk-no-cache: adds --no-cache after `add`', () =>
    fix(
      'dockerfile/apk-no-cache',
      'FROM alpine:3.20\nRUN apk add curl=8.9.1-r2\nUSER 1000\n',
      'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\nUSER 1000\n',
    ));

  it('pipefail: sets a pipefail SHELL before the RUN, bash on Debian and ash on Alpine', async () => {
    const debian =
      'FROM debian:12-slim\nWORKDIR /app\nRUN wget -O - https://example.com/data.txt | wc -l > /app/lines\nUSER 1000\n';
    await fix(
      'dockerfile/pipefail',
      debian,
      debian.replace('RUN wget', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget'),
    );
    const alpine = debian.replace('debian:12-slim', 'alpine:3.20');
    await fix(
      'dockerfile/pipefail',
      alpine,
      alpine.replace('RUN wget', 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget'),
    );
  });

  it('json-form-cmd: rewrites a plain shell-form CMD in exec form', () =>
    fix(
      'dockerfile/json-form-cmd',
      'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD node server.js --port 8080\n',
      'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD ["node", "server.js", "--port", "8080"]\n',
    ));

  it('prefer-copy-over-add: ADD of plain files becomes COPY', () =>
    fix(
      'dockerfile/prefer-copy-over-add',
      'FROM nginx:1.27\nADD --chown=101:101 site/ /usr/share/nginx/html/\nUSER 101\n',
      'FROM nginx:1.27\nCOPY --chown=101:101 site/ /usr/share/nginx/html/\nUSER 101\n',
    ));

  it('no-root-user: switches to the numeric id of the user the image creates, before CMD', () => {
    const code = [
      'FROM python:3.12-slim',
      'RUN useradd --uid 10001 --create-home app',
      'WORKDIR /home/app',
      'COPY --chown=10001 app.py .',
      'CMD ["python", "app.py"]',
      '',
    ].join('\n');
    return fix('dockerfile/no-root-user', code, code.replace('CMD [', 'USER 10001\nCMD ['));
  });

  it('all fixes of one RUN together leave a clean, parseable instruction', () =>
    fix(
      'dockerfile/apt-no-install-recommends',
      'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && apt-get install -y git && rm -rf /var/lib/apt/lists/*\nUSER 1000\n',
      'FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends -y curl && apt-get install --no-install-recommends -y git && rm -rf /var/lib/apt/lists/*\nUSER 1000\n',
      true,
    ));
});
