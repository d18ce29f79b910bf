import { serveJobs } from '../../threads/serve-jobs.js';
import { DiskFileSource } from '../file-source.js';
import { StageTimer } from '../stage-timer.js';
import { runPipeline } from '../stages/pipeline.js';
import type { AuditSetup, ShardInput, ShardOutcome, WorkerInit } from './protocol.js';
import { ShardSource } from './shard-source.js';

/**
 * An engine worker thread: builds languages, rules and config once from the setup module, then
 * runs the pipeline over each shard it is sent (reading through a DiskFileSource with the same
 * boundaries as the main thread's) and answers with the shard's RunResult.
 */
serveJobs<ShardInput, ShardOutcome, { setup: AuditSetup; source: DiskFileSource }>({
  async init(data) {
    const { setup, reader } = data as WorkerInit;
    const mod = (await import(setup.module)) as {
      createAuditSetup(data: unknown): Promise<AuditSetup> | AuditSetup;
    };
    const source = new DiskFileSource(reader.root, reader.name, { paths: reader.paths });
    // Named paths widen the reading boundary as they are walked: walk them once, as the main thread did.
    if (reader.paths) for await (const _ of source.list());
    return { setup: await mod.createAuditSetup(setup.data), source };
  },
  async job({ entries, now }, { setup, source }, notify) {
    const timer = new StageTimer();
    const result = await runPipeline(
      {
        ...setup,
        source: new ShardSource(source, entries),
        now: new Date(now),
        onFile: (path) => notify({ file: path }),
      },
      undefined,
      timer,
    );
    return { result, times: timer.times };
  },
});
