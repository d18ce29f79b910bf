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
  /** Default `resource` of findings on a unit. */
  resourceOf?(unit: U): string | undefined;
  suppressions?(project: Project): DomainSuppression[];
}
