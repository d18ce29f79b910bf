import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM python:3.12\nENV PIP_TRUSTED_HOST=pypi.internal\nRUN pip3 config set global.trusted-host pypi.internal\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM python:3.12\nRUN pip install --index-url https://pypi.internal/simple x==1\n'],
  invalid: [
    { code: bad, errors: [at(bad, 'PIP_TRUSTED_HOST=pypi.internal'), at(bad, 'global.trusted-host')] },
  ],
});
