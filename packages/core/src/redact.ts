/**
 * Shows enough of a secret to find it, never the secret: the first characters (at most 4, and
 * none for short values) and the length.
 */
export function redact(secret: string): string {
  const keep = secret.length >= 16 ? 4 : secret.length >= 10 ? 2 : 0;
  return `${secret.slice(0, keep)}${'*'.repeat(Math.min(8, secret.length - keep))} (${secret.length} chars, redacted)`;
}
