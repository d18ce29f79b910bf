/** The scanner and the reporters the Action drives: the CLI's `scan()` and `@plumbline/reporters`. */
import { scan as cliScan, type ScanOptions } from '@plumbline/cli';
import type { RunResult } from '@plumbline/core';
import {
  type MarkdownOptions,
  renderMarkdown,
  renderSarif,
  renderText as textReport,
} from '@plumbline/reporters';

export type { MarkdownOptions, ScanOptions };

export interface Engine {
  scan(options: ScanOptions): Promise<RunResult>;
  renderSarif(result: RunResult): string;
  renderMarkdown(result: RunResult, options?: MarkdownOptions): string;
  renderText(result: RunResult): string;
}

/** The real engine; `presetDirs` points at the presets shipped next to the bundle. */
export function createEngine(options: { presetDirs?: string[] } = {}): Engine {
  return {
    scan: (scanOptions) =>
      cliScan({ ...(options.presetDirs ? { presetDirs: options.presetDirs } : {}), ...scanOptions }),
    renderSarif,
    renderMarkdown,
    // The runner's log shows ANSI colours, but annotations already mark the lines; keep it plain.
    renderText: (result) => textReport(result, { color: false }),
  };
}
