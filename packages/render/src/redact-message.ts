import { redact } from '@plumbline/core';

/** A tool's error message fit for a report: first lines, no temp paths, long tokens redacted. */
export function cleanMessage(message: string, tempDir: string): string {
  const text = message
    .split(tempDir)
    .join('')
    // kubectl's log prefix and kustomize's deprecation warnings say nothing about the failure.
    .replace(/^E\d{4} [\d:.]+\s+\d+ \S+\] "command failed" err=/gm, '')
    .replace(/^# Warning: .*$/gm, '')
    .replace(/\/tmp\/plumbline-[A-Za-z0-9_-]+/g, '')
    .replace(/(?=[A-Za-z0-9+_=-]*\d)(?=[A-Za-z0-9+_=-]*[A-Za-z])[A-Za-z0-9+_=-]{20,}/g, (token) =>
      // Names made of short words (`02_warmpool_autoscale`) are no secrets; tokens have a long run.
      token.split(/[_-]/).every((part) => part.length <= 12) ? token : redact(token),
    )
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
  // The cause comes last in kustomize's chain of "accumulating ...: " contexts.
  return text.length > 400 ? `…${text.slice(-400)}` : text || 'no message';
}
