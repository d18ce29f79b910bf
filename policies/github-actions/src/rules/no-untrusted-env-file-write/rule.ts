import { defineRule } from '@plumbline/core';
import { allSteps, envFor, ghaDomain, type Step } from '@plumbline/lang-yaml';
import { findInScript, type ScriptLine, scriptLines } from '../../lib/shell.js';
import { directSource } from '../../lib/taint.js';
import { resourceOf, sameRepoOnly, usesAction } from '../../lib/util.js';

const WRITE =
  /(>>?\s*|tee\s+(?:-a\s+)?|Out-File\s+[^\n]*?|Add-Content\s+(?:-Path\s+)?)["']?\$\{?(?:env:)?(GITHUB_ENV|GITHUB_PATH)\}?["']?/i;
const DOWNLOADS = ['actions/download-artifact', 'dawidd6/action-download-artifact'];

/** `gh run download`, or the REST call behind it, fetching another run's artifacts. */
const GH_DOWNLOAD = /\bgh\s+run\s+download\b|\bgh\s+api\b[^\n]*\/artifacts\/[^\n]*\/zip\b/;

/** Does an earlier step of the job bring in files made by the untrusted run (artifacts, the PR head)? */
function untrustedFilesBefore(step: Step): string | undefined {
  const earlier = step.job ? step.job.steps.filter((s) => s.index < step.index) : [];
  if (step.run?.text && GH_DOWNLOAD.test(step.run.text)) return 'a downloaded artifact';
  for (const s of earlier) {
    if (usesAction(s.uses, ...DOWNLOADS)) return 'a downloaded artifact';
    // The Security Lab pattern: github-script lists and downloads the run's artifact, then unzip.
    if (usesAction(s.uses, 'actions/github-script')) {
      const script = s.with.find((w) => w.name === 'script')?.value.text;
      if (script && /downloadArtifact/.test(script)) return 'a downloaded artifact';
    }
    if (s.run?.text && GH_DOWNLOAD.test(s.run.text)) return 'a downloaded artifact';
  }
  // Only then the PR head: when both are there, the files read are most likely the artifact's.
  for (const s of earlier) {
    if (usesAction(s.uses, 'actions/checkout')) {
      const ref = s.with.find((w) => w.name === 'ref')?.value;
      if (ref?.expressions.some((e) => e.contexts.some((c) => /head|pull_request|workflow_run/.test(c.path))))
        return 'the checked-out pull request';
    }
  }
  return undefined;
}

/** A command that reads a file's content: `$(cat f)`, `$(<f)`, `jq -r .x f`, `head -1 f`, `< f`. */
const FILE_READ = /\$\(\s*<|\b(?:cat|head|tail|jq|yq)\b(?!\s*<<)|(?:^|[^<])<\s*["']?[\w./$-]/;
const ASSIGN = /^\s*(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_]\w*)=(.*)$/;
const READ_INTO = /\bread\s+(?:-\w+\s+)*([A-Za-z_]\w*)[^\n]*<\s*["']?[\w./$-]/;

const usesVar = (text: string, names: Iterable<string>): string | undefined => {
  for (const name of names) if (new RegExp(`\\$\\{?${name}\\b`).test(text)) return name;
  return undefined;
};

/**
 * Shell variables of the script, assigned before `before`, that hold file content
 * (`PR=$(cat pr/NR)`, `read -r PR < pr/NR`, or a copy of one), minus those checked with a `=~`
 * pattern (`[[ "$PR" =~ ^[0-9]+$ ]]`), which is how a number is validated before it is exported.
 */
function fileVars(lines: readonly ScriptLine[], before: number): Set<string> {
  const vars = new Set<string>();
  for (const line of lines) {
    if (line.start >= before) break;
    const read = line.text.match(READ_INTO);
    if (read) vars.add(read[1]!);
    const assign = line.text.match(ASSIGN);
    if (assign) {
      // No removal on reassignment: `if [ -f pr/NR ]; then PR=$(cat pr/NR); else PR=...; fi`.
      if (FILE_READ.test(assign[2]!) || usesVar(assign[2]!, vars)) vars.add(assign[1]!);
    }
    for (const v of [...vars]) if (new RegExp(`\\$\\{?${v}\\}?"?\\s*=~`).test(line.text)) vars.delete(v);
  }
  return vars;
}

/** The text written: the line before the redirect, plus the body of a heredoc it writes. */
function writtenText(lines: readonly ScriptLine[], line: ScriptLine, writeAt: number): string {
  let text = line.text.slice(0, writeAt - line.start);
  const heredoc = line.text.match(/<<-?\s*(['"]?)(\w+)\1/);
  if (heredoc) {
    // A quoted delimiter (`<<'EOF'`) leaves `$X` unexpanded.
    const body: string[] = [];
    for (const l of lines.filter((l) => l.start > line.start)) {
      if (l.text.trim() === heredoc[2]) break;
      body.push(l.text);
    }
    // `cat <<EOF >> "$GITHUB_ENV"` or `cat >> "$GITHUB_ENV" <<EOF`: the body is what is written.
    text = text.replace(/<<-?\s*(['"]?)\w+\1/, ' ').replace(/^\s*cat\s*$/, ' ');
    if (!heredoc[1]) text += `\n${body.join('\n')}`;
  }
  return text;
}

export default defineRule({
  id: 'gha/no-untrusted-env-file-write',
  domain: ghaDomain,
  meta: {
    title: 'Untrusted data written to GITHUB_ENV or GITHUB_PATH',
    description:
      'A `run:` step appends outsider-controlled text (an `env:` value taken from the event, or the content of files produced by an untrusted run) to `$GITHUB_ENV` or `$GITHUB_PATH`.',
    rationale:
      'Every later step starts with those variables and that PATH. A value with a newline can define `NODE_OPTIONS=--require=/tmp/x.js`, `LD_PRELOAD` or `BASH_ENV`, or put an attacker directory first on PATH: code execution in the privileged job even though the script itself was quoted correctly. High; confidence medium because the written value may be validated first. Not reported in a job or step guarded by `github.event.pull_request.head.repo.full_name == github.repository` (or `head.repo.fork == false`): only people who can push branches here reach it, and they can change the workflow anyway.',
    remediation:
      'Do not export untrusted values to later steps. Validate them (e.g. a number: `[[ "$PR" =~ ^[0-9]+$ ]]`) and pass them as step outputs or `env:` of the step that needs them.',
    category: 'security',
    severity: 'high',
    confidence: 'medium',
    aliases: ['zizmor:github-env'],
    references: ['https://securitylab.github.com/resources/github-actions-new-patterns-and-mitigations/'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/greet.yml',
          code: `on: issues
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - env:
          TITLE: \${{ github.event.issue.title }}
        run: echo "TITLE=$TITLE" >> "$GITHUB_ENV"
`,
          errors: [{ line: 8, column: 34, endLine: 8, endColumn: 50 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/greet.yml',
          code: `on: issues
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - env:
          TITLE: \${{ github.event.issue.title }}
        run: echo "The title is $TITLE"
`,
        },
      ],
    },
  },
  check(unit, ctx) {
    const privileged =
      unit.kind === 'workflow' && unit.triggers.some((t) => t.trust === 'untrusted-privileged');
    for (const step of allSteps(unit)) {
      if (sameRepoOnly(step.job, step)) continue;
      for (const hit of findInScript(step.run, WRITE)) {
        const line = hit.line.text;
        let why: string | undefined;
        for (const v of line.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
          const source = directSource(envFor(step, v[1]!)?.value);
          if (source) {
            why = `\`$${v[1]}\` (from \`${source}\`)`;
            break;
          }
        }
        if (!why && privileged) {
          const files = untrustedFilesBefore(step);
          if (files) {
            const lines = scriptLines(step.run!.text!);
            const written = writtenText(lines, hit.line, hit.line.start + hit.match.index!);
            const variable = usesVar(written, fileVars(lines, hit.line.start));
            if (variable) why = `\`$${variable}\`, read from ${files},`;
            else if (FILE_READ.test(written)) why = `content from ${files}`;
          }
        }
        if (!why) continue;
        ctx.report({
          at: hit.loc,
          message: `${why} is written to \`$${hit.match[2]!.toUpperCase()}\`, so it can set variables or PATH entries for every later step.`,
          resource: resourceOf(step),
          // Comments cannot go inside a block scalar: an ignore comment anywhere in the step applies.
          container: step,
          evidence: line.trim(),
        });
      }
    }
  },
});
