import type { ResolvedConfig } from '../config/config.js';
import type { FileSource, SourceEntry } from '../engine/file-source.js';
import type { Comment } from './language.js';
import { type Loc, SourceFile, type Span } from './source.js';

/** Where a piece of rendered text came from: the file a person edits, and the span there. */
export interface SourceOrigin extends Span {
  path: string;
  /** Extra words for the message, e.g. "set in values-prod.yaml:14 `securityContext.privileged`". */
  note?: string;
}

/** Maps offsets of a rendered file back to the sources that produced them. */
export interface SourceMapper {
  /** `file` is the rendered file the offsets are in (its parsed form may be known by it). */
  origin(start: number, end: number, file: RenderedFile): SourceOrigin;
}

/**
 * A file produced by a renderer (one `helm template` document set, one kustomize build). Rules see
 * it like any file; the engine reports findings at `mapper.origin(...)`, never at rendered text.
 */
export class RenderedFile extends SourceFile {
  constructor(
    path: string,
    text: string,
    /** The deployment unit (a Helm release with one values set, a kustomize build). */
    readonly unit: string,
    /** The variant this text was rendered with ("default values", "values-prod.yaml", "overlays/prod"). */
    readonly variant: string | undefined,
    readonly mapper: SourceMapper,
    /** Where objects without `metadata.namespace` land (a Helm release's namespace). */
    readonly namespace?: string,
  ) {
    super(path, text);
  }
}

/** The variant of a chart rendered with its own `values.yaml` only. */
export const DEFAULT_VARIANT = 'default values';

export function isRendered(file: SourceFile): file is RenderedFile {
  return file instanceof RenderedFile;
}

/** A source file a renderer read, for ignore comments placed in templates, values or patches. */
export interface RenderSource {
  file: SourceFile;
  comments: Comment[];
}

/** A problem of a unit that is a finding on a source file (a chart that fails to render). */
export interface RenderProblem {
  at: Loc;
  message: string;
  /** Stable text for the fingerprint (no offsets, no temp paths). */
  evidence: string;
}

export interface RenderStats {
  rendered: number;
  failed: number;
  skipped: number;
}

export interface RenderOutput {
  files: RenderedFile[];
  sources: RenderSource[];
  /** Notices for the run (no helm on PATH, a remote base not fetched). */
  notices: { file?: string; message: string }[];
  problems: RenderProblem[];
  stats: RenderStats;
}

export interface RenderInput {
  source: FileSource;
  /** Every listed file of the scan (after ignore/include), for discovery. */
  entries: readonly SourceEntry[];
  config: ResolvedConfig;
}

/**
 * The units a renderer found, before any tool runs: what they claim is known here, so the engine
 * can send the files rendering cannot touch to worker threads while the tools run.
 */
export interface RenderPlan {
  /**
   * Paths (relative to the root) the renderer owns: they are not parsed as loose files. Exactly
   * what the run renders from, whatever the tools then do.
   */
  claimed: readonly string[];
  /** Runs the tools and maps their output; never throws for a bad unit. */
  run(): Promise<RenderOutput>;
}

/**
 * A stage before parsing that turns deployment units (a Helm chart, a kustomization) into the
 * documents they deploy. Reads only through the FileSource; never throws for a bad unit.
 */
export interface Renderer {
  id: string;
  /**
   * Languages (ids) of the files it produces (Helm and kustomize: `yaml`). Lets the engine keep
   * other languages out of the worker that renders; unknown means any.
   */
  outputLanguages?: readonly string[];
  /** Finds the units and the files they claim (reading, never running anything). */
  plan(input: RenderInput): Promise<RenderPlan>;
}

export function emptyRenderOutput(): RenderOutput {
  return {
    files: [],
    sources: [],
    notices: [],
    problems: [],
    stats: { rendered: 0, failed: 0, skipped: 0 },
  };
}
