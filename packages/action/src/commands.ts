import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/**
 * Workflow commands (`::error file=...::message`), step outputs and the job summary, written the
 * way the runner reads them. See "Workflow commands for GitHub Actions" in GitHub's docs.
 */

/** Escapes a command's message: `%`, CR and LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value: the message escapes plus `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function command(
  name: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export interface AnnotationProperties {
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

export function annotation(
  level: 'error' | 'warning' | 'notice',
  message: string,
  props: AnnotationProperties = {},
): string {
  // GitHub ignores columns on multi-line annotations; send them only for a single line.
  const single = props.line !== undefined && (props.endLine === undefined || props.endLine === props.line);
  return command(
    level,
    {
      file: props.file,
      line: props.line,
      endLine: props.endLine,
      col: single ? props.col : undefined,
      endColumn: single ? props.endColumn : undefined,
      title: props.title,
    },
    message,
  );
}

/** Appends `name=value` to `$GITHUB_OUTPUT` with a random heredoc delimiter (values may span lines). */
export function setOutput(file: string | undefined, name: string, value: string): void {
  if (!file) return;
  let delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

/** Appends Markdown to `$GITHUB_STEP_SUMMARY` (GitHub shows up to 1 MiB per step). */
export function appendSummary(file: string | undefined, markdown: string): void {
  if (!file) return;
  appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
}
