import { type Finding, type RunResult, type ScanError, SEVERITIES, type Severity } from '@plumbline/core';
import {
  active,
  artifactUri,
  bySeverityDesc,
  countBySeverity,
  ERROR_LABELS,
  errorText,
  formatDuration,
  groupByFile,
  isFileError,
  plural,
  ruleIndex,
  severityBreakdown,
  suppressedFindings,
  suppressionText,
} from './common.js';

export interface MarkdownOptions {
  /** Heading of the comment; default `Plumbline`. */
  title?: string;
  /** Hard cap on the length of the body (GitHub's comment limit is 65,536). */
  maxLength?: number;
  /** Link to a line of a file (e.g. a blob URL at the head commit); default `file#L12`. */
  fileUrl?: (file: string, line: number) => string;
  /** Link to a rule's docs; default the rule's `helpUri`. */
  ruleUrl?: (ruleId: string) => string;
  /** Say "new findings" (the run is against a baseline) and do not list suppressed ones. */
  onlyNew?: boolean;
  /** A hidden line that lets the Action find and update its own comment, e.g. `<!-- plumbline -->`. */
  marker?: string;
}

export const DEFAULT_MARKDOWN_MAX_LENGTH = 60_000;

const LABEL: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};
const ICON: Record<Severity, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵', info: '⚪' };

/** At most this share of the body goes to the "could not scan" and "suppressed" lists. */
const SIDE_LIST_SHARE = 0.15;
/** Room kept for the "…and N more findings" line. */
const MORE_RESERVE = 200;

/* ------------------------------------------------------------------ escaping */

/**
 * Text from rules and scanned files, made safe to put inline in a comment: newlines folded,
 * Markdown/HTML punctuation escaped (so `<script>`, `*`, `[x](y)` show as typed), @mentions
 * defused; `code spans` the rule author wrote are kept as code.
 */
export function escapeInline(text: string): string {
  const folded = text.replace(/\s*\r?\n\s*/g, ' ').trim();
  let out = '';
  let last = 0;
  for (const match of folded.matchAll(/`[^`]+`/g)) {
    out += escapePlain(folded.slice(last, match.index));
    out += match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(folded.slice(last));
}

function escapePlain(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~]/g, (c) => `\\${c}`).replace(/(^|[^\w])@(?=[A-Za-z0-9])/g, '$1@\u200b');
}

/** For text inside HTML (a `<summary>`), where Markdown escapes do not apply. */
function escapeHtml(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Titles use `code` spans; inside HTML they must become <code> elements to render. */
function htmlWithCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** A code span that holds any text (backticks included). */
function code(text: string): string {
  const folded = text.replace(/\s*\r?\n\s*/g, ' ');
  const longest = Math.max(0, ...[...folded.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = folded.startsWith('`') || folded.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${folded}${pad}${fence}`;
}

/** A link destination that survives Markdown: no spaces, no unbalanced parentheses. */
function href(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}

function link(text: string, url: string | undefined): string {
  return url ? `[${text}](${href(url)})` : text;
}

function fenced(body: string, language: string, indent: string): string {
  const longest = Math.max(0, ...[...body.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${language}`, ...body.split('\n'), fence].map((l) => (l ? indent + l : l)).join('\n');
}

function languageOf(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  if (base === 'dockerfile' || base.endsWith('.dockerfile') || base.startsWith('dockerfile.'))
    return 'dockerfile';
  if (/\.ya?ml$/.test(base)) return 'yaml';
  if (/\.(tf|hcl|tfvars)$/.test(base)) return 'hcl';
  if (base.endsWith('.json')) return 'json';
  return '';
}

/* ------------------------------------------------------------------ pieces */

interface Context {
  result: RunResult;
  fileUrl: (file: string, line: number) => string;
  ruleUrl: (ruleId: string) => string | undefined;
  onlyNew: boolean;
}

function verdict(findings: readonly Finding[], onlyNew: boolean): string {
  const noun = onlyNew ? 'new finding' : 'finding';
  if (findings.length === 0) return `✅ **No ${noun}s**`;
  const counts = countBySeverity(findings);
  const icon = counts.critical + counts.high > 0 ? '❌' : counts.medium + counts.low > 0 ? '⚠️' : 'ℹ️';
  return `${icon} **${plural(findings.length, noun)}**: ${severityBreakdown(counts)}`;
}

function severityTable(findings: readonly Finding[]): string | undefined {
  if (findings.length === 0) return undefined;
  const counts = countBySeverity(findings);
  const rows = SEVERITIES.filter((s) => counts[s] > 0).map(
    (s) => `| ${ICON[s]} ${LABEL[s]} | ${counts[s]} |`,
  );
  return ['| Severity | Findings |', '| :-- | --: |', ...rows].join('\n');
}

function fileHeading(file: string, count: number): string {
  return `**${code(file)}** · ${plural(count, 'finding')}`;
}

function findingItem(f: Finding, ctx: Context): string {
  const rule = link(code(f.ruleId), ctx.ruleUrl(f.ruleId));
  const where = link(`line ${f.startLine}`, ctx.fileUrl(f.file, f.startLine));
  const head = `- ${ICON[f.severity]} **${LABEL[f.severity]}** · ${rule} · ${where}<br>\n  ${escapeInline(f.message)}`;

  const details: string[] = [];
  if (f.remediation) details.push(`  **How to fix:** ${escapeInline(f.remediation)}`);
  if (f.fix) {
    const lines =
      f.fix.startLine === f.fix.endLine
        ? `line ${f.fix.startLine}`
        : `lines ${f.fix.startLine}–${f.fix.endLine}`;
    details.push(`  Suggested change (${lines}): ${escapeInline(f.fix.description)}`);
    details.push(fenced(f.fix.replacement, languageOf(f.file), '  '));
  }
  const facts: string[] = [];
  if (f.resource) facts.push(`Resource: ${code(f.resource)}`);
  facts.push(`Confidence: ${f.confidence}`);
  if (f.aliases.length > 0) facts.push(`Also known as: ${f.aliases.map(code).join(', ')}`);
  details.push(`  ${facts.join(' · ')}`);
  return `${head}\n  <details><summary>${htmlWithCode(f.title || 'Details')}</summary>\n\n${details.join('\n\n')}\n\n  </details>`;
}

function errorItem(e: ScanError): string {
  const where = e.file ? `${code(e.file)}${e.line !== undefined ? ` line ${e.line}` : ''}: ` : '';
  return `- ${where}${ERROR_LABELS[e.kind]} — ${escapeInline(errorText(e))}`;
}

function suppressedItem(f: Finding): string {
  return `- ${code(f.ruleId)} in ${code(f.file)} line ${f.startLine} — ${escapeInline(suppressionText(f.suppressed!))}`;
}

/** A collapsed list that fits in `budget` characters, ending with "…and N more" when it does not. */
function collapsedList(summary: string, items: string[], budget: number): string | undefined {
  if (items.length === 0) return undefined;
  const open = `<details><summary>${summary}</summary>\n\n`;
  const close = '\n\n</details>';
  const kept: string[] = [];
  let used = open.length + close.length + 40;
  for (const item of items) {
    if (used + item.length + 1 > budget) break;
    kept.push(item);
    used += item.length + 1;
  }
  if (kept.length < items.length) kept.push(`- …and ${items.length - kept.length} more`);
  return `${open}${kept.join('\n')}${close}`;
}

function moreLine(omitted: readonly Finding[]): string {
  return `_…and ${plural(omitted.length, 'more finding')} (${severityBreakdown(countBySeverity(omitted))}) not shown here, to keep this comment short._`;
}

/* ------------------------------------------------------------------ the body */

/**
 * A pull-request comment or job-summary body: a hidden marker, a one-line verdict, a severity
 * table, the findings grouped by file (most severe kept first when the body would grow past
 * `maxLength`; the rest counted in "…and N more findings"), and collapsed lists of files that
 * could not be scanned and of suppressed findings. Never longer than `maxLength`.
 */
export function renderMarkdown(result: RunResult, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  const rules = ruleIndex(result);
  const ctx: Context = {
    result,
    fileUrl: options.fileUrl ?? ((file, line) => `${artifactUri(file)}#L${line}`),
    ruleUrl: options.ruleUrl ?? ((id) => rules.get(id)?.helpUri || undefined),
    onlyNew: options.onlyNew ?? false,
  };
  const findings = active(result);
  const suppressed = suppressedFindings(result);

  const head: string[] = [];
  if (options.marker) head.push(markerLine(options.marker));
  head.push(`### ${escapeInline(options.title ?? 'Plumbline')}`);
  const fileErrors = result.errors.filter(isFileError);
  const unscanned = new Set(fileErrors.map((e) => e.file)).size;
  head.push(
    verdict(findings, ctx.onlyNew) +
      (unscanned > 0 ? ` · ${plural(unscanned, 'file')} could not be scanned` : ''),
  );
  const table = severityTable(findings);
  if (table) head.push(table);

  const sideBudget = Math.floor(maxLength * SIDE_LIST_SHARE);
  const tail: string[] = [];
  const otherErrors = result.errors.length - fileErrors.length;
  const errorSummary = [
    ...(unscanned > 0 ? [`${plural(unscanned, 'file')} could not be scanned`] : []),
    ...(otherErrors > 0 ? [plural(otherErrors, 'warning')] : []),
  ].join(', ');
  const errorList = collapsedList(errorSummary, result.errors.map(errorItem), sideBudget / 2);
  if (errorList) tail.push(errorList);
  if (!ctx.onlyNew) {
    const list = collapsedList(
      plural(suppressed.length, 'suppressed finding'),
      suppressed.map(suppressedItem),
      sideBudget / 2,
    );
    if (list) tail.push(list);
  }
  tail.push(footer(result));

  const fixed = [...head, ...tail].join('\n\n').length + 4;
  const budget = maxLength - fixed - MORE_RESERVE;
  const items = new Map(findings.map((f) => [f, findingItem(f, ctx)]));

  // Most severe first, then in file order, until one does not fit: a shorter, less severe finding
  // never takes the place of a more severe one.
  let chosen = new Set<Finding>();
  let used = 0;
  const headings = new Set<string>();
  for (const f of [...findings].sort(bySeverityDesc)) {
    const cost = items.get(f)!.length + 1 + (headings.has(f.file) ? 0 : fileHeading(f.file, 99).length + 4);
    if (used + cost > budget) break;
    chosen.add(f);
    headings.add(f.file);
    used += cost;
  }

  const assemble = () => {
    const body: string[] = [];
    for (const [file, group] of groupByFile(findings.filter((f) => chosen.has(f)))) {
      body.push(`${fileHeading(file, group.length)}\n\n${group.map((f) => items.get(f)!).join('\n')}`);
    }
    const omitted = findings.filter((f) => !chosen.has(f));
    if (omitted.length > 0) body.push(moreLine(omitted));
    return `${[...head, ...body, ...tail].join('\n\n')}\n`;
  };

  let text = assemble();
  // The estimate above is close; make the cap exact by dropping the least severe shown finding.
  const dropOrder = [...chosen].sort(bySeverityDesc).reverse();
  while (text.length > maxLength && dropOrder.length > 0) {
    chosen = new Set(chosen);
    chosen.delete(dropOrder.shift()!);
    text = assemble();
  }
  if (text.length > maxLength) {
    const cut = '\n\n…(truncated)\n';
    let end = Math.max(0, maxLength - cut.length);
    // Do not split an emoji (a surrogate pair) in two.
    if (end > 0 && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
    text = (text.slice(0, end) + cut).slice(0, maxLength);
  }
  return text;
}

function markerLine(marker: string): string {
  const trimmed = marker.trim();
  if (/^<!--[\s\S]*-->$/.test(trimmed)) return trimmed;
  return `<!-- ${trimmed.replace(/--+>?/g, '-')} -->`;
}

function footer(result: RunResult): string {
  const { summary, tool } = result;
  const parts = [
    `${escapeInline(tool.name)} ${escapeInline(tool.version)}`,
    `${plural(summary.files, 'file')} scanned in ${formatDuration(summary.durationMs)}`,
    `${summary.suppressed} suppressed`,
  ];
  return `<sub>${parts.join(' · ')}</sub>`;
}
