import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM python:3.12\nRUN python -m pip install --user flask\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n',
    'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n',
    'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
    'FROM python:3.12 AS build\nRUN pip wheel . && pip install flask\nFROM python:3.12-slim\n',
    'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'python -m pip install')] }],
});
