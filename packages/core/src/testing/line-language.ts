import type { Domain } from '../model/domain.js';
import type { Comment, Language } from '../model/language.js';
import { defineRule, type Rule } from '../model/rule.js';
import type { DomainId } from '../model/severity.js';
import type { SourceFile } from '../model/source.js';

/** One line of a toy file, with the offset where it starts. */
export interface Line {
  text: string;
  start: number;
}

export interface LineUnit {
  file: SourceFile;
  line: Line;
}

/**
 * A toy language for engine and reporter tests: files ending in `extension`, one unit per line,
 * `#` starts a comment, and `syntaxError` anywhere makes the file a parse error.
 */
export function lineLanguage(options: {
  id: string;
  extension: string;
  syntaxError: string;
  message: string;
}): Language<{
  lines: Line[];
}> {
  return {
    id: options.id,
    claims: (p) => p.endsWith(options.extension),
    parse(file) {
      const lines: Line[] = [];
      const comments: Comment[] = [];
      let start = 0;
      for (const [i, raw] of file.text.split('\n').entries()) {
        const hash = raw.indexOf('#');
        if (hash >= 0) {
          comments.push({
            line: i + 1,
            text: raw.slice(hash + 1),
            ownLine: raw.slice(0, hash).trim() === '',
            start: start + hash,
            end: start + raw.length,
          });
        }
        lines.push({ text: hash >= 0 ? raw.slice(0, hash) : raw, start });
        start += raw.length + 1;
      }
      const bad = file.text.indexOf(options.syntaxError);
      if (bad < 0) return { model: { lines }, problems: [], comments };
      const loc = { file, start: bad, end: bad + options.syntaxError.length };
      return { model: undefined, problems: [{ message: options.message, loc }], comments };
    },
  };
}

/** A domain whose units are the lines of every file of the toy language. */
export function lineDomain(id: DomainId, languageId: string): Domain<LineUnit> {
  return {
    id,
    languages: [languageId],
    *units(project) {
      for (const f of project.byLanguage<{ lines: Line[] }>(languageId))
        for (const line of f.model.lines) yield { file: f.file, line };
    },
  };
}

/** A high-severity rule of `domain` reporting the first `word` of each line (engine tests). */
export function wordRule(id: string, domain: Domain<LineUnit>, word: string): Rule<LineUnit> {
  return defineRule({
    id,
    domain,
    meta: {
      title: `No ${word}`,
      description: `${word} is bad`,
      rationale: 'because',
      remediation: `remove ${word}`,
      category: 'security',
      severity: 'high',
      confidence: 'high',
      aliases: [],
      examples: { invalid: [], valid: [] },
    },
    check({ file, line }, ctx) {
      const i = line.text.indexOf(word);
      if (i >= 0)
        ctx.report({
          at: { file, start: line.start + i, end: line.start + i + word.length },
          message: `${word} found`,
        });
    },
  });
}
