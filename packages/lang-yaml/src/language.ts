import {
  type Comment,
  isRendered,
  type Language,
  MAX_NESTING_DEPTH,
  type ParseProblem,
  type ParseResult,
  type SourceFile,
  UnscannableFileError,
} from '@plumbline/core';
import {
  Composer,
  type CST,
  type Document,
  type DocumentOptions,
  Lexer,
  type ParseOptions,
  Parser,
  type SchemaOptions,
} from 'yaml';
import {
  classify,
  isActionPath,
  isDependabotPath,
  isHelmValuesPath,
  isKustomizationPath,
  isWorkflowPath,
} from './classify.js';
import { CommentCollector } from './comments.js';
import { type CstDocument, CstSpans } from './cst-spans.js';
import { CstStream } from './cst-stream.js';
import { type DocumentSpans, placeAt, placeOf, YamlDocument } from './document.js';
import { readFused } from './fused-reader/fused-reader.js';
import { underIndentedFlowLines } from './lenient-flow.js';
import { lexNative } from './native-lexer/native-lexer.js';
import { parseNativeTo } from './native-parser/native-parser.js';
import { yamlNestingOffset } from './nesting.js';
import { whileParsing } from './quiet-env.js';
import { keepRenderedDocuments } from './rendered-documents.js';
import { NOT_PLAIN, YamlSpans } from './spans.js';

export interface YamlFile {
  documents: YamlDocument[];
}

/** Aliases expanded per document before we call it an alias bomb. */
export const MAX_ALIAS_EXPANSION = 1000;

const MANIFEST_HINT = /^\s*["']?(apiVersion|kind)["']?\s*:/m;
/**
 * Top-level `on:` and `jobs:`, in either order: parsed as a possible workflow wherever it is
 * (classify decides). Two plain searches: one pattern with both orders scanned every text twice
 * as slowly (`[\s\S]*` runs to the end and back at each `on:`).
 */
const WORKFLOW_ON = /^["']?on["']?\s*:/m;
const WORKFLOW_JOBS = /^jobs\s*:/m;
const mayBeWorkflow = (text: string) => WORKFLOW_JOBS.test(text) && WORKFLOW_ON.test(text);
/**
 * Go-template actions only a chart generator leaves in a manifest (chart values, helpers, template
 * variables like `{{ $fullName }}`). Prometheus alert templates (`{{ $value }}`, `{{ $labels.pod }}`)
 * and Argo placeholders (`{{inputs.parameters.x}}`) sit inside strings and are not matched.
 */
const HELM_TEMPLATE =
  /{{-|-}}|{{\s*(\.Values|\.Release|\.Chart|\.Capabilities|\.Files|include\b|template\b|toYaml\b|tpl\b|define\b|\$(?!value\b|labels\b|externalLabels\b|externalURL\b)[A-Za-z])|\|\s*nindent\b/;
const SKIPPED_NAMES =
  /(^|\/)(package(-lock)?\.json|tsconfig[^/]*\.json|composer\.(json|lock)|\.?pnpm-lock\.yaml|yarn\.lock)$/;

/**
 * YAML and JSON files: Kubernetes manifests, GitHub workflows and actions. Other YAML (tool
 * configs, app settings) is read but not parsed, so it costs almost nothing.
 */
export const yamlLanguage: Language<YamlFile> = {
  id: 'yaml',
  claims: (path) => /\.(ya?ml|json)$/i.test(path) && !SKIPPED_NAMES.test(path),
  parse: parseYaml,
};

export function parseYaml(file: SourceFile): ParseResult<YamlFile> {
  return parseYamlWith(file, {});
}

/**
 * How `readDocuments` reads: `viaCst: false` sends every document through the Composer; `fused:
 * false` skips the fused reader (`fused-reader/`), so the lexer, parser and CST builder read
 * everything (the oracle the fused reader is compared with).
 */
export interface ReadWay {
  viaCst?: boolean;
  fused?: boolean;
}

/** @internal `parseYaml`, read one way or the other (the differential test and bench compare them). */
export function parseYamlWith(file: SourceFile, way: ReadWay): ParseResult<YamlFile> {
  const plan = readPlan(file);
  if ('result' in plan) return plan.result;
  const { text } = file;
  const { path, named, options } = plan;
  const read = readDocuments(file, text, path, named, options, way);
  let chosen = read;
  // What kubectl accepts must parse: retry multi-line quoted scalars in flow collections that the
  // `yaml` package finds under-indented (see lenient-flow.ts), and keep the retry if it fixed
  // documents without breaking any.
  if (read.quoteError) {
    const lenient = underIndentedFlowLines(text);
    const retry = lenient === undefined ? undefined : readDocuments(file, lenient, path, named, options, way);
    const before = read.errorCounts;
    if (
      retry &&
      retry.errorCounts.length === before.length &&
      retry.errorCounts.every((n, i) => n <= before[i]!) &&
      retry.errorCounts.some((n, i) => n < before[i]!)
    )
      chosen = retry;
  }
  const { documents, problems } = chosen;
  // Offsets of a lenient re-read are of another text: its source map parses the file itself.
  if (isRendered(file) && chosen === read) keepRenderedDocuments(file, documents);
  if (documents.length === 0) return { model: undefined, problems, comments: [] };
  // Comments are those of the file as written (the first read), as suppressions see them.
  return { model: { documents }, problems, comments: read.comments };
}

/** How `parseYaml` reads a file, or what it returns without reading it. */
export type ReadPlan =
  | { result: ParseResult<YamlFile> }
  | { path: string; named: boolean; options: DocumentOptions & ParseOptions & SchemaOptions };

/**
 * What decides, from the whole file, whether and how its documents are read: its place (workflow,
 * values file, kustomization), a manifest hint, Helm templates, the nesting limit (throws).
 */
export function readPlan(file: SourceFile): ReadPlan {
  const { text } = file;
  // Classify by the path from the repository root: `audit .github/workflows` lists `ci.yml`.
  const path = file.context.repoPath ?? file.path;
  const named = file.context.named === true;
  const ghaPath = isWorkflowPath(path) || isActionPath(path) || isDependabotPath(path);
  const gha = ghaPath || mayBeWorkflow(text);
  const values = isHelmValuesPath(path);
  if (!gha && !values && !isKustomizationPath(path) && !MANIFEST_HINT.test(text))
    return { result: { model: undefined, problems: [], comments: [] } };
  // Rendered output is final YAML: braces left in it are data (alert templates), not Helm actions.
  // Values files are data: a `{{ }}` in them is a string a chart passes to `tpl`.
  if (!gha && !values && !isRendered(file) && HELM_TEMPLATE.test(text)) {
    return {
      result: {
        model: undefined,
        problems: [],
        comments: [],
        skipped: 'skipped: Helm/Go template ({{ }}); render it (helm template) and scan the output',
      },
    };
  }
  // The YAML parser and everything after it recurse per level: refuse past the limit, plainly.
  const tooDeep = yamlNestingOffset(text, MAX_NESTING_DEPTH);
  if (tooDeep >= 0)
    throw new UnscannableFileError(`nesting deeper than ${MAX_NESTING_DEPTH} levels`, tooDeep);
  // Kubernetes manifests may repeat a key: kubectl keeps the last value (and warns), so do we.
  // GitHub rejects a workflow that repeats one, so workflows keep the strict check.
  // Only where GitHub reads the file for sure: other YAML that merely looks like a workflow stays lenient.
  return { path, named, options: ghaPath || named ? UNIQUE_KEYS : REPEATED_KEYS };
}

/**
 * The two ways a file is read, made once: the CST builder learns each one's schema once, by the
 * object (`CstSpans.for`), instead of turning a fresh copy into a key per file.
 */
const REPEATED_KEYS = Object.freeze({
  merge: true,
  prettyErrors: false,
  strict: false,
  logLevel: 'error',
  uniqueKeys: false,
} as const);
const UNIQUE_KEYS = Object.freeze({ ...REPEATED_KEYS, uniqueKeys: true } as const);

export interface DocumentsRead {
  documents: YamlDocument[];
  problems: ParseProblem[];
  comments: Comment[];
  /** Errors per document, in order (to compare a lenient re-read with the first). */
  errorCounts: number[];
  /** Some document has an unclosed quote (a lenient re-read may fix it). */
  quoteError: boolean;
  /** How many documents the CST builder read (the others went through the Composer). */
  built: number;
}

/**
 * One pass of the `yaml` package over `text`: the lexer's tokens go to the parser and, on the way,
 * to the comment collector; each document is turned into plain data and a row in the file's span
 * table as soon as it is read, so nothing of it but the table and the data outlives it.
 *
 * A document the CST builder takes (`cst-spans.ts`: plain YAML without errors, most of them) is
 * read straight from the parser's tokens; any other goes through the `yaml` package's Composer,
 * whose node tree the span walk turns into the same rows and data. `viaCst: false` sends every
 * document through the Composer (to compare both).
 */
export function readDocuments(
  file: SourceFile,
  text: string,
  path: string,
  named: boolean,
  options: DocumentOptions & ParseOptions & SchemaOptions,
  { viaCst = true, fused = true }: ReadWay = {},
): DocumentsRead {
  // The fused reader takes plain block YAML (most files) in one pass from the text; it gives up on
  // the rest, which the stages below read from scratch. `LOG_TOKENS` wants `yaml`'s parser.
  if (viaCst && fused && !process.env.LOG_TOKENS) {
    const read = readDocumentsFused(file, text, path, named, options);
    if (read) return read;
  }
  const { out, spans, comments, takeBuilt, take } = documentSink(file, text, path, named);
  // The three stages driven by hand (no generator of our own around them): the lexer's tokens go
  // to the comment collector and the parser, each parsed node to the composer (or the CST builder).
  const composer = new Composer(options);
  const stream = new CstStream(composer, viaCst ? CstSpans.for(options, spans) : undefined, take, takeBuilt);
  whileParsing(() => {
    // The native lexer and parser give the same tokens and nodes faster, or give up: then `yaml`
    // lexes the text (when the lexer gave up) and parses it, token by token, skipping the nodes
    // the native parser handed over before it gave up (the same ones). `LOG_TOKENS` is the `yaml`
    // Parser's debugging log of the tokens it reads: when it is on, that parser reads them all.
    const tokens = lexNative(text);
    let skip = 0;
    if (tokens && !process.env.LOG_TOKENS) {
      const gaveUp = parseNativeTo(tokens, (node) => stream.next(node));
      if (!gaveUp) {
        for (let i = 0; i < tokens.length; i++) comments.take(tokens[i]!);
        stream.end();
        return;
      }
      skip = gaveUp.handed;
    }
    const parser = new Parser();
    const next = (node: CST.Token): void => {
      if (skip > 0) skip--;
      else stream.next(node);
    };
    for (const token of tokens ?? new Lexer().lex(text)) {
      comments.take(token);
      for (const node of parser.next(token)) next(node);
    }
    for (const node of parser.end()) next(node);
    stream.end();
  });
  spans.seal();
  out.comments = comments.found;
  return out;
}

/**
 * `readDocuments` by the fused reader alone, or undefined when it gave up (what it read is thrown
 * away). `fusedGiveUpReason` says why, for tests and benches.
 */
function readDocumentsFused(
  file: SourceFile,
  text: string,
  path: string,
  named: boolean,
  options: DocumentOptions & ParseOptions & SchemaOptions,
): DocumentsRead | undefined {
  const sink = documentSink(file, text, path, named);
  const builder = CstSpans.for(options, sink.spans);
  if (!builder) return undefined;
  if (readFused(text, sink.spans, builder, sink.comments, sink.takeBuilt) !== undefined) return undefined;
  sink.spans.seal();
  sink.out.comments = sink.comments.found;
  return sink.out;
}

/** @internal Why the fused reader leaves `file` to the stages (undefined: it reads it), for tests and benches. */
export function fusedGiveUpReason(file: SourceFile): string | undefined {
  const plan = readPlan(file);
  if ('result' in plan) return 'not parsed';
  const sink = documentSink(file, file.text, plan.path, plan.named);
  const builder = CstSpans.for(plan.options, sink.spans);
  if (!builder) return 'options';
  return readFused(file.text, sink.spans, builder, sink.comments, sink.takeBuilt);
}

/**
 * What one read of a file fills (the result, its span table, its comments) and the two ends a
 * document takes: `takeBuilt` for one the CST builder or the fused reader built, `take` for one the
 * Composer parsed. A document is skipped when empty or a JSON file of no known kind, else kept.
 */
function documentSink(file: SourceFile, text: string, path: string, named: boolean) {
  const out: DocumentsRead = {
    documents: [],
    problems: [],
    comments: [],
    errorCounts: [],
    quoteError: false,
    built: 0,
  };
  const comments = new CommentCollector(text);
  const spans = YamlSpans.forFile(text);
  let index = 0;
  const accept = (position: number, data: unknown, keep: () => void, place: () => DocumentSpans): void => {
    if (data === null || data === undefined) {
      spans.drop();
      return;
    }
    const kind = classify(path, data, named);
    if (path.toLowerCase().endsWith('.json') && kind === 'other') {
      spans.drop();
      return;
    }
    keep();
    out.documents.push(new YamlDocument(file, position, kind, data, place()));
  };
  const take = (doc: Document.Parsed): void => {
    const position = index++;
    out.errorCounts.push(doc.errors.length);
    if (doc.errors.length > 0) {
      if (doc.errors.some((e) => /Missing closing .?quote/.test(e.message))) out.quoteError = true;
      for (const error of doc.errors) {
        const [start, end] = error.pos;
        out.problems.push({
          message: firstLine(error.message),
          loc: { file, start, end: Math.max(end, start + 1) },
        });
      }
      return;
    }
    // Nodes and plain data in one walk; `toJS` only for what the walk leaves to it (aliases, merge
    // keys, unusual tags and keys). Aliases are resolved once the data is known to be sound.
    const root = spans.add(doc);
    let data = spans.data;
    if (data === NOT_PLAIN) {
      try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
      } catch (error) {
        spans.drop();
        const [start] = doc.range;
        out.problems.push({
          message: `YAML aliases expand past ${MAX_ALIAS_EXPANSION} nodes (an alias bomb?): ${firstLine((error as Error).message)}`,
          loc: { file, start, end: start + 1 },
        });
        return;
      }
    }
    accept(
      position,
      data,
      () => spans.keep(doc),
      () => placeOf(spans, root, doc, file.text),
    );
  };
  const takeBuilt = ({ root, data, start, end }: CstDocument): void => {
    const position = index++;
    out.errorCounts.push(0);
    out.built++;
    accept(
      position,
      data,
      () => spans.keep(),
      () => placeAt(spans, root, start, end, file.text),
    );
  };
  return { out, spans, comments, take, takeBuilt };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
