import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressLine } from './progress.js';

function io(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 };
  return { written, io: { cwd: '/', env: {}, stdout: stream, stderr: stream } };
}

describe('progressLine', () => {
  afterEach(() => vi.useRealTimers());

  it('counts files on a terminal once a scan passes a second, and clears the line at the end', () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T20:00:00Z') });
    const { io: terminal, written } = io(true);
    const progress = progressLine(terminal, true);
    progress.onFile?.('k8s/deployment.yaml', 1);
    expect(written).toEqual([]);
    vi.setSystemTime(new Date('2026-12-07T20:00:01.500Z'));
    progress.onFile?.('k8s/service.yaml', 240);
    // At most one update per 100 ms.
    progress.onFile?.('k8s/ingress.yaml', 241);
    progress.done();
    expect(written).toEqual(['\rScanning… 240 files', '\r\u001b[2K']);
  });

  it('asks for no file at all off a terminal or with --quiet: workers then send none', () => {
    expect(progressLine(io(false).io, true).onFile).toBeUndefined();
    expect(progressLine(io(true).io, false).onFile).toBeUndefined();
  });
});
