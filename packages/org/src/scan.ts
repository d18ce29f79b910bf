import {
  compareWalkOrder,
  type FileSource,
  type Finding,
  type RuleDescriptor,
  type RunResult,
  type ScanError,
  type SourceEntry,
} from '@plumbline/core';

/** One repository's kept files and what to scan them with; plain data, so it crosses to a worker. */
export interface ScanInput {
  repository: string;
  files: { path: string; content: Uint8Array }[];
  /** Files kept by name but over the per-file cap: listed, so the engine reports them. */
  refused: { path: string; size: number; message: string }[];
  /** Archive entries that were not read (unsafe paths, links, devices). */
  warnings: { path: string; message: string }[];
  /** URL of a module exporting `auditRepository` (a RepositoryAuditor): the engine with its rules. */
  auditor: string;
  /** Org-level config file: the baseline policy the repository's own config builds on. */
  orgConfig?: string;
  /** Settings for the auditor module (plain data: they cross to the worker as they are). */
  auditorOptions?: Record<string, unknown>;
}

export interface ScanOutput {
  /** Findings that count: suppressed ones (inline or by config) are left out. */
  findings: Finding[];
  errors: ScanError[];
  rules: RuleDescriptor[];
  files: number;
}

export interface AuditRequest {
  repository: string;
  source: FileSource;
  orgConfig?: string;
  /** The run's `auditorOptions`, as given to `scanOrganisation`. */
  options?: Record<string, unknown>;
}

/** What the auditor module exports: runs the engine (languages, rules, config) over one source. */
export type RepositoryAuditor = (request: AuditRequest) => Promise<RunResult>;

/** The CPU part of a repository's scan; runs in a worker thread or inline. */
export async function scanRepository(input: ScanInput): Promise<ScanOutput> {
  const module = (await import(input.auditor)) as { auditRepository?: RepositoryAuditor };
  if (typeof module.auditRepository !== 'function')
    throw new Error(`${input.auditor} does not export auditRepository`);
  const request: AuditRequest = { repository: input.repository, source: new TransferredSource(input) };
  if (input.orgConfig) request.orgConfig = input.orgConfig;
  if (input.auditorOptions) request.options = input.auditorOptions;
  const result = await module.auditRepository(request);
  return {
    findings: result.findings.filter((f) => !f.suppressed),
    errors: result.errors,
    rules: result.rules,
    files: result.summary.files,
  };
}

/** The files of a ScanInput as a FileSource again, on the worker's side. */
class TransferredSource implements FileSource {
  readonly name: string;
  readonly warnings: { path: string; message: string }[];
  private readonly files = new Map<string, Buffer>();
  private readonly refused = new Map<string, { size: number; message: string }>();

  constructor(input: ScanInput) {
    this.name = input.repository;
    this.warnings = [...input.warnings];
    for (const f of input.files)
      this.files.set(f.path, Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength));
    for (const r of input.refused) this.refused.set(r.path, r);
  }

  async *list(): AsyncIterable<SourceEntry> {
    const all = [
      ...[...this.files].map(([path, content]) => ({ path, size: content.length })),
      ...[...this.refused].map(([path, r]) => ({ path, size: r.size })),
    ];
    yield* all.sort((a, b) => compareWalkOrder(a.path, b.path));
  }

  async read(path: string): Promise<Buffer> {
    const content = this.files.get(path);
    if (content) return content;
    throw new Error(this.refused.get(path)?.message ?? `no such file: ${path}`);
  }
}
