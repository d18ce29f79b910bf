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

/** Reads every ignore syntax Plumbline honours out of a file's comments. */
export function parseDirectives(comments: readonly Comment[]): Directive[] {
  const out: Directive[] = [];
  for (const comment of comments) {
    const text = comment.text;
    let m: RegExpMatchArray | null;
    if ((m = text.match(PLUMBLINE))) {
      const body = m[1] ?? '';
      const sep = body.indexOf('--');
      const ids = (sep >= 0 ? body.slice(0, sep) : body).split(/[\s,]+/).filter(Boolean);
      const reason = sep >= 0 ? body.slice(sep + 2).trim() : '';
      out.push({ syntax: 'plumbline', rules: ids, reason, comment });
    } else if ((m = text.match(HADOLINT))) {
      out.push({ syntax: 'hadolint', rules: split(m[1]!), reason: 'hadolint ignore comment', comment });
    } else if ((m = text.match(ZIZMOR))) {
      out.push({ syntax: 'zizmor', rules: split(m[1]!).map((a) => `zizmor:${a}`), reason: 'zizmor ignore comment', comment });
    } else if ((m = text.match(CHECKOV))) {
      out.push({ syntax: 'checkov', rules: [m[1]!], reason: m[2]?.trim() || 'checkov skip comment', comment });
    } else if ((m = text.match(TRIVY))) {
      out.push({ syntax: 'trivy', rules: [normalisePeerId(m[1]!)], reason: 'trivy ignore comment', comment });
    }
  }
  return out;
}

function split(list: string): string[] {
  return list.split(/[\s,]+/).filter(Boolean).map(normalisePeerId);
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
