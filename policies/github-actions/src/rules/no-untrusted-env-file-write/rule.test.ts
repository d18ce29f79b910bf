import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const RUN =
  'on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n  a:\n    runs-on: x\n    steps:\n';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      name: 'same-repository pull requests only',
      code: 'on: pull_request\njobs:\n  a:\n    if: github.event.pull_request.head.repo.full_name == github.repository\n    runs-on: x\n    env:\n      REF: ${{ github.head_ref }}\n    steps:\n      - run: echo "B=${REF}" >> $GITHUB_ENV\n',
    },
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo "SHA=${GITHUB_SHA::7}" >> $GITHUB_ENV\n',
    'on: pull_request_target\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo "V=$(cat version.txt)" >> $GITHUB_ENV\n',
    {
      name: 'hardened: the artifact value is validated as a number before it is exported',
      code: `${RUN}      - uses: actions/download-artifact@v4\n      - run: |\n          PR=$(cat pr/NR)\n          [[ "$PR" =~ ^[0-9]+$ ]] || exit 1\n          echo "PR=$PR" >> "$GITHUB_ENV"\n`,
    },
    {
      name: 'after a download, values that do not come from its files',
      code: `${RUN}      - uses: actions/download-artifact@v4\n      - run: |\n          NOW=$(date +%s)\n          echo "NOW=$NOW" >> "$GITHUB_ENV"\n          echo "BUILD=$(git rev-parse HEAD)" >> "$GITHUB_ENV"\n          cat >> "$GITHUB_ENV" <<EOF\n          RUN=$GITHUB_RUN_ID\n          EOF\n`,
    },
    {
      name: 'a quoted heredoc does not expand the variable read from the artifact',
      code: `${RUN}      - uses: actions/download-artifact@v4\n      - run: |\n          PR=$(cat pr/NR)\n          cat <<'EOF' >> "$GITHUB_ENV"\n          LITERAL=$PR\n          EOF\n`,
    },
    {
      name: 'not a privileged trigger',
      code: 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/download-artifact@v4\n      - run: |\n          PR=$(cat pr/NR)\n          echo "PR=$PR" >> "$GITHUB_ENV"\n',
    },
  ],
  invalid: [
    {
      name: 'env from the event, braces and tee',
      code: 'on: pull_request\njobs:\n  a:\n    runs-on: x\n    env:\n      REF: ${{ github.head_ref }}\n    steps:\n      - run: |\n          echo "B=${REF}" | tee -a ${GITHUB_ENV}\n          echo "/opt/$REF/bin" >> $GITHUB_PATH\n',
      errors: [
        { line: 9, column: 29, endLine: 9, endColumn: 49 },
        { line: 10, column: 32, endLine: 10, endColumn: 47, message: '`$GITHUB_PATH`' },
      ],
    },
    {
      name: 'artifact content in workflow_run',
      code: 'on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/download-artifact@v4\n      - run: echo "PR=$(cat pr.txt)" >> "$GITHUB_ENV"\n',
      errors: [{ line: 10, column: 38, endLine: 10, endColumn: 54, message: 'downloaded artifact' }],
    },
    {
      name: 'deploy-pr style (PR head checked out too): a variable read from the artifact in an if/else, exported on a later line',
      code: `${RUN}      - uses: actions/checkout@v4\n        with:\n          ref: \${{ github.event.workflow_run.head_sha }}\n      - uses: actions/download-artifact@v4\n        with:\n          name: pr_number\n          path: .pr\n      - run: |\n          if [[ -f .pr/PR_NUMBER ]]; then\n            PR_NUMBER=$(cat .pr/PR_NUMBER)\n          else\n            PR_NUMBER="\${{ github.event.workflow_run.pull_requests[0].number }}"\n          fi\n          if [[ -z "$PR_NUMBER" ]]; then exit 1; fi\n          echo "PR_NUMBER=$PR_NUMBER" >> $GITHUB_ENV\n`,
      errors: [
        {
          line: 23,
          column: 39,
          endLine: 23,
          endColumn: 53,
          message: '`$PR_NUMBER`, read from a downloaded artifact',
        },
      ],
    },
    {
      name: 'dawidd6 download, read into a variable, copied, and written through a heredoc',
      code: `${RUN}      - uses: dawidd6/action-download-artifact@v6\n      - run: |\n          read -r NR < ./NR\n          PR="pr-$NR"\n          cat <<EOF >> "$GITHUB_ENV"\n          PR=$PR\n          EOF\n`,
      errors: [{ line: 13, column: 21, endLine: 13, endColumn: 37, message: '`$PR`' }],
    },
    {
      name: 'github-script downloadArtifact then unzip; the file is written to GITHUB_PATH as is',
      code: `${RUN}      - uses: actions/github-script@v7\n        with:\n          script: |\n            const a = await github.rest.actions.downloadArtifact({ owner, repo, artifact_id, archive_format: 'zip' });\n      - run: unzip pr.zip && cat tools.txt >> "$GITHUB_PATH"\n`,
      errors: [
        { line: 13, column: 44, endLine: 13, endColumn: 61, message: 'content from a downloaded artifact' },
      ],
    },
  ],
});
