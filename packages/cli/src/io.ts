/** What commands may touch of the outside world; tests and the bin supply it. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  /** `write` may return false when the stream's buffer is full; `once('drain')` then says when to go on. */
  stdout: {
    write(text: string): unknown;
    isTTY?: boolean;
    once?(event: 'drain', listener: () => void): unknown;
  };
  stderr: { write(text: string): void; isTTY?: boolean };
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Colour only on a terminal, and never when NO_COLOR is set; FORCE_COLOR forces it. */
export function useColor(io: Io, stream: { isTTY?: boolean }): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
