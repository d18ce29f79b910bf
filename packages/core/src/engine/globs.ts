import picomatch from 'picomatch';

/**
 * A matcher for the globs users write in config and flags, with .gitignore's habits:
 * `vendor/**` and `infra/prod` are paths from the root; `*.md` and `testdata` (no slash) match at
 * any depth; a name that is a folder (`k8s`, `legacy/`) matches everything inside it.
 */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matchers = patterns.map((raw) => {
    const trimmed = raw.replace(/^\.\//, '').replace(/\/+$/, '');
    const anyDepth = !trimmed.includes('/');
    const base = anyDepth ? `**/${trimmed}` : trimmed;
    const self = picomatch(base, { dot: true });
    const inside = picomatch(`${base}/**`, { dot: true });
    return (path: string) => self(path) || inside(path);
  });
  return (path) => matchers.some((m) => m(path));
}
