import type { Io } from './io.js';

/** A one-line counter on stderr, shown only on a terminal and only once a scan passes a second. */
export function progressLine(io: Io, enabled: boolean) {
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    onFile(_path: string, done: number) {
      if (!enabled || !io.stderr.isTTY) return;
      const now = Date.now();
      if (now - started < 1000 || now - last < 100) return;
      last = now;
      shown = true;
      io.stderr.write(`\rScanning… ${done} files`);
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}
