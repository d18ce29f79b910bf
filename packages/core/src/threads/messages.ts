/** From the pool to a worker: set-up data once, then jobs. */
export type ToThread<In> = { type: 'init'; data: unknown } | { type: 'job'; id: number; input: In };

/** From a worker: a job's answer, or a notice while it runs (progress). */
export type FromThread<Out> =
  | { type: 'done'; id: number; output: Out }
  | { type: 'failed'; id: number; error: string }
  | { type: 'notice'; data: unknown };
