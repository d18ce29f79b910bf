/** A path into a unit's input: `spec.containers[0].image` → ['spec', 'containers', 0, 'image']. */
export type InputPath = (string | number)[];

const SEGMENT = /([^.[\]]+)|\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\]/g;

export function parsePath(text: string): InputPath {
  const out: InputPath = [];
  for (const m of text.matchAll(SEGMENT)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(m[3] ?? m[4] ?? '');
  }
  return out;
}

export function formatPath(path: InputPath): string {
  return path
    .map((s, i) =>
      typeof s === 'number' ? `[${s}]` : /^[A-Za-z_][\w-]*$/.test(s) ? (i ? `.${s}` : s) : `["${s}"]`,
    )
    .join('');
}
