import type { Flag, Word } from '../model.js';

/**
 * The leading `--name[=value]` words of FROM, RUN, COPY, ADD and HEALTHCHECK, as dockerfile-ast
 * reads them; a reason to give up where its search would skip a word and go on (a word with `--`
 * inside, a HEALTHCHECK word before CMD or NONE), or for an unusual name (`--`, `---x`, `--=x`).
 * Other keywords have none (dockerfile-ast's CMD, ENTRYPOINT, SHELL and VOLUME look for none).
 */
export function flagsOf(keyword: string, words: readonly Word[]): Flag[] | string {
  const healthcheck = keyword === 'HEALTHCHECK';
  if (!healthcheck && keyword !== 'FROM' && keyword !== 'RUN' && keyword !== 'COPY' && keyword !== 'ADD')
    return [];
  const flags: Flag[] = [];
  for (const word of words) {
    const { value, loc } = word;
    if (healthcheck) {
      const upper = value.toUpperCase();
      if (upper === 'CMD' || upper === 'NONE') break;
    } else if (!value.includes('--')) break;
    if (!value.startsWith('--')) return 'a word before the flags end';
    const first = value[2];
    if (first === undefined || first === '-' || first === '=') return 'an unusual flag name';
    const eq = value.indexOf('=');
    const nameStart = loc.start + 2;
    if (eq === -1) {
      flags.push({
        name: value.slice(2),
        value: undefined,
        loc: { ...loc },
        nameLoc: { ...loc, start: nameStart },
        valueLoc: undefined,
      });
    } else {
      flags.push({
        name: value.slice(2, eq),
        value: value.slice(eq + 1),
        loc: { ...loc },
        nameLoc: { file: loc.file, start: nameStart, end: loc.start + eq },
        valueLoc: { file: loc.file, start: loc.start + eq + 1, end: loc.end },
      });
    }
  }
  return flags;
}
