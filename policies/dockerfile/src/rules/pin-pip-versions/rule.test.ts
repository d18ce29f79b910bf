import { across, at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  "FROM python:3.12\nRUN python3 -m pip install -i https://pypi.org/simple 'requests[socks]' uvicorn>=0.30\n";

const git = `FROM python:3.12-slim
RUN pip install --no-cache-dir \\
      "git+https://github.com/acme/sdk.git@main#egg=acme-sdk" \\
      "git+ssh://git@github.com/acme/tools.git@0c3f5e1b9d7a4f2e8b6c1d0a9e8f7a6b5c4d3e2f"
`;
const pipx =
  'FROM python:3.12-slim\nRUN pip install --no-cache-dir pipx==1.7.1 && pipx install poetry && pipx install ruff==0.8.4\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM python:3.12\nRUN pip install -U pip setuptools wheel && pip install . && pip install -e ./lib "x @ git+https://h/x@4b825dc642cb6eb9a060e54bf8d69288fbee4904"\n',
    'FROM python:3.12\nRUN pip download flask && pip install -c constraints.txt -r req.txt\n',
    // The constraints file pins the named packages; `--root-user-action` takes a value.
    'FROM python:3.12\nRUN pip install --root-user-action ignore -c constraints.txt flask gunicorn\n',
  ],
  invalid: [
    { code: git, errors: [at(git, '"git+https://github.com/acme/sdk.git@main#egg=acme-sdk"')] },
    { code: pipx, errors: [at(pipx, 'poetry')] },
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
