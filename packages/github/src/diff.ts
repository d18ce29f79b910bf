/** The new-side lines of one file in a pull request's diff: where review comments may go. */
export interface FileDiff {
  /** Lines added or changed (1-based, in the head version), with their text. */
  added: Map<number, string>;
  /** New-side line ranges of each hunk (inclusive): a multi-line comment must stay inside one. */
  hunks: { start: number; end: number }[];
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Reads a unified diff of one file (the `patch` of `GET /pulls/{n}/files`). */
export function parsePatch(patch: string): FileDiff {
  const added = new Map<number, string>();
  const hunks: { start: number; end: number }[] = [];
  let line = 0;
  let inHunk = false;
  for (const raw of patch.split('\n')) {
    const header = HUNK.exec(raw);
    if (header) {
      line = Number(header[1]);
      const count = header[2] === undefined ? 1 : Number(header[2]);
      hunks.push({ start: line, end: line + count - 1 });
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const mark = raw[0];
    if (mark === '+') {
      added.set(line, raw.slice(1).replace(/\r$/, ''));
      line++;
    } else if (mark === ' ' || (raw === '' && line <= (hunks.at(-1)?.end ?? 0))) {
      line++;
    }
    // '-' (removed) and '\' (no newline at end of file) do not move the new side.
  }
  return { added, hunks };
}

/** The hunk holding `line` on the new side, if any. */
export function hunkOf(diff: FileDiff, line: number): { start: number; end: number } | undefined {
  return diff.hunks.find((h) => line >= h.start && line <= h.end);
}
