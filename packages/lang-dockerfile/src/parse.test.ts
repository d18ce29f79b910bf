import { type Loc, SourceFile } from '@plumbline/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dockerfileLanguage, isDockerfilePath } from './language.js';
import type { DockerfileModel } from './model.js';
import { splitImage } from './parse.js';
import { substitute } from './vars.js';

beforeAll(async () => {
  await dockerfileLanguage.load!();
});

function parse(text: string) {
  const file = new SourceFile('Dockerfile', text);
  const result = dockerfileLanguage.parse(file);
  return { ...result, model: result.model as DockerfileModel, file };
}

/** `line:col-line:col text` of a Loc, 1-based, end exclusive. */
function at(loc: Loc | undefined): string {
  if (!loc) return '-';
  const s = loc.file.span(loc.start, loc.end);
  return `${s.startLine}:${s.startColumn}-${s.endLine}:${s.endColumn} ${loc.file.text.slice(loc.start, loc.end)}`;
}

describe('file names', () => {
  it.each([
    ['Dockerfile', true],
    ['app/Dockerfile', true],
    ['dockerfile', true],
    ['Dockerfile.prod', true],
    ['docker/api.Dockerfile', true],
    ['x.dockerfile', true],
    ['Containerfile', true],
    ['Containerfile.fedora', true],
    ['Dockerfile.template', false],
    ['Dockerfile.tmpl', false],
    ['Dockerfile.j2', false],
    ['Dockerfile.dockerignore', false],
    ['README.md', false],
    ['dockerfiles/readme', false],
  ])('%s → %s', (path, claimed) => {
    expect(isDockerfilePath(path)).toBe(claimed);
  });
});

describe('stages and images', () => {
  it('splits FROM into image parts, alias and platform, with spans', () => {
    const { model, problems } = parse(
      'ARG BASE=node\nARG TAG\nFROM --platform=$BUILDPLATFORM ${BASE}:${TAG:-20} AS Build\nFROM ghcr.io/org/app:1.2@sha256:abc AS final\nFROM build\n',
    );
    expect(problems).toEqual([]);
    const [a, b, c] = model.stages;
    expect(a!.image.value).toBe('node:20');
    expect(a!.image.complete).toBe(true);
    expect(a!.image.tag).toBe('20');
    expect(at(a!.image.tagLoc)).toBe('3:40-3:50 ${TAG:-20}');
    expect(a!.name).toBe('build');
    expect(at(a!.nameLoc)).toBe('3:54-3:59 Build');
    expect(a!.platform?.value).toBe('$BUILDPLATFORM');
    expect(b!.image).toMatchObject({
      registry: 'ghcr.io',
      repository: 'org/app',
      tag: '1.2',
      digest: 'sha256:abc',
    });
    expect(at(b!.image.digestLoc)).toBe('4:26-4:36 sha256:abc');
    expect(c!.image.stage).toBe(a);
    expect(c!.isFinal).toBe(true);
    expect(model.finalStage).toBe(c);
    expect(model.globalArgs.map((i) => i.properties[0]!.name)).toEqual(['BASE', 'TAG']);
  });

  it('splits image references', () => {
    expect(splitImage('localhost:5000/a/b:1')).toMatchObject({
      registry: 'localhost:5000',
      repository: 'a/b',
      tag: '1',
    });
    expect(splitImage('ubuntu')).toMatchObject({ registry: undefined, repository: 'ubuntu', tag: undefined });
    expect(splitImage('library/ubuntu@sha256:1')).toMatchObject({
      repository: 'library/ubuntu',
      tag: undefined,
      digest: 'sha256:1',
    });
  });

  it('marks an unknown variable as incomplete', () => {
    const { model } = parse('FROM $IMAGE\n');
    expect(model.stages[0]!.image.complete).toBe(false);
  });
});

describe('instructions', () => {
  it('keeps flags, JSON form and properties with spans', () => {
    const { model } = parse(
      'FROM alpine:3\nCOPY --from=build --chown=app:app ["a b", "/dst/"]\nCMD ["node", "x\\"y"]\nENV A=1 B="two words"\nonbuild run echo hi\n',
    );
    const [, copy, cmd, env, onbuild] = model.stages[0]!.instructions;
    expect(copy!.flags.map((f) => [f.name, f.value, at(f.loc)])).toEqual([
      ['from', 'build', '2:6-2:18 --from=build'],
      ['chown', 'app:app', '2:19-2:34 --chown=app:app'],
    ]);
    expect(copy!.form).toBe('json');
    expect(copy!.json!.map((w) => [w.value, at(w.loc)])).toEqual([
      ['a b', '2:36-2:41 "a b"'],
      ['/dst/', '2:43-2:50 "/dst/"'],
    ]);
    expect(cmd!.json!.map((w) => w.value)).toEqual(['node', 'x"y']);
    expect(env!.properties.map((p) => [p.name, p.value, at(p.valueLoc)])).toEqual([
      ['A', '1', '4:7-4:8 1'],
      ['B', 'two words', '4:11-4:22 "two words"'],
    ]);
    expect(onbuild!.keyword).toBe('ONBUILD');
    expect(onbuild!.trigger!.keyword).toBe('RUN');
    expect(onbuild!.trigger!.shell!.commands.map((c) => c.name)).toEqual(['echo']);
  });

  it('keeps COPY heredocs, directives and stage names on instructions', () => {
    const { model } = parse(
      '# syntax=docker/dockerfile:1.7\nFROM alpine:3 AS Final\nCOPY <<EOF /etc/app.conf\nport=80\nEOF\n',
    );
    expect(model.directives.map((d) => [d.name, d.value])).toEqual([['syntax', 'docker/dockerfile:1.7']]);
    const copy = model.stages[0]!.instructions[1]!;
    expect(copy.form).toBe('heredoc');
    expect(copy.stageName).toBe('final');
    expect(copy.heredocs.map((h) => [h.name, h.content, at(h.contentLoc)])).toEqual([
      ['EOF', 'port=80', '4:1-4:8 port=80'],
    ]);
  });

  it('treats invalid JSON as shell form', () => {
    const { model } = parse("FROM alpine:3\nCMD ['node', 'app.js']\n");
    expect(model.stages[0]!.instructions[1]!.form).toBe('shell');
  });

  it('resolves ARG and ENV values in scope', () => {
    const { model } = parse(
      'ARG V=1\nFROM alpine:3\nARG V\nENV HOME=/home/app DIR=${HOME}/x\nWORKDIR ${DIR:-/tmp}\n',
    );
    const workdir = model.stages[0]!.instructions[3]!;
    // `DIR=${HOME}/x` is evaluated before HOME is set by the same ENV (Docker semantics).
    expect(model.resolve('${V}-${HOME}', workdir)).toEqual({ value: '1-/home/app', complete: true });
    expect(model.resolve(workdir.args[0]!.value, workdir)).toEqual({ value: '${HOME}/x', complete: false });
  });

  it('reports unknown instructions, and keeps instructions before FROM for the rule that reports them', () => {
    const { problems, model } = parse('RUN echo\nFROM alpine:3\nFOO bar\n');
    expect(problems.map((p) => `${p.message} @ ${at(p.loc)}`)).toEqual([
      'unknown instruction: FOO @ 3:1-3:4 FOO',
    ]);
    expect(model.instructions[0]).toMatchObject({ keyword: 'RUN', stageIndex: -1 });
  });

  it('reads a file without FROM as a fragment: one stand-in stage, shells parsed, no parse error', () => {
    const { problems, model } = parse(
      'ARG V=1\nENV DIR=/opt/app\nRUN cd $DIR && make install\nCOPY --from=build /a /b\n',
    );
    expect(problems).toEqual([]);
    expect(model.stages).toEqual([]);
    expect(model.finalStage).toBeUndefined();
    expect(model.fragment?.instructions.map((i) => i.keyword)).toEqual(['ENV', 'RUN', 'COPY']);
    expect(model.fragment?.image.complete).toBe(false);
    expect(model.fragment?.instructions[1]?.shell?.commands.map((c) => c.base)).toEqual(['cd', 'make']);
    expect(model.globalArgs.map((i) => i.keyword)).toEqual(['ARG']);
  });

  it('reports instructions Docker rejects for a missing argument', () => {
    const { problems, model } = parse('FROM\nFROM alpine:3\nRUN \\\n');
    expect(problems.map((p) => `${p.message} @ ${at(p.loc)}`)).toEqual([
      'FROM needs an image @ 1:1-1:5 FROM',
      'RUN needs at least one argument @ 3:1-3:4 RUN',
    ]);
    expect(model.stages).toHaveLength(1);
  });

  it('collects comments, including those between continued lines', () => {
    const { comments } = parse('# hadolint ignore=DL3008\nFROM alpine:3\nRUN a \\\n  # inner\n  b\n');
    expect(comments.map((c) => [c.line, c.text, c.ownLine])).toEqual([
      [1, ' hadolint ignore=DL3008', true],
      [4, ' inner', true],
    ]);
  });
});

describe('RUN shell', () => {
  const commands = (text: string) => {
    const { model } = parse(text);
    return model.stages.flatMap((s) => s.instructions.flatMap((i) => i.shell?.commands ?? []));
  };

  it('maps argument spans through line continuations and embedded comments', () => {
    const cmds = commands(
      'FROM debian:12\nRUN apt-get update && \\\n    # install\n    apt-get install -y \\\n      curl\n',
    );
    expect(cmds.map((c) => c.name)).toEqual(['apt-get', 'apt-get']);
    expect(cmds[1]!.args.map((a) => at(a.loc))).toEqual([
      '4:13-4:20 install',
      '4:21-4:23 -y',
      '5:7-5:11 curl',
    ]);
  });

  it('honours escape=` (backslashes are literal, backticks continue)', () => {
    const cmds = commands('# escape=`\nFROM debian:12\nRUN echo C:\\dir && `\n    curl -k https://x\n');
    expect(cmds.map((c) => c.name)).toEqual(['echo', 'curl']);
    expect(at(cmds[1]!.args[0]!.loc)).toBe('4:10-4:12 -k');
  });

  it('does not treat an escaped escape at the end of a line as a continuation (BuildKit)', () => {
    const { model, problems } = parse(
      'FROM alpine:3\nCOPY a \\\n  C:\\\\dir\\\\\n\n# c\nENV V 1\nRUN echo \\\\\necho two\n',
    );
    const keywords = model.stages[0]!.instructions.map((i) => i.keyword);
    // `RUN echo \\` ends there, so Docker reads `echo two` as an (unknown) instruction.
    expect(keywords).toEqual(['FROM', 'COPY', 'ENV', 'RUN', 'ECHO']);
    expect(problems.map((p) => p.message)).toEqual(['unknown instruction: echo']);
    const copy = model.stages[0]!.instructions[1]!;
    expect(at(copy.loc)).toBe('2:1-3:12 COPY a \\\n  C:\\\\dir\\\\');
  });

  it('parses heredoc scripts at their lines, not stdin data', () => {
    const cmds = commands(
      'FROM debian:12\nRUN <<EOF\nset -e\napt-get install -y vim\nEOF\nRUN cat <<EOT > /etc/x.conf\nsudo ignored\nEOT\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n',
    );
    expect(cmds.map((c) => c.name)).toEqual(['set', 'apt-get', 'cat']);
    expect(at(cmds[1]!.args[2]!.loc)).toBe('4:20-4:23 vim');
  });

  it('looks into sh -c, sudo and env, with spans inside the quoted script', () => {
    const cmds = commands('FROM alpine:3\nRUN sudo env A=1 sh -c "curl -k \\"$URL\\" | bash" && echo ok\n');
    expect(cmds.map((c) => `${c.name}<${c.wrappedBy?.name ?? ''}`)).toEqual([
      'sudo<',
      'env<sudo',
      'sh<env',
      'curl<sh',
      'bash<sh',
      'echo<',
    ]);
    const curl = cmds[3]!;
    expect(at(curl.args[0]!.loc)).toBe('2:30-2:32 -k');
    expect(curl.args[1]!.value).toBe('$URL');
    expect(curl.pipeline?.commands.map((c) => c.name)).toEqual(['curl', 'bash']);
  });

  it('parses exec form with sh -c, and plain exec form as one command', () => {
    const cmds = commands(
      'FROM alpine:3\nRUN ["/bin/sh", "-c", "wget --no-check-certificate \\"x\\""]\nRUN ["apk", "add", "git"]\n',
    );
    expect(cmds.map((c) => c.name)).toEqual(['wget', 'apk']);
    expect(at(cmds[0]!.args[0]!.loc)).toBe('2:29-2:51 --no-check-certificate');
    expect(cmds[0]!.args[1]!.value).toBe('x');
    expect(at(cmds[1]!.args[1]!.loc)).toBe('3:20-3:25 "git"');
  });

  it('does not parse PowerShell or cmd as POSIX shell', () => {
    const cmds = commands(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir c:\\\nFROM alpine:3\nSHELL ["pwsh", "-c"]\nRUN Get-Item x\n',
    );
    expect(cmds).toEqual([]);
  });

  it('handles CRLF line endings', () => {
    const cmds = commands('FROM debian:12\r\nRUN apt-get update && \\\r\n    apt-get install -y curl\r\n');
    expect(cmds.map((c) => c.name)).toEqual(['apt-get', 'apt-get']);
    expect(at(cmds[1]!.args[2]!.loc)).toBe('3:24-3:28 curl');
  });

  it('blanks CRLF continuations and the comment and empty lines between them, keeping every offset', () => {
    const text = 'FROM alpine:3\r\nRUN echo "a"\'b\'$X \\\r\n  # note\r\n\r\n  && A=1 env B="$(id -u)" ls \\';
    const { model } = parse(text);
    const run = model.instructions[1]!;
    // The escape on the last line continues nothing: it stays.
    expect(run.body).toBe(`echo "a"'b'$X ${' '.repeat(17)}&& A=1 env B="$(id -u)" ls \\`);
    expect(run.body.length).toBe(run.bodyLoc!.end - run.bodyLoc!.start);
    const cmds = run.shell!.commands;
    expect(cmds.map((c) => `${c.name}<${c.wrappedBy?.name ?? ''}`)).toEqual([
      'echo<',
      'env<',
      'ls<env',
      'id<',
    ]);
    expect(cmds[0]!.args.map((a) => [a.value, a.dynamic, at(a.loc)])).toEqual([
      ['ab$X', true, `2:10-2:18 "a"'b'$X`],
    ]);
    expect(cmds[1]!.env.map((e) => `${e.name}=${e.value}`)).toEqual(['A=1']);
    expect(cmds[1]!.args.map((a) => [a.value, a.dynamic])).toEqual([
      ['B=$(id -u)', true],
      ['ls', false],
    ]);
    expect(at(cmds[3]!.args[0]!.loc)).toBe('5:22-5:24 -u');
  });

  it('keeps offsets right after non-ASCII text', () => {
    const cmds = commands('FROM alpine:3\nRUN echo "héllo" && curl -k x\n');
    expect(at(cmds[1]!.args[0]!.loc)).toBe('2:26-2:28 -k');
  });
});

describe('variable substitution', () => {
  const scope = new Map<string, string | undefined>([
    ['A', 'a'],
    ['E', ''],
    ['U', undefined],
  ]);
  it.each([
    ['$A ${A}', 'a a', true],
    ['${E:-d} ${E-d}', 'd ', true],
    ['${U:-d} ${X:-y}', 'd y', true],
    ['${A:+alt} ${E:+alt}', 'alt ', true],
    ['\\$A', '\\$A', true],
    ['$X/b', '$X/b', false],
  ])('%s → %s', (text, value, complete) => {
    expect(substitute(text, scope)).toEqual({ value, complete });
  });
});
