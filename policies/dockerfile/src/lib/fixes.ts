/**
 * Safe, format-preserving fixes for Dockerfile findings: small edits at exact offsets, so
 * continuations, quoting, comments and indentation stay as written. Each returns undefined when
 * the edit would not be mechanical (a word whose text differs from the source, a heredoc, a
 * command with shell syntax that JSON form cannot express).
 */
import { type EditFix, insertAt, type Loc, replaceLoc, type SourceFile } from '@plumbline/core';
import type {
  DockerfileModel,
  Instruction,
  ShellCommand,
  ShellWord,
  Stage,
} from '@plumbline/lang-dockerfile';

/** True when `loc` holds exactly `text` in its file (the parser's offsets are those of the source). */
function holds(loc: Loc, text: string): boolean {
  return loc.file.text.slice(loc.start, loc.end) === text;
}

function lineStart(file: SourceFile, offset: number): number {
  return file.offset(file.position(offset).line, 1);
}

/** ` --no-install-recommends` (or another option) right after the subcommand word. */
export function optionAfter(word: ShellWord, option: string, description: string): EditFix | undefined {
  if (!holds(word.loc, word.raw)) return undefined;
  return { description, edits: [insertAt(word.loc.file, word.loc.end, ` ${option}`)] };
}

/** ` && <text>` after the last command of a shell-form RUN (not into a heredoc). */
export function appendToRun(run: Instruction, text: string, description: string): EditFix | undefined {
  if (run.form !== 'shell' || run.heredocs.length > 0 || !run.shell || run.shell.hasError) return undefined;
  const last = run.shell.commands.filter((c) => !c.wrappedBy).at(-1);
  if (!last || last.loc.file !== run.loc.file || last.loc.end > run.loc.end) return undefined;
  return { description, edits: [insertAt(run.loc.file, last.loc.end, ` && ${text}`)] };
}

/** `ADD` → `COPY`, in the keyword's own case. */
export function copyInsteadOfAdd(add: Instruction): EditFix | undefined {
  const written = add.keywordLoc.file.text.slice(add.keywordLoc.start, add.keywordLoc.end);
  if (written.toUpperCase() !== 'ADD') return undefined;
  const copy = written === 'ADD' ? 'COPY' : written === 'add' ? 'copy' : 'COPY';
  return {
    description: 'Use COPY: ADD is only needed for archives and URLs',
    edits: [replaceLoc(add.keywordLoc, copy)],
  };
}

/** Plain words only: no quotes, expansions, globs, redirections or shell operators. */
const PLAIN_WORD = /^[\w@%+=:,./-]+$/;

/** `CMD node server.js` → `CMD ["node", "server.js"]`, when every word is plain. */
export function execForm(instruction: Instruction): EditFix | undefined {
  const body = instruction.bodyLoc;
  if (!body || instruction.form !== 'shell' || instruction.heredocs.length > 0) return undefined;
  const text = body.file.text.slice(body.start, body.end);
  if (/[\r\n\\]/.test(text)) return undefined;
  const words = text.trim().split(/\s+/);
  if (words.length === 0 || !words.every((w) => PLAIN_WORD.test(w))) return undefined;
  return {
    description: 'Write it in exec (JSON) form so the process gets signals directly',
    edits: [replaceLoc(body, `[${words.map((w) => JSON.stringify(w)).join(', ')}]`)],
  };
}

/** The user id a `useradd -u N` / `adduser -u N` in the stage gives, if a literal number. */
function createdUid(stage: Stage): string | undefined {
  for (const ins of stage.instructions) {
    for (const c of ins.shell?.commands ?? []) {
      if (c.base !== 'useradd' && c.base !== 'adduser') continue;
      const args = c.args.map((a) => a.value);
      for (let i = 0; i < args.length; i++) {
        const m = /^(?:-u|--uid)(?:=?(\d+))?$/.exec(args[i]!);
        if (!m) continue;
        const uid = m[1] ?? args[i + 1];
        if (uid && /^\d+$/.test(uid) && uid !== '0') return uid;
      }
    }
  }
  return undefined;
}

/**
 * `USER <uid>` when the final stage creates a user with a literal uid: a numeric id, so
 * Kubernetes' `runAsNonRoot` can verify it. The line goes before the first CMD/ENTRYPOINT after the
 * last RUN (later RUNs keep their root), or after the stage's last instruction.
 */
export function userFix(model: DockerfileModel): EditFix | undefined {
  const stage = model.finalStage;
  if (!stage) return undefined;
  const uid = createdUid(stage);
  if (!uid) return undefined;
  const file = stage.loc.file;
  const lastRun = stage.instructions.map((i) => i.keyword).lastIndexOf('RUN');
  const start = stage.instructions
    .slice(lastRun + 1)
    .find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  const description = `Run as the user the image creates (uid ${uid})`;
  if (start) {
    const at = lineStart(file, start.loc.start);
    if (at !== start.loc.start) return undefined;
    return { description, edits: [insertAt(file, at, `USER ${uid}\n`)] };
  }
  const last = stage.instructions.at(-1)!;
  return { description, edits: [insertAt(file, last.loc.end, `\nUSER ${uid}`)] };
}

const ALPINE = /alpine/i;
const HAS_BASH =
  /(^|\/)(debian|ubuntu|python|node|golang|ruby|rust|php|perl|openjdk|eclipse-temurin|amazoncorretto|maven|gradle|buildpack-deps|fedora|centos|rockylinux|almalinux|amazonlinux|ubi\d*(-minimal)?)$/;

/**
 * `SHELL [... "-o", "pipefail", "-c"]` on its own line before the RUN, for base images whose shell
 * is known: bash on Debian/Ubuntu/RHEL families, ash on Alpine. Unknown bases get no fix.
 */
export function pipefailFix(stage: Stage, run: Instruction): EditFix | undefined {
  const image = stage.image;
  if (!image.complete || image.stage) return undefined;
  const tag = image.tag ?? '';
  const shell =
    ALPINE.test(image.repository) || ALPINE.test(tag)
      ? '["/bin/ash", "-eo", "pipefail", "-c"]'
      : HAS_BASH.test(image.repository)
        ? '["/bin/bash", "-o", "pipefail", "-c"]'
        : undefined;
  if (!shell) return undefined;
  const file = run.loc.file;
  const at = lineStart(file, run.loc.start);
  if (at !== run.loc.start) return undefined;
  return {
    description: 'Make the pipe fail when any of its commands fails',
    edits: [insertAt(file, at, `SHELL ${shell}\n`)],
  };
}

/**
 * ` --progress=dot:giga` after `wget`, only where wget is GNU wget (Debian, Ubuntu and RHEL-family
 * bases): BusyBox wget (Alpine) has no `--progress` and would fail on it.
 */
export function wgetProgressFix(root: Stage, wget: ShellCommand): EditFix | undefined {
  const image = root.image;
  if (!image.complete || image.stage || image.scratch) return undefined;
  if (ALPINE.test(image.repository) || ALPINE.test(image.tag ?? '') || !HAS_BASH.test(image.repository))
    return undefined;
  return optionAfter(wget.nameWord, '--progress=dot:giga', 'Print one progress line per 32 MB');
}

export type { ShellCommand };
