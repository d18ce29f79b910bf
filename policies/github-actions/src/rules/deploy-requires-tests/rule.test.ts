import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const deploy =
  '    runs-on: x\n    environment: production\n    steps: [{run: helm upgrade --install a ./c --wait}]\n';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      name: 'transitively needs the tests',
      code: `on: push\njobs:\n  unit:\n    runs-on: x\n    steps: [{run: go test ./...}]\n  build:\n    needs: unit\n    runs-on: x\n    steps: [{run: docker build .}]\n  deploy:\n    needs: [build]\n${deploy}`,
    },
    {
      name: 'after CI via workflow_run',
      code: `on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n  deploy:\n${deploy}`,
    },
  ],
  invalid: [
    {
      name: 'needs only a build',
      code: `on: push\njobs:\n  build:\n    runs-on: x\n    steps: [{run: docker build .}]\n  deploy:\n    needs: build\n${deploy}`,
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 9 }],
    },
  ],
});
