/** The scanner and the reporters the Action drives: the CLI's `scan()` and `@plumbline/reporters`. */
import { scan as cliScan, type ScanOptions } from '@plumbline/cli';
import type { RunResult } from '@plumbline/core';
import { MemoryRenderCache } from '@plumbline/render';
import {
  type MarkdownOptions,
  renderMarkdown,
  type SarifLog,
  renderText as textReport,
  toSarif,
} from '@plumbline/reporters';

export type { MarkdownOptions, ScanOptions };

export interface Engine {
  scan(options: ScanOptions): Promise<RunResult>;
  /** The SARIF log as an object: the Action adds its category and path prefix before writing it once. */
  sarifLog(result: RunResult): SarifLog;
  renderMarkdown(result: RunResult, options?: MarkdownOptions): string;
  renderText(result: RunResult): string;
}

/**
 * The real engine; `presetDirs` points at the presets shipped next to the bundle. Its scans (the
 * head and the base of a pull request) share the outcomes of Helm and kustomize in memory: a chart
 * the change does not touch is rendered once.
 */
export function createEngine(options: { presetDirs?: string[] } = {}): Engine {
  const renderCache = new MemoryRenderCache();
  return {
    scan: (scanOptions) =>
      cliScan({
        ...(options.presetDirs ? { presetDirs: options.presetDirs } : {}),
        renderCache,
        ...scanOptions,
      }),
    sarifLog: (result) => toSarif(result),
    renderMarkdown,
    // The runner's log shows ANSI colours, but annotations already mark the lines; keep it plain.
    renderText: (result) => textReport(result, { color: false }),
  };
}
