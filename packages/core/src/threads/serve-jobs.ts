import { parentPort } from 'node:worker_threads';
import type { FromThread, ToThread } from './messages.js';

/** What a job handler may do besides answering: send notices (progress) to the pool's `onNotice`. */
export type Notify = (data: unknown) => void;

/**
 * A worker thread's side of a ThreadPool: `init` runs once with the pool's set-up data (jobs wait
 * for it), then each job's answer (or error) is sent back. Call it at the top of the worker module.
 */
export function serveJobs<In, Out, Context>(handlers: {
  init?: (data: unknown) => Promise<Context> | Context;
  job: (input: In, context: Context, notify: Notify) => Promise<Out>;
}): void {
  const port = parentPort;
  if (!port) return;
  const post = (message: FromThread<Out>) => port.postMessage(message);
  const notify: Notify = (data) => post({ type: 'notice', data });
  let ready: Promise<Context> = Promise.resolve(undefined as Context);
  port.on('message', (message: ToThread<In>) => {
    if (message.type === 'init') {
      ready = Promise.resolve(handlers.init?.(message.data) as Context);
      return;
    }
    const { id, input } = message;
    ready
      .then((context) => handlers.job(input, context, notify))
      // An output that cannot be cloned fails its job, like an error thrown by the handler.
      .then((output) => post({ type: 'done', id, output }))
      .catch((error: unknown) =>
        post({ type: 'failed', id, error: (error as Error).stack ?? String(error) }),
      );
  });
}
