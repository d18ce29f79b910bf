import { CST } from 'yaml';
import { giveUp } from '../native-lexer/give-up.js';
import type { ScalarStyle } from '../spans.js';

/**
 * The string value of a scalar the fused reader found in the text, where folding lines or escapes
 * are involved: `yaml`'s own `resolveAsScalar` of a token made for it (these are rare, and writing
 * the folding rules again would be a second place for them to go wrong). Any error it reports gives
 * up: the Composer reports it on the old path.
 */
export function resolvedValue(
  type: 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar',
  offset: number,
  source: string,
  strict: boolean,
): string {
  const token: CST.FlowScalar = { type, offset, indent: 0, source };
  const resolved = CST.resolveAsScalar(token, strict, scalarError);
  if (!resolved?.type) giveUp('scalar value');
  return resolved.value;
}

/** A block scalar's value and style; `indent` is its parent collection's, as the Parser gives it. */
export function blockScalarValue(
  offset: number,
  header: string,
  body: string,
  indent: number,
  strict: boolean,
): { value: string; style: ScalarStyle } {
  const token: CST.BlockScalar = {
    type: 'block-scalar',
    offset,
    indent,
    props: [{ type: 'block-scalar-header', offset, indent, source: header }],
    source: body,
  };
  const resolved = CST.resolveAsScalar(token, strict, scalarError);
  if (!resolved?.type) giveUp('block scalar value');
  return { value: resolved.value, style: resolved.type as ScalarStyle };
}

/** What would be an error (or a warning) of the document: left to the old path. */
function scalarError(): never {
  giveUp('scalar with an error');
}
