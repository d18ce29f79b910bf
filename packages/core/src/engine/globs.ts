import picomatch from 'picomatch';

/**
 * A matcher for the globs users write in config and flags: `vendor/**`, `*.md` (any folder),
 * `legacy/` (a folder and everything in it).
 */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matchers = patterns.map((raw) => {
    const pattern = raw.endsWith('/') ? `${raw}**` : raw.replace(/^\.\//, '');
    const basename = !pattern.includes('/');
    const exact = picomatch(pattern, { dot: true, basename });
    const inside = basename ? undefined : picomatch(`${pattern}/**`, { dot: true });
    return (path: string) => exact(path) || (inside?.(path) ?? false);
  });
  return (path) => matchers.some((m) => m(path));
}
