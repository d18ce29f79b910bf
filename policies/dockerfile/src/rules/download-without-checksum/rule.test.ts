import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const wget =
  'FROM alpine:3.22\nRUN wget -q https://github.com/acme/tool/releases/download/v1.2.0/tool-linux-amd64 -O /usr/local/bin/tool \\\n && chmod +x /usr/local/bin/tool\n';
const remoteName =
  'FROM debian:12-slim\nRUN curl -fsSLO https://dl.example.com/agent_1.0_amd64.deb && dpkg -i agent_1.0_amd64.deb\n';
const script = 'FROM debian:12-slim\nRUN wget https://get.example.sh/setup.sh && bash setup.sh --yes\n';

tester.run(rule, {
  valid: [
    HARDENED,
    // Verified by digest, by signature.
    'FROM alpine:3.22\nRUN wget -O /tmp/t https://x.example/t && echo "abc  /tmp/t" | sha256sum -c - && chmod +x /tmp/t\n',
    'FROM debian:12-slim\nRUN curl -fsSLo k.deb https://x.example/k.deb && curl -fsSLo k.deb.asc https://x.example/k.deb.asc && gpg --verify k.deb.asc k.deb && dpkg -i k.deb\n',
    // Downloaded but only unpacked or printed, not run.
    'FROM alpine:3.22\nRUN curl -fsSL -o /tmp/src.tgz https://x.example/src.tgz && tar -xzf /tmp/src.tgz -C /src\n',
    'FROM alpine:3.22\nRUN curl -fsSL https://x.example/version.txt && sh -c "echo done"\n',
    // The URL names a commit: the content cannot change.
    'FROM docker:27-dind\nRUN wget -O /usr/local/bin/dind "https://raw.githubusercontent.com/moby/moby/8d9e3502aba39127e4d12196dae16d306f76993d/hack/dind" && chmod +x /usr/local/bin/dind\n',
    // Piped straight into a shell: dockerfile/no-curl-pipe-shell's finding.
    'FROM alpine:3.22\nRUN curl -fsSL https://x.example/i.sh | sh\n',
  ],
  invalid: [
    {
      code: wget,
      errors: [
        at(
          wget,
          'https://github.com/acme/tool/releases/download/v1.2.0/tool-linux-amd64',
          1,
          '`tool` is downloaded',
        ),
      ],
    },
    {
      code: remoteName,
      errors: [at(remoteName, 'https://dl.example.com/agent_1.0_amd64.deb', 1, '(`dpkg`)')],
    },
    {
      code: script,
      errors: [
        at(script, 'https://get.example.sh/setup.sh', 1, '`setup.sh` is downloaded and then run (`bash`)'),
      ],
    },
  ],
});
