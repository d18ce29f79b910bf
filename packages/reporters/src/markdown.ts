import { type Finding, type RunResult, type ScanError, SEVERITIES, type Severity } from '@plumbline/core';
import {
  active,
  artifactUri,
  byPriority,
  countBySeverity,
  ERROR_LABELS,
  errorText,
  formatDuration,
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
  /** Findings the last push resolved (the Action knows from the previous comment): "N fixed since the last push". */
  fixed?: number;
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

/** Counts in one line: the verdict, the severities, what the last push fixed, what could not be scanned. */
function verdict(findings: readonly Finding[], onlyNew: boolean, fixed: number, unscanned: number): string {
  const noun = onlyNew ? 'new finding' : 'finding';
  const extras = [
    ...(fixed > 0 ? [`✔️ ${fixed} fixed since the last push`] : []),
    ...(unscanned > 0 ? [`${plural(unscanned, 'file')} could not be scanned`] : []),
  ];
  const tail = extras.length > 0 ? ` · ${extras.join(' · ')}` : '';
  if (findings.length === 0) return `✅ **No ${noun}s**${tail}`;
  const counts = countBySeverity(findings);
  const icon = counts.critical + counts.high > 0 ? '❌' : counts.medium + counts.low > 0 ? '⚠️' : 'ℹ️';
  const breakdown = SEVERITIES.filter((s) => counts[s] > 0)
    .map((s) => `${ICON[s]} ${counts[s]} ${s}`)
    .join(' · ');
  return `${icon} **${plural(findings.length, noun)}**: ${breakdown}${tail}`;
}

/** The findings that start on one line of one file, most important first: one entry in the comment. */
interface LineEntry {
  file: string;
  line: number;
  findings: Finding[];
}

/** Groups findings by file and start line; entries come in priority order of their first finding. */
function lineEntries(findings: readonly Finding[]): LineEntry[] {
  const entries = new Map<string, LineEntry>();
  for (const f of [...findings].sort(byPriority)) {
    const key = `${f.file}\u0000${f.startLine}`;
    const entry = entries.get(key);
    if (entry) entry.findings.push(f);
    else entries.set(key, { file: f.file, line: f.startLine, findings: [f] });
  }
  return [...entries.values()];
}

function isUrgent(entry: LineEntry): boolean {
  const s = entry.findings[0]!.severity;
  return s === 'critical' || s === 'high';
}

/** How to fix, the suggested change and the facts of one finding, for a collapsed block. */
function findingDetails(f: Finding, ctx: Context, withRule: boolean): string[] {
  const details: string[] = [];
  if (withRule)
    details.push(
      `  ${ICON[f.severity]} ${link(code(f.ruleId), ctx.ruleUrl(f.ruleId))}: ${escapeInline(f.message)}`,
    );
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
  return details;
}

/**
 * One line's findings as one list item. In the "Fix first" list the place is `file:line`; under a
 * file heading it is `line N`.
 */
function entryItem(entry: LineEntry, ctx: Context, withFile: boolean): string {
  const first = entry.findings[0]!;
  const place = withFile ? code(`${entry.file}:${entry.line}`) : `line ${entry.line}`;
  const where = link(place, ctx.fileUrl(entry.file, entry.line));
  if (entry.findings.length === 1) {
    const rule = link(code(first.ruleId), ctx.ruleUrl(first.ruleId));
    const head = `- ${ICON[first.severity]} **${LABEL[first.severity]}** · ${where} · ${rule}<br>\n  ${escapeInline(first.message)}`;
    return `${head}\n  <details><summary>${htmlWithCode(first.title || 'Details')}</summary>\n\n${findingDetails(first, ctx, false).join('\n\n')}\n\n  </details>`;
  }
  const rules = entry.findings.map((f) => link(code(f.ruleId), ctx.ruleUrl(f.ruleId))).join(', ');
  const head = `- ${ICON[first.severity]} **${LABEL[first.severity]}** · ${where} · ${entry.findings.length} findings: ${rules}`;
  const lines = entry.findings.map((f) => `  - ${ICON[f.severity]} ${escapeInline(f.message)}`);
  const details = entry.findings.flatMap((f) => findingDetails(f, ctx, true));
  return `${head}\n${lines.join('\n')}\n  <details><summary>How to fix</summary>\n\n${details.join('\n\n')}\n\n  </details>`;
}

function fileBlock(file: string, entries: readonly LineEntry[], ctx: Context): string {
  const findings = entries.flatMap((e) => e.findings);
  const summary = `<code>${escapeHtml(file)}</code> · ${plural(findings.length, 'finding')} (${severityBreakdown(countBySeverity(findings))})`;
  return `<details><summary>${summary}</summary>\n\n${entries.map((e) => entryItem(e, ctx, false)).join('\n')}\n\n</details>`;
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
 * A pull-request comment or job-summary body, worst first: a hidden marker, the counts in one line,
 * a "Fix first" list of the critical and high findings with `file:line` links, the other findings
 * grouped by file in collapsed blocks, then collapsed lists of files that could not be scanned and of
 * suppressed findings. Findings on one line are one entry. When the body would grow past
 * `maxLength` the most important lines are kept (severity, then confidence, then file order) and
 * the rest counted in "…and N more findings". Never longer than `maxLength`.
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
  head.push(verdict(findings, ctx.onlyNew, options.fixed ?? 0, unscanned));

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

  const fixedCost = [...head, ...tail].join('\n\n').length + 4;
  const budget = maxLength - fixedCost - MORE_RESERVE;
  const entries = lineEntries(findings);
  const items = new Map(entries.map((e) => [e, entryItem(e, ctx, isUrgent(e))]));

  // In priority order until one does not fit: a shorter, less important line never takes the
  // place of a more important one.
  let chosen = new Set<LineEntry>();
  let used = 0;
  const files = new Set<string>();
  for (const entry of entries) {
    const cost =
      items.get(entry)!.length +
      1 +
      (isUrgent(entry) || files.has(entry.file) ? 0 : fileBlock(entry.file, [], ctx).length + 40);
    if (used + cost > budget) break;
    chosen.add(entry);
    if (!isUrgent(entry)) files.add(entry.file);
    used += cost;
  }

  const assemble = () => {
    const body: string[] = [];
    const urgent = entries.filter((e) => chosen.has(e) && isUrgent(e));
    if (urgent.length > 0) body.push(`**Fix first**\n\n${urgent.map((e) => items.get(e)!).join('\n')}`);
    const rest = entries.filter((e) => chosen.has(e) && !isUrgent(e));
    if (rest.length > 0) {
      // Files in the engine's order, lines in file order within each.
      const order = new Map(findings.map((f, i) => [f, i]));
      rest.sort((a, b) => order.get(a.findings[0]!)! - order.get(b.findings[0]!)!);
      const byFile = new Map<string, LineEntry[]>();
      for (const e of rest) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
      const blocks = [...byFile].map(([file, group]) => fileBlock(file, group, ctx));
      body.push(`${urgent.length > 0 ? '**Other findings**' : '**Findings**'}\n\n${blocks.join('\n\n')}`);
    }
    const omitted = entries.filter((e) => !chosen.has(e)).flatMap((e) => e.findings);
    if (omitted.length > 0) body.push(moreLine(omitted));
    return `${[...head, ...body, ...tail].join('\n\n')}\n`;
  };

  let text = assemble();
  // The estimate above is close; make the cap exact by dropping the least important shown line.
  const dropOrder = entries.filter((e) => chosen.has(e)).reverse();
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
