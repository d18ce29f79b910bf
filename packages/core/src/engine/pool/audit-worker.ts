import { parentPort, workerData } from 'node:worker_threads';
import { DiskFileSource } from '../file-source.js';
import { StageTimer } from '../stage-timer.js';
import { runPipeline, type ShardFacts } from '../stages/pipeline.js';
import { waitForIdleCore } from './idle-gate.js';
import type { WarmData } from './prestart.js';
import type { AuditSetup, FromWorker, ToWorker } from './protocol.js';
import { claimShard } from './shard-board.js';
import { ShardSource } from './shard-source.js';

/**
 * An engine worker thread: builds languages, rules and config once from the setup module, then,
 * for each board of shards it is offered, claims shards until none is left, runs the pipeline
 * over each (reading through a DiskFileSource with the same boundaries as the main thread's) and
 * answers with the shard's RunResult.
 */
let ready: Promise<{ setup: AuditSetup; source: DiskFileSource; tag: number; files: boolean }> | undefined;
const post = (message: FromWorker) => parentPort?.postMessage(message);

type SetupModule = {
  createAuditSetup(data: unknown): Promise<AuditSetup> | AuditSetup;
  warmAuditSetup?(data: unknown): Promise<unknown>;
};

/** Prestarted (prestart.ts): import the setup module and its packs before the setup data comes. */
const warm = (workerData as { warm?: WarmData } | undefined)?.warm;
// A failure is dropped here: the init below imports the module again and reports it.
const warming = warm
  ? import(warm.module).then((mod: SetupModule) => mod.warmAuditSetup?.(warm.data)).catch(() => undefined)
  : undefined;

let boards: Promise<void> = Promise.resolve();

parentPort?.on('message', (message: ToWorker) => {
  if (message.type === 'init') {
    ready = (async () => {
      await warming;
      const mod = (await import(message.setup.module)) as SetupModule;
      const { root, name, paths } = message.reader;
      const source = new DiskFileSource(root, name, { paths });
      // Named paths widen the reading boundary as they are walked: walk them once, as the main thread did.
      if (paths) for await (const _ of source.list());
      const setup = await mod.createAuditSetup(message.setup.data);
      post({ type: 'ready', at: performance.timeOrigin + performance.now() });
      return { setup, source, tag: message.tag, files: message.files };
    })();
    return;
  }
  if (message.type === 'setup') {
    // The rules changed (the admission policies are found): built now, used from the next board
    // on, while the board in hand is finished with the rules it started with.
    const next = (async () => {
      const { source, tag, files } = await ready!;
      const mod = (await import(message.setup.module)) as SetupModule;
      return { setup: await mod.createAuditSetup(message.setup.data), source, tag, files };
    })();
    boards = boards.then(() => {
      ready = next;
    });
    return;
  }
  // One board after the other, in the order offered: a worker holds one shard's models at a time.
  boards = boards.then(() => claimAndCheck(message));
});

async function claimAndCheck({ run, board, shards, now, gate }: Extract<ToWorker, { type: 'shards' }>) {
  const { setup, source, tag, files } = await ready!;
  const onFile = files ? (path: string) => post({ type: 'file', path }) : undefined;
  const next = (from: number) => {
    if (gate) waitForIdleCore(gate);
    return claimShard(board, tag, from);
  };
  for (let index = next(0); index >= 0; index = next(index + 1)) {
    try {
      const timer = new StageTimer();
      const facts: ShardFacts = { links: [], namedAwaitedRule: false };
      const result = await runPipeline(
        {
          ...setup,
          source: new ShardSource(source, shards[index]!),
          now: new Date(now),
          onFile,
        },
        undefined,
        timer,
        facts,
      );
      const at = performance.timeOrigin + performance.now();
      post({ type: 'done', run, index, at, result, times: timer.times, ...facts });
    } catch (error) {
      post({ type: 'failed', run, index, error: (error as Error).stack ?? String(error) });
    }
  }
}
