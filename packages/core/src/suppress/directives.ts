import type { Comment } from '../model/language.js';

export type DirectiveSyntax = 'plumbline' | 'hadolint' | 'zizmor' | 'checkov' | 'trivy' | 'kube-linter';

/** An ignore comment: which rules it names, why, and where it is. */
export interface Directive {
  syntax: DirectiveSyntax;
  /** Rule ids or peer ids as written (peer ids normalised to the alias spelling). */
  rules: string[];
  reason: string;
  comment: Comment;
}

const PLUMBLINE = /^\s*plumbline:ignore(?:\s+([^\s].*?))?\s*$/;
const HADOLINT = /^\s*hadolint\s+ignore=([A-Za-z0-9_,\s-]+)/;
const ZIZMOR = /^\s*zizmor:\s*ignore\[([a-z0-9_,\s-]+)\]/;
const CHECKOV = /^\s*checkov:skip=([A-Za-z0-9_]+)(?::(.*))?$/;
const TRIVY = /^\s*trivy:ignore:([A-Za-z0-9_-]+)/;

type Reader = (m: RegExpMatchArray) => Omit<Directive, 'comment'>;

const READERS: [RegExp, Reader][] = [
  [
    PLUMBLINE,
    (m) => {
      const body = m[1] ?? '';
      const sep = body.indexOf('--');
      const rules = (sep >= 0 ? body.slice(0, sep) : body).split(/[\s,]+/).filter(Boolean);
      return { syntax: 'plumbline', rules, reason: sep >= 0 ? body.slice(sep + 2).trim() : '' };
    },
  ],
  [HADOLINT, (m) => ({ syntax: 'hadolint', rules: split(m[1]!), reason: 'hadolint ignore comment' })],
  [
    ZIZMOR,
    (m) => ({
      syntax: 'zizmor',
      rules: split(m[1]!).map((a) => `zizmor:${a}`),
      reason: 'zizmor ignore comment',
    }),
  ],
  [CHECKOV, (m) => ({ syntax: 'checkov', rules: [m[1]!], reason: m[2]?.trim() || 'checkov skip comment' })],
  [TRIVY, (m) => ({ syntax: 'trivy', rules: [normalisePeerId(m[1]!)], reason: 'trivy ignore comment' })],
];

/**
 * Text every reader above needs (each pattern is case-sensitive and holds one of these words): a
 * text without any holds no directive, so its comments need not be collected.
 */
const MARKERS = ['plumbline:ignore', 'hadolint', 'zizmor:', 'checkov:skip=', 'trivy:ignore:'];

/**
 * Could `text` hold an ignore comment? A cheap superset of `parseDirectives`: renderers read every
 * template, values file and patch, and lexing each for comments cost more than the rest of their
 * bookkeeping, though few hold a directive.
 */
export function mayHoldDirective(text: string): boolean {
  return MARKERS.some((marker) => text.includes(marker));
}

/** Reads every ignore syntax Plumbline honours out of a file's comments. */
export function parseDirectives(comments: readonly Comment[]): Directive[] {
  const out: Directive[] = [];
  for (const comment of comments) {
    for (const [pattern, read] of READERS) {
      const m = comment.text.match(pattern);
      if (m) {
        out.push({ ...read(m), comment });
        break;
      }
    }
  }
  return out;
}

function split(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(normalisePeerId);
}

/**
 * One spelling per peer id, so `AVD-DS-0002`, `DS002` and `ds-0002` all meet the alias `DS-0002`.
 */
export function normalisePeerId(id: string): string {
  let v = id.trim();
  if (/^avd-/i.test(v)) v = v.slice(4);
  const trivy = v.match(/^(DS|KSV|AWS)-?0*(\d+)$/i);
  if (trivy) return `${trivy[1]!.toUpperCase()}-${trivy[2]!.padStart(4, '0')}`;
  if (/^(DL|SC)\d+$/i.test(v) || /^CKV2?_/i.test(v)) return v.toUpperCase();
  return v;
}
