import type { ScanError } from '../../model/finding.js';
import type { Language, ParsedFile, ParseProblem } from '../../model/language.js';
import type { Report } from '../../model/rule.js';
import { SourceFile } from '../../model/source.js';
import { parseErrorRule } from '../../rules/parse-error.js';
import { unscannableRule } from '../../rules/unscannable.js';
import { parseDirectives } from '../../suppress/directives.js';
import { decodeText } from '../decode.js';
import type { SourceEntry } from '../file-source.js';
import { parseLoading } from '../language-setup.js';
import { readAhead } from '../read-ahead.js';
import type { StageTimer } from '../stage-timer.js';
import { parserFailureReason } from '../unscannable.js';
import type { AuditRun } from './run-context.js';

/** What the read and parse stages leave for the rules. */
export interface ParseStageResult {
  /** Files whose model the later stages read (the project). */
  parsed: ParsedFile[];
  /**
   * Every parsed file in listing order, for the suppression stage: those checked as they were
   * parsed (`checkApart`) are here without their model.
   */
  suppressible: ParsedFile[];
  /** Files a language really parsed (a YAML file that is no manifest is read, not counted). */
  handled: number;
}

/**
 * Checks a file as soon as it is parsed, when every domain of its language reads that file only;
 * true when it did (the file's model is then dropped, and not kept for the later stages).
 */
export type CheckApart = (parsed: ParsedFile) => boolean;

/**
 * The "read" and "parse" stages, file by file: each listed file a language claims is read once
 * through the FileSource, decoded, and parsed once. Files that cannot be read or parsed become
 * errors (and `core/parse-error` / `core/unscannable` findings); the run goes on.
 */
export async function readAndParse(
  run: AuditRun,
  languages: readonly Language[],
  entries: readonly SourceEntry[],
  claimed: ReadonlySet<string>,
  rendered: readonly SourceFile[],
  timer: StageTimer,
  checkApart: CheckApart = () => false,
): Promise<ParseStageResult> {
  const { options, config, errors } = run;
  const out: ParseStageResult = { parsed: [], suppressible: [], handled: 0 };
  const keep = (parsed: ParsedFile | undefined) => {
    if (!parsed) return;
    if (checkApart(parsed)) {
      out.suppressible.push({ ...parsed, model: undefined });
    } else {
      out.parsed.push(parsed);
      out.suppressible.push(parsed);
    }
  };
  // First pass: what to read (in listing order); skipped, unclaimed and oversized files are noted here.
  const toRead: { entry: SourceEntry; language: Language }[] = [];
  for (const entry of entries) {
    if (claimed.has(entry.path)) continue;
    const language = languages.find((l) => l.claims(entry.path));
    if (entry.skipped) {
      // Links out of the root and special files are always listed; a broken link only when it names a file we would read.
      if (language || entry.skipped.kind !== 'unreadable')
        errors.push({
          kind: entry.skipped.kind,
          file: entry.path,
          message: `skipped: ${entry.skipped.reason}`,
        });
      continue;
    }
    if (!language) continue;
    if (entry.size > config.maxFileSize) {
      errors.push({
        kind: 'too-large',
        file: entry.path,
        message: `skipped: ${entry.size} bytes is over the ${config.maxFileSize}-byte limit (maxFileSize)`,
      });
      continue;
    }
    toRead.push({ entry, language });
  }
  let done = 0;
  const reads = readAhead(
    options.source,
    toRead.map((r) => r.entry.path),
  );
  for (const { entry, language } of toRead) {
    const started = performance.now();
    const outcome = (await reads.next()).value!;
    timer.add('read', performance.now() - started);
    done++;
    if ('error' in outcome) {
      errors.push({
        kind: 'unreadable',
        file: entry.path,
        message: `cannot read: ${outcome.error.message}`,
      });
      continue;
    }
    const decoded = decodeText(outcome.bytes);
    if ('binary' in decoded) {
      errors.push({ kind: 'binary', file: entry.path, message: decoded.binary });
      continue;
    }
    const file = new SourceFile(entry.path, decoded.text, { repoPath: entry.repoPath, named: entry.named });
    keep(await timedParse(run, language, file, out, timer));
    options.onFile?.(entry.path, done);
  }
  for (const file of rendered) {
    const language = languages.find((l) => l.claims(file.path));
    if (language) keep(await timedParse(run, language, file, out, timer));
  }
  for (const warning of options.source.warnings)
    errors.push({ kind: 'unreadable', file: warning.path, message: warning.message });
  return out;
}

/** `parseFile` in the "parse" stage's time (a grammar it loads on demand included). */
async function timedParse(
  run: AuditRun,
  language: Language,
  file: SourceFile,
  out: ParseStageResult,
  timer: StageTimer,
): Promise<ParsedFile | undefined> {
  const started = performance.now();
  const parsed = await parseFile(run, language, file, out);
  timer.add('parse', performance.now() - started);
  return parsed;
}

/**
 * Parses one file, loading what its language loads on demand if the file needs it; never throws
 * (a parser that gives up or crashes, or a grammar that cannot be loaded, leaves a
 * `core/unscannable` finding). Returns the parsed file when the language made a model.
 */
async function parseFile(
  run: AuditRun,
  language: Language,
  file: SourceFile,
  out: ParseStageResult,
): Promise<ParsedFile | undefined> {
  const { errors } = run;
  const unscannable = (reason: string, start: number, end = start + 1) => {
    errors.push({
      kind: 'unscannable',
      file: file.path,
      ...file.position(start),
      message: `not fully scanned: ${reason}`,
    });
    if (run.isEnabled(unscannableRule)) {
      const at = { file, start, end: Math.max(end, start + 1) };
      run.report(unscannableRule, { at, message: `Not fully scanned: ${reason}.`, evidence: reason });
    }
  };
  try {
    const result = await parseLoading(language, file);
    for (const problem of result.problems) errors.push(parseErrorOf(problem));
    // One finding per broken file: parsers report cascades of errors after the first one.
    const [first, ...rest] = result.problems;
    if (first && run.isEnabled(parseErrorRule)) {
      const more = rest.length ? ` (and ${rest.length} more ${rest.length === 1 ? 'error' : 'errors'})` : '';
      run.report(parseErrorRule, {
        ...reportOfProblem(first),
        message: `Could not parse this file: ${first.message}${more}`,
      });
    }
    for (const part of result.unscanned ?? []) unscannable(part.message, part.loc.start, part.loc.end);
    if (result.model !== undefined || result.problems.length > 0 || result.unscanned?.length) out.handled++;
    if (result.skipped) errors.push({ kind: 'skipped', file: file.path, message: result.skipped });
    if (result.model === undefined) return undefined;
    // Comments are kept for the suppression stage, which reads them only in files with an ignore
    // comment: elsewhere they are dropped now rather than held to the end of the run.
    const comments = parseDirectives(result.comments).length > 0 ? result.comments : [];
    return { language: language.id, file, model: result.model, comments };
  } catch (error) {
    // Overflow, a budget spent, a parser bug: the file is reported, so it cannot pass a gate unseen.
    const { reason, offset } = parserFailureReason(error);
    unscannable(reason, Math.min(offset, Math.max(0, file.text.length - 1)));
    out.handled++;
    return undefined;
  }
}

function parseErrorOf(problem: ParseProblem): ScanError {
  const { line, column } = problem.loc.file.position(problem.loc.start);
  return { kind: 'parse', file: problem.loc.file.path, line, column, message: problem.message };
}

function reportOfProblem(problem: ParseProblem): Report {
  return {
    at: problem.loc,
    message: `Could not parse this file: ${problem.message}`,
    evidence: problem.message,
  };
}
