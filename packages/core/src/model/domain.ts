import type { Project } from './project.js';
import type { DomainId } from './severity.js';

/** A suppression that a domain reads from its own model (e.g. a Kubernetes annotation). */
export interface DomainSuppression {
  /** Rule ids or aliases; `*` for all. */
  rules: string[];
  reason: string;
  file: string;
  /** Lines (1-based, inclusive) of the object the suppression covers. */
  startLine: number;
  endLine: number;
}

/** Files that `file`'s units read, given by path (only those the scan holds count). */
export interface PathLink {
  file: string;
  /** These exact paths. */
  paths?: string[];
  /** Every path under these folders (`''`: the whole scan). */
  folders?: string[];
  /** Every path equal to one of these, or ending with `/` and one of these. */
  suffixes?: string[];
}

/**
 * A family of rules and the units they check: a Dockerfile, a Kubernetes object, a workflow, a
 * Terraform module. The domain builds the units from the parsed project once per run.
 */
export interface Domain<U> {
  id: DomainId;
  /** Languages whose files this domain reads (so the engine parses only what rules need). */
  languages: string[];
  units(project: Project): Iterable<U>;
  /**
   * True when a unit and its rules read one file only (a Dockerfile): the engine may then check
   * such files apart from each other, in worker threads. Leave it out when any rule of the
   * domain looks across files (the Kubernetes graph, Terraform modules, workflow pins).
   */
  fileLocal?: boolean;
  /**
   * For a cross-file domain: which of these paths (files of its languages, in listing order) must
   * be checked together. Files of different groups never meet in a unit or a rule of the domain,
   * so the engine may check them in different threads; a path in no group is file-local. Leave it
   * out when any file may read any other (the engine then keeps the languages in one piece).
   */
  partition?(paths: readonly string[]): string[][];
  /**
   * What the files' contents tie together beyond `partition` (found once parsed: a kustomization
   * naming `../base`, a workflow calling another). Each link must follow from its own file's text
   * only. The engine checks every link against its split and checks again, together, any parts a
   * link crosses, so a rare layout costs time, never a finding.
   */
  links?(project: Project): PathLink[];
  /** Default `resource` of findings on a unit. */
  resourceOf?(unit: U): string | undefined;
  suppressions?(project: Project): DomainSuppression[];
}
