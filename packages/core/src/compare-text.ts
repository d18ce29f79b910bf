/**
 * The order of every sort whose result a user sees or a run depends on (findings, errors, rules,
 * files, modules): by UTF-16 code units, as `<` compares strings. `localeCompare` orders by the
 * machine's locale (`LANG`: in Swedish `ä` sorts after `z`, in Turkish `ı` before `I`), so one
 * scan gave different reports on different machines, and its first call loads ICU's collation
 * data (~8 ms of every process's start).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
