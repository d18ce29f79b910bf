import { positionals, spanOf } from '../../lib/index.js';
import { isLocal, pinRule } from '../../lib/pin-rule.js';

const bad = 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv\n';

export default pinRule({
  slug: 'pin-go-install',
  manager: 'go install',
  aliases: ['DL3062'],
  example: 'go install example.com/tool',
  unpinned: (c) => {
    if (c.base !== 'go') return [];
    const [sub, ...pkgs] = positionals(c, [
      '-o',
      '-tags',
      '-ldflags',
      '-gcflags',
      '-mod',
      '-modfile',
      '-p',
      '-C',
      '-pgo',
    ]);
    if (sub?.value !== 'install') return [];
    // `@latest`, `@master`, `@HEAD` name whatever is newest, like no version at all.
    return pkgs.filter(
      (w) =>
        (!w.value.includes('@') || /@(latest|master|main|HEAD)$/.test(w.value)) &&
        !isLocal(w) &&
        w.value.includes('.'),
    );
  },
  remediation: 'Name the version: `go install github.com/go-delve/delve/cmd/dlv@v1.23.0`.',
  examples: {
    invalid: [
      { filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'github.com/go-delve/delve/cmd/dlv')] },
    ],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.23.0 && go install ./cmd/...\n',
      },
    ],
  },
});
