import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = "FROM alpine:3.20\nENTRYPOINT ['/app/run']\nCMD /app/server \\\n  --port 80\n";

tester.run(rule, {
  valid: [HARDENED, 'FROM alpine:3.20\nENTRYPOINT ["/app/run"]\nCMD []\n'],
  invalid: [
    {
      code: bad,
      errors: [at(bad, "['/app/run']"), { line: 3, column: 5, endLine: 4, endColumn: 12 }],
    },
  ],
});
