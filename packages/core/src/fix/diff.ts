const CONTEXT = 3;

/**
 * A unified diff of two versions of one file (`git apply` and `patch -p1` read it). Lines are
 * compared with a longest-common-subsequence table over the part between the common head and
 * tail, which is small for fixes.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  // A final newline ends the last line; it is not an empty line of its own.
  const lines = (text: string) => text.replace(/\r?\n$/, '').split(/\r?\n/);
  const a = lines(before);
  const b = lines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  // ops over the middle: ' ' keep, '-' remove, '+' add
  const ops: { op: ' ' | '-' | '+'; line: string }[] = [];
  const n = midA.length;
  const m = midB.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      ops.push({ op: ' ', line: midA[i]! });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!))
      ops.push({ op: '-', line: midA[i++]! });
    else ops.push({ op: '+', line: midB[j++]! });
  }
  const all = [
    ...a.slice(0, head).map((line) => ({ op: ' ' as const, line })),
    ...ops,
    ...a.slice(a.length - tail).map((line) => ({ op: ' ' as const, line })),
  ];
  // Hunks: changed ops with CONTEXT lines around, merged when they touch.
  const changed = all.map((o, k) => (o.op === ' ' ? -1 : k)).filter((k) => k >= 0);
  const hunks: [number, number][] = [];
  for (const k of changed) {
    const from = Math.max(0, k - CONTEXT);
    const to = Math.min(all.length - 1, k + CONTEXT);
    const last = hunks.at(-1);
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  for (const [from, to] of hunks) {
    let oldStart = 1;
    let newStart = 1;
    for (let k = 0; k < from; k++) {
      if (all[k]!.op !== '+') oldStart++;
      if (all[k]!.op !== '-') newStart++;
    }
    const slice = all.slice(from, to + 1);
    const oldCount = slice.filter((o) => o.op !== '+').length;
    const newCount = slice.filter((o) => o.op !== '-').length;
    out.push(
      `@@ -${oldCount === 0 ? oldStart - 1 : oldStart},${oldCount} +${newCount === 0 ? newStart - 1 : newStart},${newCount} @@`,
    );
    for (const o of slice) out.push(`${o.op}${o.line}`);
  }
  return `${out.join('\n')}\n`;
}
