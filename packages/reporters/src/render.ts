import type { RunResult } from '@plumbline/core';
import { renderJson, renderJsonChunks } from './json.js';
import { type MarkdownOptions, renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif/sarif.js';
import { renderText, type TextOptions } from './text.js';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}

/** Options of every format; each renderer reads only its own (text: colour off unless asked). */
export type RenderOptions = Partial<TextOptions> & MarkdownOptions;

/** One entry point for the CLI and the Action: the report in `format`, ending with a newline. */
export function renderReport(format: ReportFormat, result: RunResult, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(result, { ...options, color: options.color ?? false });
    case 'json':
      return renderJson(result);
    case 'sarif':
      return renderSarif(result);
    case 'markdown':
      return renderMarkdown(result, options);
    default:
      throw new Error(
        `unknown report format: ${String(format satisfies never)} (expected one of ${FORMATS.join(', ')})`,
      );
  }
}

/**
 * The same report in pieces to write one after the other: JSON comes a few hundred findings at
 * a time (large scans); the other formats in one piece.
 */
export function renderReportChunks(
  format: ReportFormat,
  result: RunResult,
  options: RenderOptions = {},
): Iterable<string> {
  return format === 'json' ? renderJsonChunks(result) : [renderReport(format, result, options)];
}
