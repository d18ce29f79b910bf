import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const steps = (s: string) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${s}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    steps('      - run: pip install --index-url https://pypi.acme.internal/simple acme-utils\n'),
    steps('      - run: pip install -r requirements.txt --require-hashes\n'),
  ],
  invalid: [
    {
      name: 'in a block script',
      code: steps(
        '      - run: |\n          python -m pip install --upgrade pip\n          pip install --extra-index-url https://download.pytorch.org/whl/cpu torch==2.4.1\n',
      ),
      errors: [{ line: 8, column: 23, endLine: 8, endColumn: 77 }],
    },
    {
      name: 'through the environment',
      code: 'on: push\nenv:\n  PIP_EXTRA_INDEX_URL: https://pypi.acme.internal/simple\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install acme-utils\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 22 }],
    },
  ],
});
