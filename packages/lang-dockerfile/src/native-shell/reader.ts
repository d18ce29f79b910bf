import type { ArgumentKind } from '../shell-commands.js';
import { unescapeDoubleQuoted, unescapeWord } from '../shell-quoting.js';

/** A word as the native reader found it: offsets into the text it read. */
export interface NativeWord {
  start: number;
  end: number;
  value: string;
  dynamic: boolean;
  kind: ArgumentKind;
}

/** `NAME=value`: standalone, or before a command's name. An empty value sits at `end`. */
export interface NativeAssignment {
  type: 'assignment';
  start: number;
  end: number;
  name: string;
  value: string;
  valueStart: number;
  valueEnd: number;
}

export interface NativeCommand {
  type: 'command';
  start: number;
  end: number;
  env: NativeAssignment[];
  name: NativeWord;
  args: NativeWord[];
  /** Commands of one `a | b` pipeline share a number; undefined outside pipelines. */
  pipeline: number | undefined;
}

export type NativeItem = NativeCommand | NativeAssignment;

/**
 * The commands and standalone assignments of a script in the order the tree-sitter walk meets
 * them: a command, then the commands of the `$(...)` in its arguments (in source order); an
 * assignment, then those of its value.
 */
export interface NativeShell {
  items: NativeItem[];
}

/**
 * Thrown where the reader stops: the text has something it does not read the way tree-sitter-bash
 * does for sure. The message is the reason, for the benchmark's counts.
 */
class GiveUp extends Error {}

function giveUp(reason: string): never {
  throw new GiveUp(reason);
}

/**
 * Words that tree-sitter-bash reads as keywords where a command starts (compound commands,
 * declarations, tests): the reader leaves those scripts to it.
 */
const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'for',
  'select',
  'in',
  'while',
  'until',
  'do',
  'done',
  'case',
  'esac',
  'function',
  'unset',
  'unsetenv',
  '!',
]);

/** Declaration commands: not commands to the grammar, their `NAME=value` arguments are assignments. */
const DECLARATIONS = new Set(['declare', 'typeset', 'export', 'readonly', 'local']);

/** tree-sitter-bash's `number` token: such a word is a number node, not a word (`sh -c 1` reads nothing). */
const NUMBER = /^-?(0x)?[0-9]+(#[0-9A-Za-z@_]+)?$/;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
/** What a command name may start with: anything else is left to tree-sitter (`-x`, `*`, `[`, `{`). */
const COMMAND_START = /[A-Za-z0-9_./~"'$\\]/;
/** What an argument of `export` may start with: an option, or as a command name. */
const DECLARATION_ARGUMENT_START = /[A-Za-z0-9_./~"'$\\-]/;
/**
 * After a leading name (`abc` of `abc%x`), characters that may make the grammar's scanner read a
 * variable name where a command starts (`=` is an assignment, read here; `+` only before `=` or
 * `:`, so `g++` is a name).
 */
const VARIABLE_NAME_FOLLOWERS = new Set(['[', ':', '%', '#', '@', '?', '=']);
/** Characters that end a word outside quotes. */
const WORD_END = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const ONLY_BLANKS_LEFT = /(?:[ \t]|\\\n)*$/y;
const BRACKETS = /[{}[\]]/;
const ONLY_BRACKETS = /^[{}[\]]+$/;
/** What may follow `${NAME` before a plain operand and the closing brace. */
const EXPANSION_OPERATORS = [
  ':-',
  ':=',
  ':+',
  ':?',
  '-',
  '=',
  '+',
  '?',
  '##',
  '#',
  '%%',
  '%',
  '//',
  '/',
  ':',
];
/** Characters of an operand of `${NAME<op>operand}` the reader accepts. */
const EXPANSION_OPERAND = /[A-Za-z0-9_.,/:@*+=-]/;

/**
 * Reads a simple shell script (plain, quoted, `$VAR`/`${VAR}` and `$(...)` words, `&&`, `||`, `;`,
 * `&`, `|`, line breaks, comments, assignments, `export`-like declarations, simple redirections)
 * into commands, or says why it gives up.
 */
export function readNativeShell(text: string): NativeShell | string {
  try {
    return new Reader(text).script();
  } catch (error) {
    if (error instanceof GiveUp) return error.message;
    throw error;
  }
}

class Reader {
  private i = 0;
  /** Where the items of the script (or of the `$(...)` being read) go. */
  private items: NativeItem[] = [];
  /** Where the items of `$(...)` met in the word being read go. */
  private sink: NativeItem[] = [];
  /** How many `$(` the reader is in. */
  private substitutions = 0;
  private pipelines = 0;

  constructor(private readonly text: string) {}

  script(): NativeShell {
    // The grammar's scanner skips a carriage return before a line break in some states and not
    // in others (`a | b | c\r\nd` may run `d` as an argument of `c`). Dockerfile RUN lines hand
    // over none (continuations are blanked with it).
    if (this.text.includes('\r')) giveUp('a carriage return');
    this.statements(undefined);
    return { items: this.items };
  }

  /** Statements up to the end of the text, or up to `closing` (left unread). */
  private statements(closing: ')' | undefined): void {
    const { text } = this;
    this.skipBlank(true);
    if (closing && text[this.i] === closing) giveUp('an empty `$( )`');
    for (;;) {
      if (this.i >= text.length) {
        if (closing) giveUp('an unterminated `$(`');
        return;
      }
      this.statement();
      this.skipBlank(false);
      const ch = text[this.i];
      if (ch === undefined) continue;
      if (ch === closing) return;
      if (ch === ';' || ch === '&') {
        const next = text[this.i + 1];
        if (next === ';' || next === '&') giveUp(`\`${ch}${next}\``);
        this.i++;
      } else if (ch === '\n') this.i++;
      else giveUp(`\`${ch}\` after a command`);
      this.skipBlank(true);
      const after = text[this.i];
      if (after === ';' || after === '&') giveUp('an empty statement');
      if (after === closing) return;
    }
  }

  /** `a && b | c || d`, up to a terminator (`;`, `&`, a line break) or the end. */
  private statement(): void {
    const { text } = this;
    let first = true;
    for (;;) {
      const elements = this.pipeline(first);
      this.skipBlank(false);
      const two = text.slice(this.i, this.i + 2);
      if (two !== '&&' && two !== '||') return;
      // The grammar reads `a | b | c && d` as `a | (b | c && d)`: `a` in a pipeline of its own.
      if (first && elements > 2) giveUp('a pipeline of three or more commands before `&&` or `||`');
      first = false;
      this.i += 2;
      this.skipBlank(true);
    }
  }

  /** `a | b | c`: commands of two or more share a pipeline number. Returns the number of elements. */
  private pipeline(startsStatement: boolean): number {
    const { text } = this;
    const commands: NativeCommand[] = [];
    let elements = 0;
    for (;;) {
      const read = this.simpleCommand(commands);
      elements++;
      this.skipBlank(false);
      if (text[this.i] !== '|' || text[this.i + 1] === '|') {
        if (read === 'declaration' && elements > 1) giveUp('a declaration in a pipeline');
        break;
      }
      if (text[this.i + 1] === '&') giveUp('`|&`');
      if (read === 'declaration') giveUp('a declaration in a pipeline');
      // tree-sitter-bash redirects all it has read of the statement (`x && a > f | b` redirects
      // `x && a`, a list, which keeps `a` out of the pipeline): only a first command is simple.
      if (read === 'redirected' && !(startsStatement && elements === 1))
        giveUp('a redirection inside a pipeline');
      this.i++;
      this.skipBlank(true);
    }
    if (elements > 1) {
      const id = this.pipelines++;
      for (const cmd of commands) cmd.pipeline = id;
    }
    return elements;
  }

  /**
   * Assignments, then a command name, arguments and redirections; or a declaration. Adds the
   * command (also to `commands`) or the standalone assignments to the script, each followed by
   * the items of its `$(...)`.
   */
  private simpleCommand(commands: NativeCommand[]): 'command' | 'redirected' | 'assignments' | 'declaration' {
    const { text } = this;
    const env: { assignment: NativeAssignment; inner: NativeItem[] }[] = [];
    while (this.atAssignment()) {
      env.push(this.assignment());
      this.skipBlank(false);
    }
    // `A=1 B=2` then a line break: the grammar reads the next line's first word as their command.
    if (env.length > 1 && text[this.i] === '\n') giveUp('assignments before a line break');
    if (!this.atWord()) {
      if (env.length === 0)
        giveUp(this.i < text.length ? `\`${text[this.i]}\` where a command starts` : 'no command');
      if (this.atRedirection()) giveUp('a redirection without a command');
      for (const { assignment, inner } of env) this.items.push(assignment, ...inner);
      return 'assignments';
    }
    const ch = text[this.i]!;
    if (!COMMAND_START.test(ch)) giveUp(`\`${ch}\` at the start of a command name`);
    // The walk does not look into the name or the assignments before it: their `$(...)` are dropped.
    const { word: name } = this.wordAndInner(true);
    if (name.kind === 'word' && KEYWORDS.has(name.value)) giveUp(`the keyword \`${name.value}\``);
    if (name.kind === 'word' && DECLARATIONS.has(name.value)) {
      if (env.length > 0) giveUp('assignments before a declaration');
      this.declaration();
      return 'declaration';
    }
    const args: NativeWord[] = [];
    const inner: NativeItem[] = [];
    let redirected = false;
    for (;;) {
      this.skipBlank(false);
      if (this.atRedirection()) {
        inner.push(...this.redirection());
        redirected = true;
      } else if (this.atWord()) {
        if (redirected) giveUp('a word after a redirection');
        // The grammar reads `} }` or `{} [x]` as one word, blanks included.
        const previous = args[args.length - 1];
        if (
          previous &&
          BRACKETS.test(text[this.i]!) &&
          ONLY_BRACKETS.test(text.slice(previous.start, previous.end))
        )
          giveUp('brackets after a word of brackets');
        const arg = this.wordAndInner(false);
        args.push(arg.word);
        inner.push(...arg.inner);
      } else break;
    }
    const start = env.length > 0 ? env[0]!.assignment.start : name.start;
    const end = args.length > 0 ? args[args.length - 1]!.end : name.end;
    const cmd: NativeCommand = {
      type: 'command',
      start,
      end,
      env: env.map((e) => e.assignment),
      name,
      args,
      pipeline: undefined,
    };
    this.items.push(cmd, ...inner);
    commands.push(cmd);
    return redirected ? 'redirected' : 'command';
  }

  /** The arguments of `export`, `local`, ... after the keyword: assignments and plain words. */
  private declaration(): void {
    const { text } = this;
    for (;;) {
      this.skipBlank(false);
      if (this.atRedirection()) giveUp('a redirection of a declaration');
      if (this.atAssignment()) {
        const { assignment, inner } = this.assignment();
        this.items.push(assignment, ...inner);
      } else if (this.atWord()) {
        if (!DECLARATION_ARGUMENT_START.test(text[this.i]!)) giveUp(`\`${text[this.i]}\` in a declaration`);
        const { word, inner } = this.wordAndInner(false);
        // The scanner reads names there as it does where a command starts (`export A+=1`).
        this.checkCommandName(text.slice(word.start, word.end));
        this.items.push(...inner);
      } else return;
    }
  }

  /** At `NAME=`, a name the grammar reads as a variable name where a command starts. */
  private atAssignment(): boolean {
    const { text } = this;
    if (!NAME_START.test(text[this.i] ?? '')) return false;
    let j = this.i + 1;
    while (NAME_CHAR.test(text[j] ?? '')) j++;
    return text[j] === '=';
  }

  private assignment(): { assignment: NativeAssignment; inner: NativeItem[] } {
    const { text } = this;
    const start = this.i;
    const eq = text.indexOf('=', start);
    const name = text.slice(start, eq);
    this.i = eq + 1;
    const next = text[this.i];
    if (next === '#' || next === '=' || next === '(') giveUp(`\`=${next}\` in an assignment`);
    if (!this.atWord()) {
      const end = this.i;
      return {
        assignment: { type: 'assignment', start, end, name, value: '', valueStart: end, valueEnd: end },
        inner: [],
      };
    }
    const { word: value, inner } = this.wordAndInner(false);
    const assignment: NativeAssignment = {
      type: 'assignment',
      start,
      end: value.end,
      name,
      value: value.value,
      valueStart: value.start,
      valueEnd: value.end,
    };
    return { assignment, inner };
  }

  /** At the start of a word: not a blank, an operator, a comment or the end. */
  private atWord(): boolean {
    const ch = this.text[this.i];
    return ch !== undefined && !WORD_END.has(ch) && ch !== '#' && !this.atRedirection();
  }

  /** At `>`, `>>`, `<`, `&>`, `&>>`, or a file descriptor followed by one (`2>`). */
  private atRedirection(): boolean {
    const { text } = this;
    let j = this.i;
    while (text[j]! >= '0' && text[j]! <= '9') j++;
    const ch = text[j];
    if (ch === '>' || ch === '<') return true;
    return j === this.i && ch === '&' && text[j + 1] === '>';
  }

  /**
   * `> file`, `>> file`, `< file`, `2>&1`, `&> file`, `2>/dev/null`: nothing of it is in the model
   * but the commands of a `$(...)` in the file name, returned.
   */
  private redirection(): NativeItem[] {
    const { text } = this;
    const before = text[this.i - 1];
    // `a2>f` and `x"y">f` are words the grammar's scanner may read as a file descriptor.
    if (before !== undefined && !/[ \t]/.test(before)) giveUp('a redirection right after a word');
    while (text[this.i]! >= '0' && text[this.i]! <= '9') this.i++;
    const op = /^(&>>|&>|>>|>&|>|<)/.exec(text.slice(this.i, this.i + 3))?.[0];
    const after = text[this.i + (op?.length ?? 0)];
    if (
      !op ||
      after === '|' ||
      after === '&' ||
      after === '>' ||
      after === '<' ||
      after === '-' ||
      after === '('
    )
      giveUp(`the redirection \`${text.slice(this.i, this.i + 3)}\``);
    this.i += op.length;
    this.skipBlank(false);
    if (!this.atWord()) giveUp('a redirection without a file');
    return this.wordAndInner(false).inner;
  }

  /** A word and the items of the `$(...)` in it. */
  private wordAndInner(commandName: boolean): { word: NativeWord; inner: NativeItem[] } {
    const outer = this.sink;
    const inner: NativeItem[] = [];
    this.sink = inner;
    try {
      return { word: this.word(commandName), inner };
    } finally {
      this.sink = outer;
    }
  }

  /**
   * A word: plain text with backslash escapes, `'...'`, `"..."`, `$NAME` and `${NAME...}`, side
   * by side. Its value has the quotes removed (expansions kept as written).
   */
  private word(commandName: boolean): NativeWord {
    const { text } = this;
    const start = this.i;
    let value = '';
    let dynamic = false;
    /** tree-sitter's pieces so far: plain text runs, each `{ } [ ]`, strings, expansions. */
    let pieces = 0;
    let plainPieces = 0;
    let plain: 'text' | 'bracket' | undefined;
    let lastQuote: ArgumentKind | undefined;
    let bracketed = false;
    /**
     * An unquoted expansion as the third piece or later: the grammar ends the word at its `$`
     * when more follows (`x$A-$B-c` is read as `x$A-$` and `B-c`; measured over every word of up
     * to five pieces).
     */
    let lateExpansion = false;
    const newPiece = () => {
      if (lateExpansion) giveUp('a word going on after an expansion in its third piece or later');
      pieces++;
    };
    for (;;) {
      const ch = text[this.i];
      if (ch === undefined || WORD_END.has(ch)) {
        // `)` ends a `$(...)` (or is left to the caller to refuse).
        if (ch === '(') giveUp('`(`');
        break;
      }
      if (ch === "'") {
        const close = text.indexOf("'", this.i + 1);
        if (close < 0) giveUp('an unterminated single quote');
        newPiece();
        value += text.slice(this.i + 1, close);
        this.i = close + 1;
        plain = undefined;
        lastQuote = 'raw_string';
      } else if (ch === '"') {
        newPiece();
        const { inner, hasExpansion } = this.doubleQuoted();
        value += unescapeDoubleQuoted(inner);
        dynamic ||= hasExpansion;
        plain = undefined;
        lastQuote = 'string';
      } else if (ch === '$' && text[this.i + 1] === '(') {
        // A command substitution as a later piece keeps the word going, unlike other expansions.
        newPiece();
        const from = this.i;
        this.substitution();
        value += text.slice(from, this.i);
        dynamic = true;
        plain = undefined;
        lastQuote = undefined;
      } else if (ch === '$') {
        newPiece();
        const expansion = this.expansion();
        value += expansion;
        dynamic = true;
        if (pieces >= 3) {
          lateExpansion = true;
          // Even last: `a-b$1` is read as `a-b$` and `1`.
          if (/^\$[0-9]/.test(expansion))
            giveUp('a positional parameter in the third piece of a word or later');
        }
        plain = undefined;
        lastQuote = undefined;
      } else if (ch === '`') giveUp('a backquote');
      else if (ch === '{' || ch === '}' || ch === '[' || ch === ']') {
        // Concatenations to the grammar: fine for an argument, not where a command starts.
        if (commandName) giveUp(`\`${ch}\` in a command name`);
        newPiece();
        plainPieces++;
        plain = 'bracket';
        bracketed = true;
        value += ch;
        this.i++;
      } else {
        if (plain !== 'text') {
          // `"a"#b` is a word and a comment word to the grammar; `"a"\\b` two words.
          if (ch === '#') giveUp('`#` inside a word');
          if (ch === '\\' && pieces > 0) giveUp('a backslash after a quote, an expansion or a bracket');
          newPiece();
          plainPieces++;
          plain = 'text';
        }
        if (ch === '\\') {
          const next = text[this.i + 1];
          if (next === undefined || /\s/.test(next)) giveUp('a backslash before a blank');
          value += unescapeWord(text.slice(this.i, this.i + 2));
          this.i += 2;
        } else {
          if (/\s/.test(ch) || ch < ' ' || ch === '\x7f' || ch === '\u0085')
            giveUp('an unusual blank or control character');
          value += ch;
          this.i++;
        }
      }
    }
    const end = this.i;
    const raw = text.slice(start, end);
    let kind: ArgumentKind = 'other';
    if (pieces === 1) {
      // A lone `{`, `}`, `[` or `]` is a word (`{}` a concatenation), a number is not.
      if (plainPieces === 1) kind = bracketed || !NUMBER.test(raw) ? 'word' : 'other';
      else if (lastQuote) kind = lastQuote;
    }
    if (commandName) this.checkCommandName(raw);
    return { start, end, value, dynamic, kind };
  }

  /** Command names the grammar's scanner reads otherwise (`abc%x`, `é=1`, `1=x`). */
  private checkCommandName(raw: string): void {
    let j = 0;
    while (j < raw.length && NAME_CHAR.test(raw[j]!)) j++;
    const after = raw[j];
    if (j > 0 && after !== undefined) {
      const plus = after === '+' && (raw[j + 1] === '=' || raw[j + 1] === ':');
      if (plus || VARIABLE_NAME_FOLLOWERS.has(after))
        giveUp(`\`${after}\` after a name where a command starts`);
    }
    if (/[^\x20-\x7e]/.test(raw)) giveUp('a non-ASCII command name');
  }

  /** `"..."` at `this.i`: its inside, as written. */
  private doubleQuoted(): { inner: string; hasExpansion: boolean } {
    const { text } = this;
    const open = this.i;
    this.i++;
    let hasExpansion = false;
    for (;;) {
      const ch = text[this.i];
      if (ch === undefined) giveUp('an unterminated double quote');
      if (ch === '"') break;
      if (ch === '\\') {
        const next = text[this.i + 1];
        if (next === undefined) giveUp('an unterminated double quote');
        this.i += 2;
      } else if (ch === '$') {
        if (text[this.i + 1] === '"') giveUp('`$` before a closing quote');
        if (text[this.i + 1] === '(') this.substitution();
        else this.expansion();
        hasExpansion = true;
      } else if (ch === '`') giveUp('a backquote');
      else if (ch === '\n') giveUp('a line break inside double quotes');
      else this.i++;
    }
    this.i++;
    return { inner: text.slice(open + 1, this.i - 1), hasExpansion };
  }

  /** `$(...)` at `this.i`: its statements' items go to the sink of the word being read. */
  private substitution(): void {
    const { text } = this;
    if (text[this.i + 2] === '(') giveUp('`$((`');
    this.i += 2;
    const outerItems = this.items;
    const outerSink = this.sink;
    this.items = [];
    this.substitutions++;
    this.statements(')');
    this.substitutions--;
    this.i++;
    const items = this.items;
    this.items = outerItems;
    this.sink = outerSink;
    this.sink.push(...items);
  }

  /** `$NAME`, `$1`, `$?` or a simple `${NAME...}` at `this.i`: returns it as written. */
  private expansion(): string {
    const { text } = this;
    const start = this.i;
    const next = text[start + 1];
    if (next === undefined) giveUp('a bare `$`');
    if (NAME_CHAR.test(next)) {
      let j = start + 2;
      while (NAME_CHAR.test(text[j] ?? '')) j++;
      this.i = j;
    } else if ('@*#?$!-'.includes(next)) this.i = start + 2;
    else if (next === '{') this.i = this.bracedExpansionEnd(start);
    else giveUp(`\`$${next}\``);
    return text.slice(start, this.i);
  }

  /** The end of `${NAME}`, `${#NAME}`, `${NAME:-plain}`, `${NAME%.*}`, `${NAME//a/b}` starting at `start`. */
  private bracedExpansionEnd(start: number): number {
    const { text } = this;
    let j = start + 2;
    const length = text[j] === '#';
    if (length) j++;
    const nameStart = j;
    if (NAME_START.test(text[j] ?? '')) while (NAME_CHAR.test(text[j] ?? '')) j++;
    else while (/[0-9]/.test(text[j] ?? '')) j++;
    if (j === nameStart) giveUp('an unusual `${...}`');
    if (text[j] === '}') return j + 1;
    if (length) giveUp('an unusual `${#...}`');
    const op = EXPANSION_OPERATORS.find((o) => text.startsWith(o, j));
    if (!op) giveUp('an unusual `${...}`');
    j += op.length;
    const operandStart = j;
    while (j < text.length && text[j] !== '}') {
      if (!EXPANSION_OPERAND.test(text[j]!)) giveUp('an unusual `${...}`');
      j++;
    }
    if (text[j] !== '}') giveUp('an unterminated `${`');
    // `${X:1:2}`: the grammar reads numbers and names there, not words.
    if (op === ':' && !/^[0-9]+(:[0-9]+)?$/.test(text.slice(operandStart, j))) giveUp('an unusual `${...}`');
    return j + 1;
  }

  /**
   * Skips blanks, comments and line continuations (and line breaks when `lineBreaks`: after `&&`,
   * `|`, `;`, where a statement may start).
   */
  private skipBlank(lineBreaks: boolean): void {
    const { text } = this;
    for (;;) {
      const ch = text[this.i];
      if (ch === ' ' || ch === '\t' || (lineBreaks && ch === '\n')) this.i++;
      else if (ch === '#') {
        // A comment would run over the `)` of `$(a # b)`.
        if (this.substitutions > 0) giveUp('a comment inside `$( )`');
        const nl = text.indexOf('\n', this.i);
        this.i = nl < 0 ? text.length : nl;
      } else if (ch === '\\' && text[this.i + 1] === '\n') {
        this.i += 2;
        // A continuation with nothing but blanks after it is a syntax error to the grammar.
        ONLY_BLANKS_LEFT.lastIndex = this.i;
        if (ONLY_BLANKS_LEFT.test(text)) giveUp('a line continuation at the end');
      } else return;
    }
  }
}
