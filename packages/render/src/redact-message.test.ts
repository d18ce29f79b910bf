import { describe, expect, it } from 'vitest';
import { cleanMessage } from './redact-message.js';

describe('tool messages in reports', () => {
  it('drop the temp folder and log prefixes, keep names, redact tokens', () => {
    const message = cleanMessage(
      'E1204 16:08:37.307707   21428 run.go:72] "command failed" err="loading /tmp/plumbline-kustomize-abc123/overlays/02_warmpool_autoscale/params.env: token ghp_0123456789abcdefghijklmnopqrstuv"',
      '/tmp/plumbline-kustomize-abc123',
    );
    expect(message).toBe(
      '"loading /overlays/02_warmpool_autoscale/params.env: token ghp_******** (36 chars, redacted)"',
    );
  });
});
