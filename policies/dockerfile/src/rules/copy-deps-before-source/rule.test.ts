import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const py =
  'FROM python:3.12\nWORKDIR /app\nCOPY ./ /app/\nRUN pip install --no-cache-dir -r requirements.txt\n';
const go = 'FROM golang:1.22 AS build\nCOPY . .\nRUN go mod download && go build ./...\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build ./...\n',
    'FROM node:20\nCOPY . .\nRUN npm install -g serve@14.2.3\n',
  ],
  invalid: [
    { code: py, errors: [at(py, 'COPY ./ /app/')] },
    { code: go, errors: [at(go, 'COPY . .')] },
  ],
});
