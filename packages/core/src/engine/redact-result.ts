import type { RunResult } from '../model/finding.js';
import { redactSecrets as redactText } from '../redact.js';

/**
 * The one redaction pass: every text a reporter may print that can quote a scanned file
 * (finding messages, resources, fix suggestions, file errors and warnings) goes through
 * `redactSecrets`. A fix whose replacement held a secret is dropped rather than shown altered.
 */
export function redactRunResult(result: RunResult): RunResult {
  // Most texts repeat (one rule's message over many files: ~10,000 distinct of ~37,000 on the
  // shared corpus), and a text that passes the quick test costs fifteen replaces: each once.
  const redacted = new Map<string, string>();
  const redactSecrets = (text: string): string => {
    let out = redacted.get(text);
    if (out === undefined) {
      out = redactText(text);
      redacted.set(text, out);
    }
    return out;
  };
  for (const finding of result.findings) {
    finding.message = redactSecrets(finding.message);
    if (finding.resource) finding.resource = redactSecrets(finding.resource);
    if (finding.suppressed) finding.suppressed.reason = redactSecrets(finding.suppressed.reason);
    if (finding.fix) {
      const replacement = redactSecrets(finding.fix.replacement);
      const description = redactSecrets(finding.fix.description);
      if (replacement !== finding.fix.replacement) delete finding.fix;
      else finding.fix.description = description;
    }
  }
  for (const error of result.errors) error.message = redactSecrets(error.message);
  return result;
}
