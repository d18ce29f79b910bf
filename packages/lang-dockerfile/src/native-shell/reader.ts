import type {
  NativeAssignment,
  NativeCommand,
  NativeItem,
  NativeShell,
  NativeWord,
} from './native-script.js';
import { GiveUp, giveUp, NAME_CHAR, NAME_START, WORD_END, WordReader } from './word-reader.js';

/**
 * Words that tree-sitter-bash reads as keywords where a command starts (when the word token at the
 * start of a name is one: `if"x"` starts an `if`).
 */
const RESERVED = new Set([
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
  'declare',
  'typeset',
  'export',
  'readonly',
  'local',
  'unset',
  'unsetenv',
  '!',
]);
/** The grammar's word token at the start of a name: what it compares with the keywords. */
const WORD_TOKEN = /(?:[^#'"<>{}[\]()`$|&;\\\s]|\\\S)(?:[^'"<>{}[\]()`$|&;\\\s]|\\\S|\\ )*/y;
/** A keyword or brace where a statement starts, read before the reader decides what follows. */
const KEYWORD_AT = /[a-z]+|[{}!]/y;

/** What an element of a pipeline was (its commands are linked to the pipeline only if `command`). */
type ElementKind = 'command' | 'assignments' | 'declaration' | 'block' | 'function';

/** `name()` (and `name ()`) where a statement starts: a function definition. */
const FUNCTION_HEAD = /[A-Za-z_][A-Za-z0-9_]*[ \t]*\(\)/y;
const CASE_PATTERN_CHAR = /[A-Za-z0-9_.*?/+:,@%=~^-]/;
const THEN = new Set(['then']);
const AFTER_THEN = new Set(['elif', 'else', 'fi']);
const FI = new Set(['fi']);
const DO = new Set(['do']);
const DONE = new Set(['done']);
const CLOSE_BRACE = new Set(['}']);
const CLOSE_PAREN = new Set([')']);
const CASE_ITEM_END = new Set([';;', 'esac']);
/** `[ x = y ]`, `[ -f x ]`: binary operators of the simple tests the reader accepts. */
const TEST_BINARY = /^(=|!=|-[a-zA-Z]+)$/;
const TEST_UNARY = /^-[a-zA-Z]+$/;

/** Declaration commands: not commands to the grammar, their `NAME=value` arguments are assignments. */
const DECLARATIONS = new Set(['declare', 'typeset', 'export', 'readonly', 'local']);

/** What a command name may start with: anything else is left to tree-sitter (`-x`, `*`, `[`, `{`). */
const COMMAND_START = /[A-Za-z0-9_./~:"'$\\]/;
/** What an argument of `export` may start with: an option, or as a command name. */
const DECLARATION_ARGUMENT_START = /[A-Za-z0-9_./~"'$\\-]/;
const BRACKETS = /[{}[\]]/;
const ONLY_WHITESPACE_LEFT = /\s*$/y;
const MAX_NESTING = 100;
const ONLY_BRACKETS = /^[{}[\]]+$/;

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

class Reader extends WordReader {
  /** Where the items of the script (or of the `$(...)` being read) go. */
  private items: NativeItem[] = [];
  /** What ends the list of statements being read (undefined: the end of the text). */
  private closers: ReadonlySet<string> | undefined;
  private pipelines = 0;
  /** How many lists of statements the reader is in. */
  private nesting = 0;

  script(): NativeShell {
    // The grammar's scanner skips a carriage return before a line break in some states and not
    // in others (`a | b | c\r\nd` may run `d` as an argument of `c`). Dockerfile RUN lines hand
    // over none (continuations are blanked with it).
    if (this.text.includes('\r')) giveUp('a carriage return');
    this.statements(undefined, true);
    return { items: this.items };
  }

  /**
   * Statements up to the end of the text (`closers` undefined) or up to one of `closers` met
   * where a statement would start (`then`, `fi`, `}`, `)`, `;;`, ...): returns it, unread.
   * `empty`: whether there may be no statement before it.
   */
  private statements(closers: ReadonlySet<string> | undefined, empty: boolean): string | undefined {
    // Blocks and `$(` nest by recursion here: deep ones are left to tree-sitter, not to the stack.
    if (++this.nesting > MAX_NESTING) giveUp(`blocks nested deeper than ${MAX_NESTING}`);
    const outer = this.closers;
    this.closers = closers;
    try {
      return this.statementsUntil(closers, empty);
    } finally {
      this.closers = outer;
      this.nesting--;
    }
  }

  private statementsUntil(closers: ReadonlySet<string> | undefined, empty: boolean): string | undefined {
    const { text } = this;
    let count = 0;
    this.skipBlank(true);
    for (;;) {
      const closer = closers && this.closerAt(closers);
      if (closer !== undefined) {
        if (count === 0 && !empty) giveUp(`nothing before \`${closer}\``);
        return closer;
      }
      if (this.i >= text.length) {
        if (closers) giveUp(`no \`${[...closers].join('` or `')}\``);
        return undefined;
      }
      const longPipeline = this.statement();
      count++;
      this.skipBlank(false);
      const ch = text[this.i];
      // `a | b | c` + line break + `d > f` or `d || e`: the grammar may read `d` as an argument of
      // `c`, or split the pipeline (measured).
      ONLY_WHITESPACE_LEFT.lastIndex = this.i;
      if (ch === '\n' && longPipeline && !ONLY_WHITESPACE_LEFT.test(text))
        giveUp('a line break after a pipeline of three or more commands');
      if (ch === undefined || (closers?.has(')') && ch === ')')) continue;
      if (closers?.has(';;') && text.startsWith(';;', this.i)) continue;
      if (ch === ';' || ch === '&') {
        const next = text[this.i + 1];
        if (next === ';' || next === '&') giveUp(`\`${ch}${next}\``);
        // In a block, the grammar reads `a | b &` otherwise (measured): only the script's own are read.
        if (ch === '&' && closers) giveUp('`&` inside a block');
        this.i++;
      } else if (ch === '\n') this.i++;
      else giveUp(`\`${ch}\` after a command`);
      this.skipBlank(true);
      if (closers?.has(';;') && text.startsWith(';;', this.i)) continue;
      const after = text[this.i];
      if (after === ';' || after === '&') giveUp('an empty statement');
    }
  }

  private closerAt(closers: ReadonlySet<string>): string | undefined {
    const { text } = this;
    if (text[this.i] === ')') return closers.has(')') ? ')' : undefined;
    if (text.startsWith(';;', this.i)) return closers.has(';;') ? ';;' : undefined;
    const keyword = this.keywordAt();
    return keyword !== undefined && closers.has(keyword) ? keyword : undefined;
  }

  /** The keyword (or `{`, `}`, `!`) at `this.i` when a blank, an operator or the end follows it. */
  private keywordAt(): string | undefined {
    const { text } = this;
    KEYWORD_AT.lastIndex = this.i;
    const found = KEYWORD_AT.exec(text)?.[0];
    if (found === undefined) return undefined;
    const next = text[this.i + found.length];
    if (next !== undefined && !WORD_END.has(next)) return undefined;
    return RESERVED.has(found) || found === '{' || found === '}' ? found : undefined;
  }

  /** Steps over `keyword`, which `statements` found. */
  private pass(keyword: string): void {
    if (this.keywordAt() !== keyword && !this.text.startsWith(keyword, this.i)) giveUp(`no \`${keyword}\``);
    this.i += keyword.length;
  }

  /**
   * `a && b | c || d`, up to a terminator (`;`, `&`, a line break) or the end. Returns whether a
   * pipeline had three commands or more.
   */
  private statement(): boolean {
    const { text } = this;
    let first = true;
    /**
     * Whether the list so far starts with a pipeline, a block or a redirection (which takes in
     * all before it): the grammar then splits a later pipeline of four commands before `&&`
     * (`{ a; } && b | c | d | e && f` reads `b` apart), measured; three are left alone too.
     */
    let complexHead = false;
    let longPipeline = false;
    for (;;) {
      const { elements, block, redirected, lastRedirected } = this.pipeline(first);
      if (!first && complexHead && elements > 2) giveUp('a pipeline of three or more commands after a block');
      // Before the `)` of `$( )` or `( )`, or a `;;`, `a | b | c > f` is read as `a | (b | c > f)`.
      if (first && elements > 2 && lastRedirected && (this.closers?.has(')') || this.closers?.has(';;')))
        giveUp('a redirected pipeline of three or more commands in `$( )`, `( )` or `case`');
      if (first) complexHead = elements > 1 || block;
      complexHead ||= redirected;
      this.skipBlank(false);
      const two = text.slice(this.i, this.i + 2);
      longPipeline ||= elements > 2;
      if (two !== '&&' && two !== '||') return longPipeline;
      // The grammar reads `a | b | c && d` as `a | (b | c && d)`: `a` in a pipeline of its own.
      if (first && elements > 2) giveUp('a pipeline of three or more commands before `&&` or `||`');
      first = false;
      this.i += 2;
      this.skipBlank(true);
    }
  }

  /**
   * `a | b | c`: commands of two or more share a pipeline number. Returns the number of elements,
   * whether one was a block, whether one had redirections and whether the last did.
   */
  private pipeline(startsStatement: boolean): {
    elements: number;
    block: boolean;
    redirected: boolean;
    lastRedirected: boolean;
  } {
    const { text } = this;
    const commands: NativeCommand[] = [];
    let elements = 0;
    let block = false;
    let redirected = false;
    let lastRedirected = false;
    for (;;) {
      const read = this.element(commands);
      elements++;
      block ||= read.kind === 'block';
      lastRedirected = read.redirected;
      redirected ||= lastRedirected;
      this.skipBlank(false);
      const more = text[this.i] === '|' && text[this.i + 1] !== '|';
      // Blocks may be in a pipeline (their commands are not linked to it, as in the walk);
      // declarations and functions are left to tree-sitter there.
      if ((more || elements > 1) && (read.kind === 'declaration' || read.kind === 'function'))
        giveUp(`a ${read.kind} in a pipeline`);
      if (!more) break;
      if (text[this.i + 1] === '&') giveUp('`|&`');
      // tree-sitter-bash redirects all it has read of the statement (`x && a > f | b` redirects
      // `x && a`, a list, which keeps `a` out of the pipeline): only a first command is simple.
      if (read.redirected && !(startsStatement && elements === 1)) giveUp('a redirection inside a pipeline');
      this.i++;
      this.skipBlank(true);
      if (text[this.i] === undefined) giveUp('no command after `|`');
    }
    if (elements > 1) {
      const id = this.pipelines++;
      for (const cmd of commands) cmd.pipeline = id;
    }
    return { elements, block, redirected, lastRedirected };
  }

  /**
   * One element of a pipeline: a block (`if`, `for`, `while`, `case`, `{ }`, `( )`, `[ ]`,
   * `! cmd`, `name() { }`) or a simple command.
   */
  private element(commands: NativeCommand[]): { kind: ElementKind; redirected: boolean } {
    const { text } = this;
    const keyword = this.keywordAt();
    FUNCTION_HEAD.lastIndex = this.i;
    const functionHead = FUNCTION_HEAD.exec(text)?.[0];
    let kind: ElementKind = 'block';
    if (keyword === 'if') this.ifStatement();
    else if (keyword === 'case') this.caseStatement();
    else if (keyword === '!') {
      // `! cmd` and `! [ ... ]`: the command is not in a pipeline (`! a | b` links `b` alone).
      this.i++;
      this.skipBlank(false);
      if (text[this.i] === '[' && (text[this.i + 1] === ' ' || text[this.i + 1] === '\t')) this.testCommand();
      else {
        const negated = this.simpleCommand([]);
        if (negated.kind !== 'command' || negated.redirected) giveUp('an unusual `!`');
      }
    } else if (functionHead !== undefined) {
      // `name() { ...; }`: the body's commands are the script's.
      this.i += functionHead.length;
      this.skipBlank(true);
      if (this.keywordAt() !== '{') giveUp('a function body other than `{ }`');
      this.i++;
      this.statements(CLOSE_BRACE, true);
      this.pass('}');
      kind = 'function';
    } else if (keyword === 'for' || keyword === 'select') this.forStatement(keyword);
    else if (keyword === 'while' || keyword === 'until') {
      this.i += keyword.length;
      this.statements(DO, false);
      this.doGroup();
    } else if (keyword === '{') {
      this.i++;
      this.statements(CLOSE_BRACE, true);
      this.pass('}');
    } else if (text[this.i] === '(') {
      if (text[this.i + 1] === '(') giveUp('`((`');
      this.i++;
      this.statements(CLOSE_PAREN, false);
      this.pass(')');
    } else if (text[this.i] === '[' && (text[this.i + 1] === ' ' || text[this.i + 1] === '\t'))
      this.testCommand();
    else return this.simpleCommand(commands);
    // `{ a; } > log`, `done < list`: a redirected statement, like a command's.
    let redirected = false;
    for (;;) {
      this.skipBlank(false);
      if (this.atRedirection()) {
        if (kind === 'function') giveUp('a redirection of a function');
        this.items.push(...this.redirection());
        redirected = true;
      } else if (this.atWord()) {
        if (!redirected) giveUp('a word after a block');
        this.items.push(...this.wordAndInner(false).inner);
      } else break;
    }
    return { kind, redirected };
  }

  /** `if a; then b; elif c; then d; else e; fi`. */
  private ifStatement(): void {
    this.pass('if');
    this.statements(THEN, false);
    for (;;) {
      this.pass('then');
      const closer = this.statements(AFTER_THEN, true);
      if (closer === 'elif') {
        this.pass('elif');
        this.statements(THEN, false);
        continue;
      }
      if (closer === 'else') {
        this.pass('else');
        this.statements(FI, true);
      }
      this.pass('fi');
      return;
    }
  }

  /** `for NAME in words; do ...; done` (or without `in words`). */
  private forStatement(keyword: string): void {
    const { text } = this;
    this.pass(keyword);
    this.skipBlank(false);
    const name = /[A-Za-z_][A-Za-z0-9_]*/y;
    name.lastIndex = this.i;
    const found = name.exec(text)?.[0];
    if (!found || RESERVED.has(found)) giveUp(`an unusual \`${keyword}\` variable`);
    this.i += found.length;
    if (!WORD_END.has(text[this.i] ?? '\n')) giveUp(`an unusual \`${keyword}\` variable`);
    this.skipBlank(false);
    if (this.keywordAt() === 'in') {
      this.pass('in');
      let words = 0;
      for (;;) {
        this.skipBlank(false);
        if (!this.atWord()) break;
        this.items.push(...this.wordAndInner(false).inner);
        words++;
      }
      if (words === 0) giveUp('`in` without words');
    }
    const ch = text[this.i];
    if (ch === '\n' || (ch === ';' && text[this.i + 1] !== ';' && text[this.i + 1] !== '&')) this.i++;
    else giveUp('no `;` before `do`');
    this.skipBlank(true);
    if (this.keywordAt() !== 'do') giveUp('no `do`');
    this.doGroup();
  }

  /** `case word in a|'b') ...;; *) ...;; esac`, with plain patterns. */
  private caseStatement(): void {
    const { text } = this;
    this.pass('case');
    this.skipBlank(false);
    if (!this.atWord()) giveUp('`case` without a word');
    this.items.push(...this.wordAndInner(false).inner);
    this.skipBlank(true);
    if (this.keywordAt() !== 'in') giveUp('`case` without `in`');
    this.pass('in');
    for (;;) {
      this.skipBlank(true);
      if (this.keywordAt() === 'esac') break;
      for (;;) {
        this.casePattern();
        this.skipBlank(false);
        if (text[this.i] !== '|') break;
        this.i++;
        this.skipBlank(false);
      }
      if (text[this.i] !== ')') giveUp('an unusual `case` pattern');
      this.i++;
      // `*)c` is one extglob pattern to the grammar's scanner: a blank must end the pattern.
      if (!/[ \t\n]/.test(text[this.i] ?? '')) giveUp('no blank after a `case` pattern');
      if (this.statements(CASE_ITEM_END, true) === 'esac') break;
      this.pass(';;');
      if (text[this.i] === '&') giveUp('`;;&`');
    }
    this.pass('esac');
  }

  /**
   * A pattern of plain glob characters and quoted strings: the grammar's extglob scanner reads
   * anything else its own way.
   */
  private casePattern(): void {
    const { text } = this;
    const start = this.i;
    for (;;) {
      const ch = text[this.i];
      if (ch !== undefined && CASE_PATTERN_CHAR.test(ch)) this.i++;
      else if (ch === "'" || ch === '"') {
        const close = text.indexOf(ch, this.i + 1);
        if (close < 0 || /[$`\\\n]/.test(text.slice(this.i + 1, close))) giveUp('an unusual `case` pattern');
        this.i = close + 1;
      } else break;
    }
    const next = text[this.i];
    if (this.i === start || (next !== ')' && next !== '|' && next !== ' ' && next !== '\t'))
      giveUp('an unusual `case` pattern');
    if (text.startsWith('esac', start)) giveUp('an unusual `case` pattern');
  }

  /** `do ...; done` */
  private doGroup(): void {
    this.pass('do');
    this.statements(DONE, true);
    this.pass('done');
  }

  /**
   * `[ x ]`, `[ -f x ]`, `[ x = y ]`, `[ ! ... ]`: tests of one operand or operator the grammar
   * reads as one expression; its `$(...)` go to the script.
   */
  private testCommand(): void {
    const { text } = this;
    this.i++;
    const words: string[] = [];
    for (;;) {
      this.skipBlank(false);
      const next = text[this.i + 1];
      if (text[this.i] === ']' && (next === undefined || WORD_END.has(next))) {
        this.i++;
        break;
      }
      if (!this.atWord()) giveUp('an operator or the end inside `[ ]`');
      const start = this.i;
      this.items.push(...this.wordAndInner(false).inner);
      // The scanner reads names there as where a command starts (`[ A= ]` is an assignment).
      this.checkCommandName(text.slice(start, this.i));
      words.push(text.slice(start, this.i));
    }
    const operand = (w: string | undefined) =>
      w !== undefined && !TEST_UNARY.test(w) && !/^[=!<>]|[*?{}[\]]/.test(w.replace(/\$\{[^}]*\}/g, '$X'));
    const rest = words[0] === '!' ? words.slice(1) : words;
    const simple =
      rest.length === 0 ||
      (rest.length === 1 && operand(rest[0])) ||
      (rest.length === 2 && TEST_UNARY.test(rest[0]!) && operand(rest[1])) ||
      (rest.length === 3 && operand(rest[0]) && TEST_BINARY.test(rest[1]!) && operand(rest[2]));
    if (!simple) giveUp('an unusual `[ ]`');
  }

  /**
   * Assignments, then a command name, arguments and redirections; or a declaration. Adds the
   * command (also to `commands`) or the standalone assignments to the script, each followed by
   * the items of its `$(...)`.
   */
  private simpleCommand(commands: NativeCommand[]): { kind: ElementKind; redirected: boolean } {
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
      return { kind: 'assignments', redirected: false };
    }
    const ch = text[this.i]!;
    if (!COMMAND_START.test(ch)) giveUp(`\`${ch}\` at the start of a command name`);
    // The walk does not look into the name or the assignments before it: their `$(...)` are dropped.
    WORD_TOKEN.lastIndex = this.i;
    const token = WORD_TOKEN.exec(text)?.[0];
    const { word: name } = this.wordAndInner(true);
    if (token !== undefined && RESERVED.has(token)) {
      // Only `export`-like keywords are read here (blocks are read by `element`), and as a whole word.
      if (!DECLARATIONS.has(token) || text.slice(name.start, name.end) !== token)
        giveUp(`the keyword \`${token}\``);
      if (env.length > 0) giveUp('assignments before a declaration');
      this.declaration();
      return { kind: 'declaration', redirected: false };
    }
    const args: NativeWord[] = [];
    const inner: NativeItem[] = [];
    let redirected = false;
    for (;;) {
      this.skipBlank(false);
      if (this.atRedirection()) {
        inner.push(...this.redirection());
        redirected = true;
      } else if (this.atWord() && redirected) {
        // `echo >&2 "error" x`: the grammar reads the words after a redirection as its file.
        inner.push(...this.wordAndInner(false).inner);
      } else if (this.atWord()) {
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
    return { kind: 'command', redirected };
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
        const raw = text.slice(word.start, word.end);
        // The scanner reads names there as it does where a command starts (`export A+=1`), and
        // `--x=1` as an assignment to `--x`: only plain options.
        if (raw.startsWith('-') && !/^-[A-Za-z]+$/.test(raw)) giveUp('an unusual option of a declaration');
        this.checkCommandName(raw);
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
    // `A=|b` is an error to the grammar (`A= |b` is not); `A=(` an array, `A=#` a comment word.
    if (next !== undefined && '#=(|<>'.includes(next)) giveUp(`\`=${next}\` in an assignment`);
    if (!this.atWord()) {
      // The grammar's empty value is before a blank, `;`, `&` or the end only (`$(A=)` is an error).
      if (next !== undefined && !/[\s;&]/.test(next)) giveUp(`\`=${next}\` in an assignment`);
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

  /**
   * `> file`, `>> file`, `< file`, `2>&1`, `&> file`, `2>/dev/null`: nothing of it is in the model
   * but the commands of a `$(...)` in the file name, returned.
   */
  private redirection(): NativeItem[] {
    const { text } = this;
    const before = text[this.i - 1];
    // `a2>f` and `x"y">f` are words the grammar's scanner may read as a file descriptor.
    if (before !== undefined && !/[ \t]/.test(before)) giveUp('a redirection right after a word');
    // The scanner reads `0` apart (`0>f` is the word `0`, then `>f`).
    if (text[this.i] === '0') giveUp('the file descriptor 0');
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

  protected substitution(): void {
    const { text } = this;
    if (text[this.i + 2] === '(') giveUp('`$((`');
    this.i += 2;
    const outerItems = this.items;
    const outerSink = this.sink;
    this.items = [];
    this.substitutions++;
    this.statements(CLOSE_PAREN, false);
    this.substitutions--;
    this.i++;
    const items = this.items;
    this.items = outerItems;
    this.sink = outerSink;
    this.sink.push(...items);
  }
}
