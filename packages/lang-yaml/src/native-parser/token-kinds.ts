// What a lexer token is, as a small number to switch on: `yaml`'s `tokenType` gives a string, and
// the Parser compares those strings at every step.
export const BYTE_ORDER_MARK = 0;
export const DOC_MODE = 1;
export const DOC_START = 2;
export const DOC_END = 3;
export const NEWLINE = 4;
export const SPACE = 5;
export const COMMENT = 6;
export const SEQ_ITEM = 7;
export const MAP_VALUE = 8;
export const FLOW_MAP_START = 9;
export const FLOW_MAP_END = 10;
export const FLOW_SEQ_START = 11;
export const FLOW_SEQ_END = 12;
export const COMMA = 13;
export const PLAIN = 14;
export const SINGLE_QUOTED = 15;
export const DOUBLE_QUOTED = 16;
export const BLOCK_SCALAR_HEADER = 17;
/** The lexer's marker before a plain scalar or a block scalar's body: the next token is its text. */
export const SCALAR_MARKER = 18;
/** A token this parser does not read (anchor, tag, alias, directive, `?`, an error). */
export const OTHER = 19;

export type Kind = number;

/** The CST `type` of each kind, as the Parser writes it in its tokens and nodes. */
export const TYPE_OF: readonly string[] = [
  'byte-order-mark',
  'doc-mode',
  'doc-start',
  'doc-end',
  'newline',
  'space',
  'comment',
  'seq-item-ind',
  'map-value-ind',
  'flow-map-start',
  'flow-map-end',
  'flow-seq-start',
  'flow-seq-end',
  'comma',
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar-header',
];

/**
 * The kind of a token, as `yaml`'s `tokenType` reads it: a few whole tokens first (`-`, `---`,
 * `\r\n`, one-character indicators and markers), then the first character.
 */
export function kindOf(token: string): Kind {
  if (token.length === 0) return NEWLINE;
  const first = token.charCodeAt(0);
  if (token.length === 1) {
    switch (first) {
      case 0x0a:
        return NEWLINE;
      case 0x2d:
        return SEQ_ITEM;
      case 0x3a:
        return MAP_VALUE;
      case 0x7b:
        return FLOW_MAP_START;
      case 0x7d:
        return FLOW_MAP_END;
      case 0x5b:
        return FLOW_SEQ_START;
      case 0x5d:
        return FLOW_SEQ_END;
      case 0x2c:
        return COMMA;
      case 0x1f:
        return SCALAR_MARKER;
      case 0x02:
        return DOC_MODE;
      case 0xfeff:
        return BYTE_ORDER_MARK;
    }
  } else if (token === '---') return DOC_START;
  else if (token === '...') return DOC_END;
  else if (token === '\r\n') return NEWLINE;
  switch (first) {
    case 0x20:
    case 0x09:
      return SPACE;
    case 0x23:
      return COMMENT;
    case 0x27:
      return SINGLE_QUOTED;
    case 0x22:
      return DOUBLE_QUOTED;
    case 0x7c:
    case 0x3e:
      return BLOCK_SCALAR_HEADER;
  }
  return OTHER;
}

/** Why a token of kind `OTHER` is not read (only asked when giving up). */
export function otherReason(token: string): string {
  switch (token[0]) {
    case '&':
      return 'anchor';
    case '*':
      return 'alias';
    case '!':
      return 'tag';
    case '%':
      return 'directive';
    case '?':
      return 'explicit key';
    case '\x18':
      return 'flow error end';
  }
  return 'not a YAML token';
}
