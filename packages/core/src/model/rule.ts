import type { Domain } from './domain.js';
import type { Project } from './project.js';
import type { Category, Confidence, DomainId, Severity } from './severity.js';
import type { Loc, Located } from './source.js';

/** A snippet shown in the docs and executed by the meta-tests, so docs cannot lie. */
export interface RuleExample {
  /** Path of the file the snippet stands for, e.g. `Dockerfile` or `k8s/deploy.yaml`. */
  filename: string;
  code: string;
  /** Extra files needed for cross-file rules (also shown in the docs). */
  files?: Record<string, string>;
  /** Rule options the example is run with (rules whose findings depend on configuration). */
  options?: Record<string, unknown>;
}

export interface InvalidExample extends RuleExample {
  /** The exact spans the rule must report on `filename`, in order. */
  errors: { line: number; column: number; endLine: number; endColumn: number }[];
}

export interface RuleMeta<O = Record<string, never>> {
  title: string;
  /** What is wrong, in a sentence or two. */
  description: string;
  /** Why it matters and why this severity: a reviewer should be able to defend it. */
  rationale: string;
  /** What to do about it. */
  remediation: string;
  category: Category;
  severity: Severity;
  confidence: Confidence;
  /** Ids of the equivalent rule in other scanners (DL3002, CKV_K8S_16, kube-linter:host-network, ...). */
  aliases: string[];
  references?: string[];
  fixable?: boolean;
  /** Off unless a config or preset turns it on. */
  optIn?: boolean;
  options?: {
    /** JSON Schema of the options object; config options are validated against it. */
    schema: Record<string, unknown>;
    defaults: O;
  };
  examples: { invalid: InvalidExample[]; valid: RuleExample[] };
}

/** A textual fix: replace whole lines of a file (what a GitHub suggestion can carry). */
export interface LineFix {
  description: string;
  /** The lines to replace: from the first line of `loc` to its last line. */
  loc: Loc;
  replacement: string;
}

export interface Report {
  /** The node to point at; the engine resolves it to a span. */
  at: Loc | Located;
  message: string;
  /** e.g. `Deployment/production/api`, `aws_s3_bucket.logs`, `jobs.build`, `stage runtime`. */
  resource?: string;
  /** What identifies this finding besides rule, file and resource; defaults to the reported text. */
  evidence?: string;
  /** The enclosing object: ignore comments anywhere inside it apply to this finding. */
  container?: Loc | Located;
  fix?: LineFix;
}

export interface RuleContext<O> {
  readonly options: O;
  readonly project: Project;
  report(report: Report): void;
}

export interface Rule<U = unknown, O = any> {
  readonly id: string;
  readonly domain: Domain<U>;
  readonly meta: RuleMeta<O>;
  check(unit: U, context: RuleContext<O>): void;
}

export type AnyRule = Rule<any, any>;

export function ruleDomainId(id: string): DomainId {
  return id.slice(0, id.indexOf('/')) as DomainId;
}

/** Identity with types: a rule is one typed call (id, domain, meta, check). */
export function defineRule<U, O = Record<string, never>>(rule: Rule<U, O>): Rule<U, O> {
  return rule;
}
