/**
 * The shape of one registry module's table: which inputs feed which rule, when a value is
 * insecure, and the input's default per version range. Tables are data only (one file per
 * module); `lib/registry-modules.ts` applies them to `module` blocks.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A version range `[from, until)`; either end open. Versions are `major.minor.patch` prefixes. */
export interface VersionRange {
  from?: string;
  until?: string;
}

/** When a value is insecure. */
export type Predicate =
  | { equals: Json }
  /** An empty list or object, or null (`cluster_encryption_config = {}` turns encryption off). */
  | { empty: true }
  /** A list holding one of these strings (`["0.0.0.0/0"]`). */
  | { containsAny: string[] }
  /** A list (or string) with an element matching this regular expression. */
  | { anyMatches: string }
  /** A list lacking one of these strings (log types). */
  | { lacksAny: string[] }
  /** A number below this one. */
  | { below: number }
  /** An object whose field satisfies the predicate (false when the field is missing). */
  | { field: string; is: Predicate }
  /**
   * A list with an element, or a map with a value, that satisfies the predicate (a listener, an
   * ingress rule). A call that sets it is reported at that element.
   */
  | { some: Predicate }
  /** An object whose port range `[from, to]` (numbers or numeric strings) includes one of these ports. */
  | { coversAny: number[]; from: string; to: string }
  | { anyOf: Predicate[] }
  | { allOf: Predicate[] }
  | { not: Predicate };

export interface InputCheck {
  /** The rule that reports it (`terraform/eks-public-endpoint`). */
  rule: string;
  input: string;
  /** The versions in which the input has this name; elsewhere its default is not applied. */
  versions?: VersionRange;
  insecure: Predicate;
  /** The input's default per version range, for calls that do not set it. */
  defaults?: (VersionRange & { value: Json })[];
  /** Only checked when another input, set or defaulted, satisfies a predicate. */
  when?: { input: string; is: Predicate; defaults?: (VersionRange & { value: Json })[] };
  /** What the finding says after "`module.x` sets `input = value`:" / "leaves `input` at ...:". */
  consequence: string;
}

export interface ModuleTable {
  /** Registry address `namespace/name/provider`, with `//modules/x` for a submodule. */
  source: string;
  /**
   * Inputs that, set to `false`, make the call create nothing this table describes. Defaults to the
   * common ones (`create`, `create_bucket`, ...); a module whose `create_role` only controls an
   * IAM role (Lambda) must list its own.
   */
  creates?: string[];
  /** The GitHub repository, for `git::`/`github.com/` sources (`terraform-aws-modules/terraform-aws-eks`). */
  repository: string;
  /** The newest version the table was checked against; a call without `version` is taken as it. */
  latest: string;
  /** Where the defaults come from. */
  docs: string[];
  inputs: InputCheck[];
}
