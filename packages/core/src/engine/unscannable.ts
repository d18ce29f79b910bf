import { MAX_NESTING_DEPTH, UnscannableFileError } from '../model/language.js';
import { SourceFile } from '../model/source.js';

/**
 * A plain reason for a parser that gave up or crashed on a file: users read "nesting deeper
 * than …", not "Maximum call stack size exceeded".
 */
export function parserFailureReason(error: unknown): { reason: string; offset: number } {
  if (error instanceof UnscannableFileError) return { reason: error.message, offset: error.offset };
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError && /call stack/i.test(message))
    return {
      reason: `nesting too deep for the parser (more than it can follow; the limit is ${MAX_NESTING_DEPTH} levels)`,
      offset: 0,
    };
  if (error instanceof RangeError && /(array|string|buffer) length|allocation/i.test(message))
    return { reason: 'too large for the parser (out of memory)', offset: 0 };
  return { reason: `the parser failed: ${message.split('\n')[0]}`, offset: 0 };
}

/**
 * The file a rule's unit comes from, when the unit says so (a Dockerfile, a Kubernetes object, a
 * workflow carry their SourceFile); undefined for units made of several files (a Terraform module).
 */
export function fileOfUnit(unit: unknown): SourceFile | undefined {
  if (!unit || typeof unit !== 'object') return undefined;
  const u = unit as Record<string, { file?: unknown } | unknown>;
  const candidates = [u.file, (u.loc as { file?: unknown })?.file, (u.document as { file?: unknown })?.file];
  return candidates.find((c): c is SourceFile => c instanceof SourceFile);
}
