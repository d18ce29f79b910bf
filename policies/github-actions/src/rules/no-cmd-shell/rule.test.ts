import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\njobs:\n  build:\n    runs-on: windows-latest\n    steps:\n      - run: dotnet test\n',
    'on: push\njobs:\n  build:\n    runs-on: windows-latest\n    defaults:\n      run:\n        shell: pwsh\n    steps:\n      - run: dotnet test\n',
  ],
  invalid: [
    {
      name: 'a step with shell: cmd',
      code: 'on: push\njobs:\n  build:\n    runs-on: windows-2022\n    steps:\n      - name: Build\n        run: |\n          nuget restore\n          msbuild /m app.sln\n        shell: cmd\n',
      errors: [{ line: 10, column: 16, endLine: 10, endColumn: 19 }],
    },
    {
      name: 'job defaults',
      code: 'on: push\njobs:\n  build:\n    runs-on: windows-2022\n    defaults:\n      run:\n        shell: cmd\n    steps:\n      - run: build.bat\n',
      errors: [{ line: 7, column: 16, endLine: 7, endColumn: 19 }],
    },
  ],
});
