import type { LineFix } from '@plumbline/core';
import type { Expression, Step } from '@plumbline/lang-yaml';
import { shellOf } from '../../lib/util.js';

/** `github.event.pull_request.head.ref` → `PR_HEAD_REF`-like names: the last two segments. */
function varName(path: string, taken: Set<string>): string {
  const parts = path.split('.').filter((p) => p !== '*' && !/^\d+$/.test(p));
  const base = parts
    .slice(-2)
    .join('_')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
  // `GITHUB_*` names are reserved for the runner's own variables.
  const bare = base.replace(/^GITHUB_/, '');
  let name = /^[A-Z_]/.test(bare) ? bare : `V_${bare}`;
  for (let i = 2; taken.has(name); i++) name = `${bare}_${i}`;
  taken.add(name);
  return name;
}

/**
 * Rewrites the step so each injected expression goes through `env:` and is read as a shell
 * variable. Offered only when that is safe and mechanical: a POSIX shell, no `env:` on the step
 * yet, a block-style step, each expression a plain context path outside single quotes.
 */
export function envFix(step: Step, injected: Expression[]): LineFix | undefined {
  const run = step.run;
  const doc = step.job?.workflow.doc ?? (step.unit.kind === 'action' ? step.unit.doc : undefined);
  if (!run || !doc || step.env.length > 0 || step.envValue || doc.get([...step.route, 'env']) !== undefined)
    return undefined;
  if (!['bash', 'sh'].includes(shellOf(step))) return undefined;
  const file = run.loc.file;
  const key = doc.keyAt([...step.route, 'run']);
  if (!key) return undefined;
  const keyPos = file.position(key.start);
  const prefix = file.lineText(keyPos.line).slice(0, keyPos.column - 1);
  if (!/^\s*(-\s+)?$/.test(prefix)) return undefined;
  const taken = new Set<string>();
  const vars: { expression: Expression; name: string }[] = [];
  for (const e of [...injected].sort((a, b) => a.loc.start - b.loc.start)) {
    if (
      e.error ||
      e.flows.length !== 1 ||
      e.contexts.length !== 1 ||
      e.body !== e.flows[0]!.loc.file.text.slice(e.flows[0]!.loc.start, e.flows[0]!.loc.end)
    )
      return undefined;
    const lineStart = file.offset(file.position(e.loc.start).line, 1);
    const before = file.text.slice(lineStart, e.loc.start);
    if ((before.match(/'/g)?.length ?? 0) % 2 === 1) return undefined;
    vars.push({ expression: e, name: varName(e.flows[0]!.path, taken) });
  }
  if (vars.length === 0) return undefined;
  // The script from the `run:` key to the end of its value, with each expression replaced.
  const start = file.offset(keyPos.line, 1);
  const endLine = file.position(run.loc.end).line;
  const end = file.offset(endLine, 1) + file.lineText(endLine).length;
  let text = '';
  let at = start;
  for (const v of vars) {
    const lineStart = file.offset(file.position(v.expression.loc.start).line, 1);
    const inDouble = (file.text.slice(lineStart, v.expression.loc.start).match(/"/g)?.length ?? 0) % 2 === 1;
    text += file.text.slice(at, v.expression.loc.start) + (inDouble ? `\${${v.name}}` : `"\${${v.name}}"`);
    at = v.expression.loc.end;
  }
  text += file.text.slice(at, end);
  const blank = ' '.repeat(prefix.length);
  const seen = new Set<string>();
  const envLines = vars
    .filter((v) => !seen.has(v.name) && seen.add(v.name))
    .map((v) => `${blank}  ${v.name}: ${v.expression.raw}`);
  const runText = text.slice(prefix.length);
  return {
    description: 'Pass the untrusted value through env: and quote it in the script',
    loc: { file, start, end },
    replacement: [`${prefix}env:`, ...envLines, `${blank}${runText}`].join('\n'),
  };
}
