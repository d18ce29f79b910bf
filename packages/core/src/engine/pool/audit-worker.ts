import { parentPort } from 'node:worker_threads';
import type { PathLink } from '../../model/domain.js';
import { DiskFileSource } from '../file-source.js';
import { StageTimer } from '../stage-timer.js';
import { runPipeline } from '../stages/pipeline.js';
import type { AuditSetup, FromWorker, ToWorker } from './protocol.js';
import { ShardSource } from './shard-source.js';

/**
 * An engine worker thread: builds languages, rules and config once from the setup module, then
 * runs the pipeline over each shard it is sent (reading through a DiskFileSource with the same
 * boundaries as the main thread's) and answers with the shard's RunResult.
 */
let ready: Promise<{ setup: AuditSetup; source: DiskFileSource }> | undefined;
const post = (message: FromWorker) => parentPort?.postMessage(message);

parentPort?.on('message', (message: ToWorker) => {
  if (message.type === 'init') {
    ready = (async () => {
      const mod = (await import(message.setup.module)) as {
        createAuditSetup(data: unknown): Promise<AuditSetup> | AuditSetup;
      };
      const { root, name, paths } = message.reader;
      const source = new DiskFileSource(root, name, { paths });
      // Named paths widen the reading boundary as they are walked: walk them once, as the main thread did.
      if (paths) for await (const _ of source.list());
      const setup = await mod.createAuditSetup(message.setup.data);
      post({ type: 'ready', at: performance.timeOrigin + performance.now() });
      return { setup, source };
    })();
    return;
  }
  const { id, entries, now } = message;
  (async () => {
    const { setup, source } = await ready!;
    const timer = new StageTimer();
    const links: PathLink[] = [];
    const result = await runPipeline(
      {
        ...setup,
        source: new ShardSource(source, entries),
        now: new Date(now),
        onFile: (path) => post({ type: 'file', path }),
      },
      undefined,
      timer,
      links,
    );
    post({ type: 'done', id, result, times: timer.times, links });
  })().catch((error: unknown) =>
    post({ type: 'failed', id, error: (error as Error).stack ?? String(error) }),
  );
});
