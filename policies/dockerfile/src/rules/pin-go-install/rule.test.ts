import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM golang:1.22\nRUN go install -ldflags "-s -w" golang.org/x/tools/gopls@latest honnef.co/go/tools/cmd/staticcheck\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM golang:1.22\nRUN go install ./... && go install std\n'],
  invalid: [{ code: bad, errors: [at(bad, 'honnef.co/go/tools/cmd/staticcheck')] }],
});
