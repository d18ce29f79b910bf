import type { Io } from './io.js';

/**
 * A one-line counter on stderr, shown only on a terminal and only once a scan passes a second.
 * Off the terminal `onFile` is undefined, so the engine's worker threads do not send a message
 * per file that nothing would show.
 */
export function progressLine(io: Io, enabled: boolean) {
  const started = Date.now();
  let shown = false;
  let last = 0;
  const onTerminal = enabled && io.stderr.isTTY === true;
  return {
    onFile: onTerminal
      ? (_path: string, done: number) => {
          const now = Date.now();
          if (now - started < 1000 || now - last < 100) return;
          last = now;
          shown = true;
          io.stderr.write(`\rScanning… ${done} files`);
        }
      : undefined,
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}
