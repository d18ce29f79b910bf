import type { Domain, FolderEntry, PrepareIO } from '../../model/domain.js';
import type { Project } from '../../model/project.js';
import { decodeText } from '../decode.js';
import type { FileSource } from '../file-source.js';
import type { StageTimer } from '../stage-timer.js';
import type { AuditRun } from './run-context.js';

/**
 * Before units are built, domains that need more than the discovered files (Terraform's
 * `.terraform/modules/`, files read by `file()`) read them here, through the run's FileSource.
 * A read that fails is `undefined` to the domain, never an error of the run; a domain whose
 * `prepare` throws is reported and its units are built without what it would have read.
 */
export async function prepareDomains(
  run: AuditRun,
  project: Project,
  domains: Iterable<Domain<unknown>>,
  timer: StageTimer,
): Promise<void> {
  const io = prepareIO(run.options.source, run);
  for (const domain of domains) {
    if (!domain.prepare) continue;
    const started = performance.now();
    try {
      await domain.prepare(project, io);
    } catch (error) {
      run.errors.push({
        kind: 'internal',
        message: `domain ${domain.id} failed to prepare: ${(error as Error).stack ?? error}`,
      });
    }
    timer.add('units', performance.now() - started);
  }
}

function prepareIO(source: FileSource, run: AuditRun): PrepareIO {
  const listFolder = async (path: string): Promise<FolderEntry[] | undefined> => {
    if (!source.listFolder) return undefined;
    try {
      return await source.listFolder(path);
    } catch {
      return undefined;
    }
  };
  return {
    listFolder,
    async readText(path, maxBytes) {
      // The size is looked up before reading when the source can list, so a huge file is never loaded.
      const slash = path.lastIndexOf('/');
      const entries = await listFolder(slash < 0 ? '' : path.slice(0, slash));
      // A source that lists folders and cannot list this one has no such file (or may not read it).
      if (source.listFolder && !entries) return undefined;
      const entry = entries?.find((e) => e.name === path.slice(slash + 1));
      if (entries && (entry?.kind !== 'file' || entry.size > maxBytes)) return undefined;
      try {
        const bytes = await source.read(path);
        if (bytes.length > maxBytes) return undefined;
        const decoded = decodeText(bytes);
        return 'text' in decoded ? decoded.text : undefined;
      } catch {
        return undefined;
      }
    },
    error: (error) => run.errors.push(error),
  };
}
