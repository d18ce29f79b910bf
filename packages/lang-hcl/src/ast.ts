import type { Loc } from '@plumbline/core';

/**
 * HCL expressions with their source ranges. Values are computed later by the evaluator; the
 * syntax is kept so rules can point at the exact attribute, list element or object key.
 */
export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null; loc: Loc }
  /** A quoted string or heredoc with interpolations; `parts` are literal text or expressions. */
  | { kind: 'template'; parts: (string | Expr)[]; loc: Loc; heredoc?: boolean; directives?: boolean }
  | { kind: 'tuple'; items: Expr[]; loc: Loc }
  | { kind: 'object'; items: ObjectItem[]; loc: Loc }
  /** `var.x`, `local.y["k"]`, `aws_s3_bucket.b.id`, `module.m.out`, `each.value`. */
  | { kind: 'ref'; root: string; steps: Step[]; loc: Loc }
  /** Postfix traversal of a computed value: `merge(a, b).x`, `(expr)[0]`. */
  | { kind: 'get'; target: Expr; steps: Step[]; loc: Loc }
  | { kind: 'call'; name: string; args: Expr[]; expand: boolean; loc: Loc }
  | { kind: 'conditional'; cond: Expr; whenTrue: Expr; whenFalse: Expr; loc: Loc }
  | { kind: 'binary'; op: string; left: Expr; right: Expr; loc: Loc }
  | { kind: 'unary'; op: string; operand: Expr; loc: Loc }
  | {
      kind: 'for';
      object: boolean;
      keyVar?: string;
      valueVar: string;
      collection: Expr;
      key?: Expr;
      value: Expr;
      cond?: Expr;
      group: boolean;
      loc: Loc;
    }
  /** Syntax the model does not represent; always evaluates to unknown. */
  | { kind: 'unsupported'; loc: Loc };

export type Step = { attr: string } | { index: Expr } | { splat: true };

export interface ObjectItem {
  /** The key as written when it is an identifier or a literal string, else undefined. */
  name: string | undefined;
  key: Expr;
  value: Expr;
  loc: Loc;
}

export interface Attribute {
  name: string;
  nameLoc: Loc;
  expr: Expr;
  /** The whole `name = expr`. */
  loc: Loc;
}

export interface Block {
  type: string;
  labels: string[];
  /** Keyword and labels, without the body: where a finding about a missing attribute points. */
  headerLoc: Loc;
  /** The whole block, braces included. */
  loc: Loc;
  attributes: Attribute[];
  blocks: Block[];
  /** Resource address (`module.db.aws_db_instance.this[0]`) when the block comes from a plan. */
  address?: string;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}

export function attribute(body: Body, name: string): Attribute | undefined {
  return body.attributes.find((a) => a.name === name);
}

export function childBlocks(body: Body, type: string): Block[] {
  return body.blocks.filter((b) => b.type === type);
}
