import { redact } from '@plumbline/core';

/** Attribute names that hold a secret. */
export const SECRET_NAME =
  /(^|_)(password|passwd|secret|secret_key|secret_string|private_key|token|auth_token|api_key|app_key|access_key|client_secret)$/i;

const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const AWS_ACCESS_KEY = /\b(AKIA|ASIA)[0-9A-Z]{16}\b/;

/** True for a value that is really a secret (not empty, not an obvious placeholder). */
export function looksSecret(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return false;
  if (/^(<.*>|\$\{.*\}|xxx+|\*+|changeme|placeholder|dummy|example|todo|redacted)$/i.test(v)) return false;
  return true;
}

/** A private key or AWS access key id anywhere in a string, whatever the attribute name. */
export function embeddedSecret(value: string): string | undefined {
  if (PRIVATE_KEY.test(value)) return 'a private key';
  if (AWS_ACCESS_KEY.test(value)) return 'an AWS access key id';
  return undefined;
}

export function shown(value: string): string {
  return redact(value);
}
