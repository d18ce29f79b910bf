import type { ScanError } from './finding.js';
import type { Project } from './project.js';
import type { DomainId } from './severity.js';

/** One entry of a folder listed through the engine's FileSource. */
export interface FolderEntry {
  name: string;
  kind: 'file' | 'folder';
  size: number;
}

/**
 * What a domain may read before its units are built (rules run synchronously): files inside the
 * scan root that discovery does not list (`.terraform/modules/`, a policy read by `file()`),
 * always through the engine's FileSource and its boundaries.
 */
export interface PrepareIO {
  /** A root-relative file as text, or undefined (missing, outside the root, binary, over `maxBytes`). */
  readText(path: string, maxBytes: number): Promise<string | undefined>;
  /** The entries of a root-relative folder, or undefined (missing, outside the root, not listable). */
  listFolder(path: string): Promise<FolderEntry[] | undefined>;
  /** Records a problem met while preparing (a file that does not parse) in the run's errors. */
  error(error: ScanError): void;
}

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
  /** Every path directly in these folders, not in their subfolders (`''`: files at the root). */
  dirs?: string[];
  /** Every path equal to one of these, or ending with `/` and one of these. */
  suffixes?: string[];
  /**
   * Only files of these languages count (the engine sets its domain's: Terraform's folders
   * name the `.tf` files in them, never the manifests next to them).
   */
  languages?: string[];
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
   * Reads, before `units()`, what the units need beyond the discovered files; the result is kept
   * on the project (`project.memo`). Called once per run, only when a rule of the domain is on.
   */
  prepare?(project: Project, io: PrepareIO): Promise<void>;
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
