import { SourceFile } from '@plumbline/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseYaml } from './language.js';

const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata:\n  a: "1"\n';

describe('process.env while a YAML file is parsed', () => {
  afterEach(() => {
    delete process.env.LOG_TOKENS;
    vi.restoreAllMocks();
  });

  it('is the real environment again once the file is parsed, and was readable meanwhile', () => {
    const env = process.env;
    process.env.PLUMBLINE_QUIET_ENV_TEST = 'seen';
    const parsed = parseYaml(new SourceFile('cm.yaml', MANIFEST));
    expect(parsed.model?.documents[0]?.data).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
      data: { a: '1' },
    });
    expect(process.env).toBe(env);
    expect(process.env.PLUMBLINE_QUIET_ENV_TEST).toBe('seen');
    expect('LOG_TOKENS' in process.env).toBe(false);
    delete process.env.PLUMBLINE_QUIET_ENV_TEST;
  });

  it("still honours the yaml package's LOG_TOKENS switch set before the parse", () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    process.env.LOG_TOKENS = '1';
    parseYaml(new SourceFile('cm.yaml', MANIFEST));
    expect(log).toHaveBeenCalled();
    log.mockClear();
    delete process.env.LOG_TOKENS;
    parseYaml(new SourceFile('cm.yaml', MANIFEST));
    expect(log).not.toHaveBeenCalled();
  });
});
