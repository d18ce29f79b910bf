/**
 * Shows enough of a secret to find it, never the secret: the first characters (at most 4, and
 * none for short values) and the length.
 */
export function redact(secret: string): string {
  const keep = secret.length >= 16 ? 4 : secret.length >= 10 ? 2 : 0;
  return `${secret.slice(0, keep)}${'*'.repeat(Math.min(8, secret.length - keep))} (${secret.length} chars, redacted)`;
}

/** What replaces a secret in text shown to people: its kind, never a character of it. */
function marker(kind: string): string {
  return `[redacted ${kind}]`;
}

interface Detector {
  kind: string;
  pattern: RegExp;
  /** Builds the replacement from the match groups; default: the whole match becomes a marker. */
  replace?: (match: string, ...groups: string[]) => string;
}

/**
 * Known secret formats. Order matters: whole blocks (private keys) first, then formats with a
 * fixed prefix, then key=value shapes. Each keeps the harmless prefix (`ghp_`, the key name) so a
 * reader can tell what was there.
 */
const DETECTORS: Detector[] = [
  {
    kind: 'private key',
    pattern:
      /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    replace: (_m, type = '') => `-----BEGIN ${type}PRIVATE KEY----- ${marker('private key')}`,
  },
  {
    kind: 'GitHub token',
    pattern: /\b(gh[pousr]_)[A-Za-z0-9]{20,255}\b/g,
    replace: (_m, prefix) => `${prefix}${marker('GitHub token')}`,
  },
  {
    kind: 'GitHub token',
    pattern: /\b(github_pat_)[A-Za-z0-9_]{20,255}/g,
    replace: (_m, prefix) => `${prefix}${marker('GitHub token')}`,
  },
  {
    kind: 'AWS access key id',
    pattern: /\b((?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA))[A-Z0-9]{16}\b/g,
    replace: (_m, prefix) => `${prefix}${marker('AWS access key id')}`,
  },
  {
    kind: 'Slack token',
    pattern: /\b(xox[abposr]-)[A-Za-z0-9-]{10,}/g,
    replace: (_m, prefix) => `${prefix}${marker('Slack token')}`,
  },
  {
    kind: 'Slack webhook',
    pattern: /(hooks\.slack\.com\/services\/)[A-Za-z0-9/_-]+/g,
    replace: (_m, prefix) => `${prefix}${marker('Slack webhook')}`,
  },
  {
    kind: 'Stripe key',
    pattern: /\b((?:sk|rk|pk)_(?:live|test)_)[A-Za-z0-9]{16,}/g,
    replace: (_m, prefix) => `${prefix}${marker('Stripe key')}`,
  },
  {
    kind: 'Google API key',
    pattern: /\b(AIza)[0-9A-Za-z_-]{35}/g,
    replace: (_m, prefix) => `${prefix}${marker('Google API key')}`,
  },
  { kind: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g },
  {
    // `http.https://github.com/.extraheader AUTHORIZATION: basic <base64>` (actions/checkout) and
    // any other Authorization header.
    kind: 'credentials',
    pattern: /(authorization:?\s*(?:basic|bearer|token)\s+)[A-Za-z0-9+/=._~-]{4,}/gi,
    replace: (_m, head) => `${head}${marker('credentials')}`,
  },
  {
    kind: 'URL credentials',
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/:@'"]*):([^\s/@'"]+)@/gi,
    replace: (_m, scheme, user) => `${scheme}${user}:${marker('password')}@`,
  },
  {
    kind: 'URL credentials',
    // `https://<token>@github.com`: a token used as the user name.
    pattern: /\b(https?:\/\/)([A-Za-z0-9_-]{20,})@/g,
    replace: (_m, scheme) => `${scheme}${marker('token')}@`,
  },
  {
    kind: 'AWS secret access key',
    pattern: /((?:aws_?)?secret_?access_?key["']?\s*[:=]\s*["']?)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/gi,
    replace: (_m, head) => `${head}${marker('AWS secret access key')}`,
  },
  {
    // password: hunter2 / API_TOKEN="…" — a literal after a secret-sounding key. Expressions and
    // references (`${{ secrets.X }}`, `$VAR`, `{{ .Values.x }}`, `<placeholder>`) are not secrets.
    kind: 'secret',
    pattern:
      /\b([A-Za-z0-9_.-]*(?:passw(?:or)?d|secret|token|api_?key|apikey|access_?key|private_?key|client_?secret|credentials?)["']?\s*[:=]\s*["']?)(?![$<{[(*])([^\s"'`,;)}\]]{8,})/gi,
    replace: (m, head, value) => (value.startsWith('[redacted') ? m : `${head}${marker('secret')}`),
  },
];

/** Characters of base64 / base64url / token alphabets; a run of them is one candidate word. */
const WORD = /[A-Za-z0-9+/=_-]{24,}/g;

/**
 * Text without any of these cannot hold a match of a detector or a candidate word, so most rule
 * messages skip the passes below (one search instead of fifteen replaces). A superset, kept beside
 * the detectors: tokens with a fixed prefix are runs of WORD's alphabet of 24 characters or more
 * (`ghp_`, `github_pat_`, Stripe, Google), except the shorter ones named here; an AWS key id is
 * 20 capitals and digits; a JWT's dots break its run; the rest are named by a word they contain.
 */
const MAY_HOLD_SECRET =
  /PRIVATE KEY|xox[abposr]-|hooks\.slack\.com|eyJ|authorization|:\/\/|passw|secret|token|api_?key|access_?key|private_?key|credential|[A-Z0-9]{20}|[A-Za-z0-9+/=_-]{24}/i;

/** Bits per character of a string (Shannon entropy of its character frequencies). */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * A random-looking token: long, mixing upper case, lower case and digits, with high entropy.
 * Hex strings (SHAs, image digests, fingerprints, UUIDs) and words of one case are never taken:
 * they are what rule messages legitimately quote.
 */
export function looksLikeSecret(word: string): boolean {
  if (word.length < 24) return false;
  if (/^[0-9a-f-]+$/i.test(word)) return false;
  // Path-like and identifier-like words: split on separators and judge the longest piece.
  const pieces = word.split(/[/_.=-]+/).filter(Boolean);
  const longest = pieces.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < 20) return false;
  if (!/[A-Z]/.test(longest) || !/[a-z]/.test(longest) || !/[0-9]/.test(longest)) return false;
  // Camel-case names with a number (`MyService2024Deployment`) have low entropy and few case changes.
  const caseChanges = (longest.match(/[a-z][A-Z]|[A-Z][a-z]|[0-9][A-Za-z]|[A-Za-z][0-9]/g) ?? []).length;
  if (caseChanges < longest.length / 4) return false;
  return entropy(longest) >= 4.0;
}

/**
 * Replaces everything in `text` that looks like a secret: known token formats, private-key
 * blocks, credentials in URLs and headers, secret-named assignments, and high-entropy tokens.
 * Applied by the engine to every message before any reporter sees it.
 */
export function redactSecrets(text: string): string {
  if (!text || !MAY_HOLD_SECRET.test(text)) return text;
  let out = text;
  for (const detector of DETECTORS) {
    out = out.replace(detector.pattern, (match: string, ...args: unknown[]) => {
      const groups = args.filter((a): a is string => typeof a === 'string' || a === undefined) as string[];
      return detector.replace ? detector.replace(match, ...groups) : marker(detector.kind);
    });
  }
  return out.replace(WORD, (word) => (looksLikeSecret(word) ? marker('high-entropy string') : word));
}
