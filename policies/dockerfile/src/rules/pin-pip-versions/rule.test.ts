import { across, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  "FROM python:3.12\nRUN python3 -m pip install -i https://pypi.org/simple 'requests[socks]' uvicorn>=0.30\n";

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM python:3.12\nRUN pip install -U pip setuptools wheel && pip install . && pip install -e ./lib "x @ git+https://h/x"\n',
    'FROM python:3.12\nRUN pip download flask && pip install -c constraints.txt -r req.txt\n',
    // The constraints file pins the named packages; `--root-user-action` takes a value.
    'FROM python:3.12\nRUN pip install --root-user-action ignore -c constraints.txt flask gunicorn\n',
  ],
  invalid: [
    {
      code: bad,
      errors: [
        across(
          bad,
          "'requests[socks]'",
          // `>=0.30` unquoted is a shell redirection: pip gets a bare `uvicorn`.
          'uvicorn',
          '`requests[socks]` and `uvicorn` are installed',
        ),
      ],
    },
  ],
});
