import { fileURLToPath } from 'node:url';
import { atLeast, DiskFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { testConfig } from '@plumbline/core/testing';
import { dockerfileLanguage } from '@plumbline/lang-dockerfile';
import { describe, expect, it } from 'vitest';
import { rules } from './index.js';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

/** Every rule of the pack, opt-in ones included, over a fixture folder (Dockerfiles only). */
async function scan(dir: string) {
  const result = await runAudit({
    source: new DiskFileSource(fixtures + dir, dir),
    languages: [dockerfileLanguage],
    registry: new RuleRegistry(rules),
    config: testConfig({ rules: new Map(rules.map((r) => [r.id, { enabled: true }])) }),
    now: new Date('2026-01-01T00:00:00Z'),
  });
  expect(result.errors.filter((e) => e.kind === 'parse' || e.kind === 'internal')).toEqual([]);
  return result;
}

describe('fixtures', () => {
  it('the hardened image has no finding above low, even with the opt-in rules on', async () => {
    const result = await scan('hardened');
    expect(result.summary.files).toBeGreaterThan(0);
    const serious = result.findings.filter((f) => atLeast(f.severity, 'medium'));
    expect(serious.map((f) => `${f.file}:${f.startLine} ${f.ruleId} ${f.message}`)).toEqual([]);
    // Not even a low one: it is the reference image.
    expect(result.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  });

  it('the insecure images trigger the rules they were written for', async () => {
    const result = await scan('insecure');
    const fired = new Set(result.findings.map((f) => f.ruleId));
    const expected = [
      'no-latest-tag',
      'no-maintainer',
      'no-secrets-in-arg-env',
      'tls-verify-disabled-env',
      'apt-get-update-alone',
      'no-apt',
      'apt-get-assume-yes',
      'apt-no-install-recommends',
      'pin-apt-versions',
      'apt-lists-cleanup',
      'apt-allow-unauthenticated',
      'no-dist-upgrade',
      'curl-insecure',
      'no-curl-pipe-shell',
      'pipefail',
      'wget-no-check-certificate',
      'no-wget-and-curl',
      'pip-trusted-host',
      'pin-pip-versions',
      'pip-no-cache-dir',
      'npm-strict-ssl-disabled',
      'pin-npm-versions',
      'git-ssl-verify-disabled',
      'no-chpasswd',
      'no-chmod-777',
      'no-sudo',
      'no-run-cd',
      'prefer-copy-over-add',
      'add-remote-without-checksum',
      'no-secret-files-copied',
      'copy-deps-before-source',
      'absolute-workdir',
      'workdir-system-dir',
      'no-ssh-port',
      'valid-port',
      'json-form-cmd',
      'single-cmd',
      'no-root-user',
      'require-healthcheck',
      'pin-base-image-digest',
      // Dockerfile.alpine
      'apk-allow-untrusted',
      'pin-apk-versions',
      'rpm-no-gpg-check',
      'rpm-ssl-verify-disabled',
      'rpm-assume-yes',
      'unique-stage-names',
      'copy-from-self',
      'copy-from-unknown-stage',
      'copy-multi-source-slash',
      'single-entrypoint',
    ].map((slug) => `dockerfile/${slug}`);
    expect(expected.filter((id) => !fired.has(id))).toEqual([]);
  });
});
