import { across, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM golang:1.22\nRUN go install -ldflags "-s -w" golang.org/x/tools/gopls@latest honnef.co/go/tools/cmd/staticcheck\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM golang:1.22\nRUN go install ./... && go install std && go install golang.org/x/tools/gopls@v0.16.2\n',
  ],
  invalid: [
    {
      code: bad,
      errors: [across(bad, 'golang.org/x/tools/gopls@latest', 'honnef.co/go/tools/cmd/staticcheck')],
    },
  ],
});
