import { describe, expect, it } from 'vitest';
import { type Language, ParserNotLoadedError } from '../model/language.js';
import { coreRules } from '../rules/index.js';
import { testConfig } from '../testing/config.js';
import { lineDomain, lineLanguage, wordRule } from '../testing/line-language.js';
import { runAudit } from './audit.js';
import { MemoryFileSource } from './file-source.js';
import { RuleRegistry } from './registry.js';

const txt = lineLanguage({ id: 'txt', extension: '.txt', syntaxError: '!', message: 'unexpected !' });
const noFoo = wordRule('dockerfile/no-foo', lineDomain('dockerfile', 'txt'), 'foo');

/**
 * `.txt` whose files holding `$((` need a grammar the language loads on demand, as the Dockerfile
 * language loads the shell grammar for the scripts its own reader gives up on.
 */
function onDemand(load: () => Promise<void>) {
  let loaded = false;
  const calls = { loads: 0 };
  const language: Language = {
    ...txt,
    async load() {
      calls.loads++;
      await load();
      loaded = true;
    },
    parse(file) {
      if (!loaded && file.text.includes('$((')) throw new ParserNotLoadedError('the grammar is not loaded');
      return txt.parse(file);
    },
  };
  return { language, calls };
}

const audit = (files: Record<string, string>, languages: Language[]) =>
  runAudit({
    source: new MemoryFileSource(files),
    languages,
    registry: new RuleRegistry([noFoo, ...coreRules]),
    config: testConfig(),
    now: new Date('2026-06-01'),
  });
const where = (result: Awaited<ReturnType<typeof audit>>) =>
  result.findings.map((f) => `${f.file}:${f.startLine} ${f.ruleId}`);

describe('a grammar loaded on demand', () => {
  it('is loaded once, when the first file needs it, and that file is parsed with it', async () => {
    const { language, calls } = onDemand(async () => {});
    const plain = await audit({ 'a.txt': 'foo\n' }, [language]);
    expect(where(plain)).toEqual(['a.txt:1 dockerfile/no-foo']);
    expect(calls.loads).toBe(0);

    const result = await audit({ 'a.txt': 'foo\n', 'b.txt': 'x $((1))\nfoo\n', 'c.txt': '$((2)) foo\n' }, [
      language,
    ]);
    expect(where(result)).toEqual([
      'a.txt:1 dockerfile/no-foo',
      'b.txt:2 dockerfile/no-foo',
      'c.txt:1 dockerfile/no-foo',
    ]);
    expect(result.errors).toEqual([]);
    expect(calls.loads).toBe(1);
  });

  it('that cannot be loaded leaves each file needing it unscanned, with the reason, and the rest is scanned', async () => {
    const { language, calls } = onDemand(async () => {
      throw new Error(
        "ENOENT: no such file or directory, access '/opt/plumbline/dist/grammar.wasm'\n    at stack",
      );
    });
    const result = await audit({ 'a.txt': 'foo\n', 'b.txt': '$((1)) foo\n', 'c.txt': 'foo $((2))\n' }, [
      language,
    ]);
    expect(where(result)).toEqual([
      'a.txt:1 dockerfile/no-foo',
      'b.txt:1 core/unscannable',
      'c.txt:1 core/unscannable',
    ]);
    expect(result.errors.map((e) => [e.file, e.kind, e.message])).toEqual(
      ['b.txt', 'c.txt'].map((file) => [
        file,
        'unscannable',
        "not fully scanned: the txt parser could not load what this file needs (is the installation complete?): ENOENT: no such file or directory, access '/opt/plumbline/dist/grammar.wasm'",
      ]),
    );
    // Each file that needs it tries again (a load that failed once may be a passing fault).
    expect(calls.loads).toBe(2);
  });
});

describe('a language whose set-up fails', () => {
  it('reports each of its files as not scanned, and the other languages are scanned', async () => {
    const conf: Language = {
      ...lineLanguage({ id: 'conf', extension: '.conf', syntaxError: '!', message: 'unexpected !' }),
      init: async () => {
        throw new Error("ENOENT: no such file or directory, access '/opt/plumbline/dist/conf.wasm'");
      },
    };
    const result = await audit({ 'a.txt': 'foo\n', 'x.conf': 'foo\n', 'y/z.conf': 'bar\n' }, [txt, conf]);
    expect(where(result)).toEqual([
      'a.txt:1 dockerfile/no-foo',
      'x.conf:1 core/unscannable',
      'y/z.conf:1 core/unscannable',
    ]);
    expect(result.errors.map((e) => [e.file, e.message])).toEqual(
      ['x.conf', 'y/z.conf'].map((file) => [
        file,
        "not fully scanned: the conf parser could not be set up (is the installation complete?): ENOENT: no such file or directory, access '/opt/plumbline/dist/conf.wasm'",
      ]),
    );
  });
});
