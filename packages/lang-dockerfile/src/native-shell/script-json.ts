import type { ShellCommand, ShellScript } from '../model.js';

/**
 * A shell script as JSON for comparing two readers (`native-shell.test.ts`,
 * `bench/shell-native.mjs`): locations as [start, end], the `pipeline` and `wrappedBy` links as
 * indexes into `commands`, undefined kept. Not used when parsing.
 */
export function shellScriptJson(script: ShellScript | undefined): string {
  if (!script) return '<no script>';
  const ids = new Map<ShellCommand, number>(script.commands.map((c, i) => [c, i]));
  const id = (c: ShellCommand) => ids.get(c) ?? `<not in the script: ${c.name}>`;
  return JSON.stringify(script, function (key, value) {
    if (value === undefined) return '<undefined>';
    if (key === 'file') return value.path;
    if (key === 'wrappedBy') return id(value);
    if (key === 'pipeline' && typeof this === 'object' && 'nameWord' in this)
      return { commands: value.commands.map(id), index: value.index };
    if (value && typeof value === 'object' && 'file' in value && 'start' in value && 'end' in value)
      return Object.keys(value).length === 3 ? [value.start, value.end] : value;
    return value;
  });
}
