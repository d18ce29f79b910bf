import { tester } from '../../test-kit.js';
import rule from './rule.js';

const wf = (templates: string, extra = '') => `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n${extra}  templates:\n${templates}`;

tester.run(rule, {
  valid: [
    wf('    - name: compute\n      container: {image: "python:3.12", command: [python, train.py]}\n'),
    { name: 'templateDefaults', code: wf('    - name: h\n      http: {url: "https://example.com"}\n', '  templateDefaults:\n    retryStrategy: {limit: 2}\n') },
  ],
  invalid: [
    {
      name: 'http template and a script fetching a URL',
      code: wf('    - name: h\n      http: {url: "https://example.com"}\n    - name: s\n      script:\n        image: python:3.12\n        source: |\n          import requests\n          requests.get("https://api.example.com")\n'),
      errors: [
        { line: 6, column: 7, endLine: 6, endColumn: 14, message: 'Template `h`' },
        { line: 8, column: 7, endLine: 8, endColumn: 14, message: 'Template `s`' },
      ],
    },
  ],
});
