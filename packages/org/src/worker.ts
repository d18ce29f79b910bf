import { parentPort } from 'node:worker_threads';
import { type ScanInput, scanRepository } from './scan.js';

/** A pool worker: scans one repository per message and answers with its output or error. */
parentPort?.on('message', (message: { id: number; input: ScanInput }) => {
  scanRepository(message.input).then(
    (output) => parentPort?.postMessage({ id: message.id, output }),
    (error: unknown) =>
      parentPort?.postMessage({ id: message.id, error: (error as Error).stack ?? String(error) }),
  );
});
