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
  /**
   * Where a rule defined outside Plumbline is documented (a custom policy: its file); such a rule
   * has no generated page, so reports link `url` when given and nothing otherwise.
   */
  docs?: { path: string; url?: string };
}

/** A textual fix: replace whole lines of a file (what a GitHub suggestion can carry). */
export interface LineFix {
  description: string;
  /** The lines to replace: from the first line of `loc` to its last line. */
  loc: Loc;
  replacement: string;
}

/** Replace the text of `loc` (an empty span inserts). */
export interface TextEdit {
  loc: Loc;
  text: string;
}

/**
 * A fix as precise edits in one file: everything else on the touched lines stays as written
 * (continuations, quoting, comments, indentation). The engine turns it into a whole-line
 * replacement of the lines the edits touch, which is what a GitHub suggestion and `audit --fix`
 * apply. Build the edits with the helpers in `fix/edits.ts` (`insertAt`, `replaceLoc`,
 * `insertLinesAfter`, which indents new lines like the file).
 */
export interface EditFix {
  description: string;
  edits: TextEdit[];
}

/** What a rule may offer with a finding: whole lines, or edits. Always safe to apply as is. */
export type Fix = LineFix | EditFix;

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
  fix?: Fix;
  /**
   * This finding's severity when it differs from the rule's documented one (a read-only mount of a
   * sensitive path is less severe than a writable one). The rule's rationale must say when; a
   * severity configured for the rule still wins.
   */
  severity?: Severity;
  /** This finding's confidence when it differs from the rule's (the entrypoint may drop root). */
  confidence?: Confidence;
  /**
   * One finding that stands for several rules at one place (one finding per cause: a container
   * missing five hardening settings is one finding listing them). Each part names the rule it
   * stands for; turning that rule off, or suppressing it by id or peer alias, removes the part
   * from the list, and the finding goes when no part is left.
   */
  parts?: ReportParts;
}

export interface ReportPart {
  /** The rule this part stands for (its id; its aliases reach the part). */
  ruleId: string;
  /** What is wrong, in a few words (`a seccomp profile`). */
  label: string;
  /** The part's severity when its rule has no configured one (normally that rule's own). */
  severity: Severity;
}

export interface ReportParts {
  items: ReportPart[];
  /** The message for the parts that remain (called again when the list narrows). */
  message: (labels: readonly string[]) => string;
  /**
   * The fix for the parts that remain, by their rule ids (called again when the list narrows, so
   * a setting whose rule is off or suppressed is not added). `Report.fix` is the fix for all parts.
   */
  fix?: (ruleIds: readonly string[]) => Fix | undefined;
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
  /**
   * True when the rule reads files its domain's `partition` would separate (a custom policy's
   * `related` objects of the whole repository): the engine then checks the domain's languages in
   * one piece while the rule is enabled.
   */
  readonly wholeProject?: boolean;
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
