import { type AnyRule, defineRule, globMatcher, type Loc, type Report } from '@plumbline/core';
import { Budget, metered } from './cel/budget.js';
import { CelCompileError, type CompiledExpression, compileExpression } from './cel/compile.js';
import { LazyVariables } from './cel/lazy-variables.js';
import { LANGUAGES } from './input/index.js';
import { type InputPath, parsePath } from './input/path.js';
import type { UnitInput } from './input/unit-input.js';
import type { ParsedPolicyDocument, PolicyPath } from './load/parse-policy-file.js';
import type { PolicyDocument } from './load/policy-document.js';
import { PolicyLoadError } from './load/policy-error.js';

/** A custom policy compiled into an ordinary rule, plus where it came from. */
export interface CompiledPolicy {
  rule: AnyRule;
  document: PolicyDocument;
  file: string;
}

const budget = new Budget();

/**
 * Compiles a policy document into a Rule on its language's domain: the engine, suppressions,
 * fingerprints, SARIF, baselines and PR comments treat it like a built-in rule. CEL is compiled
 * here, once; errors throw PolicyLoadError pointing at the expression's line.
 */
export function compilePolicy(parsed: ParsedPolicyDocument<PolicyDocument>): CompiledPolicy {
  const { data: document, file } = parsed;
  const { spec } = document;
  const language = LANGUAGES[spec.match.language];
  const variableNames = (spec.variables ?? []).map((v) => v.name);
  const compile = (source: string, path: PolicyPath, names: readonly string[]) => {
    try {
      return compileExpression(source, names);
    } catch (error) {
      if (!(error instanceof CelCompileError)) throw error;
      const start = parsed.contentStart(path);
      const line = start.line + error.line - 1;
      const column = error.line === 1 && !start.block ? start.column + error.column - 1 : error.column;
      throw new PolicyLoadError(file, line, column, `${path.join('.')}: ${error.message}`);
    }
  };
  const declared = [...language.variables, ...(variableNames.length ? ['variables'] : [])];
  const variables = (spec.variables ?? []).map((v, i) => ({
    name: v.name,
    expression: compile(v.expression, ['spec', 'variables', i, 'expression'], declared),
  }));
  const deny = compile(spec.deny, ['spec', 'deny'], declared);
  const root = language.root(spec.match);
  const defaultAt = spec.at ? withRoot(parsePath(spec.at), root, language.variables) : undefined;
  const inPaths = spec.match.paths?.length ? globMatcher(spec.match.paths) : () => true;
  const needsRelated = /\brelated\b/.test(
    [spec.deny, ...(spec.variables ?? []).map((v) => v.expression)].join('\n'),
  );

  const rule = defineRule<unknown>({
    id: document.metadata.id,
    domain: language.domain,
    // `related` holds objects of the whole repository, not of the object's folders only.
    wholeProject: needsRelated,
    meta: {
      title: spec.title,
      description: spec.description ?? spec.title,
      rationale: spec.rationale ?? `House policy defined in \`${file}\`.`,
      remediation: spec.remediation ?? spec.description ?? spec.title,
      category: spec.category ?? 'best-practice',
      severity: spec.severity,
      confidence: spec.confidence ?? 'high',
      aliases: document.metadata.aliases ?? [],
      references: spec.references ?? [],
      optIn: spec.optIn ?? false,
      docs: { path: file },
      examples: {
        invalid: (spec.examples?.invalid ?? []).map((c) => ({
          filename: c.filename ?? defaultFilename(spec.match.language),
          code: c.code,
          ...(c.files ? { files: c.files } : {}),
          errors: (c.errors ?? []).map((e) => ({
            line: e.line,
            column: e.column ?? 1,
            endLine: e.endLine ?? e.line,
            endColumn: e.endColumn ?? 1,
          })),
        })),
        valid: (spec.examples?.valid ?? []).map((c) => ({
          filename: c.filename ?? defaultFilename(spec.match.language),
          code: c.code,
          ...(c.files ? { files: c.files } : {}),
        })),
      },
    },
    check(unit, context) {
      for (const input of language.inputs(unit, spec.match, context.project)) {
        if (!inPaths(input.head.file.path)) continue;
        const report = (at: Loc, message: string, evidence?: string) =>
          context.report({
            at,
            message,
            resource: input.resource,
            container: input.container,
            ...(evidence ? { evidence } : {}),
          } satisfies Report);
        evaluatePolicy(input, {
          variables,
          deny,
          defaultAt,
          root,
          needsRelated,
          message: spec.message,
          report,
          languageVariables: language.variables,
        });
      }
    },
  });
  return { rule, document, file };
}

interface Evaluable {
  variables: { name: string; expression: CompiledExpression }[];
  deny: CompiledExpression;
  defaultAt: InputPath | undefined;
  root: string;
  needsRelated: boolean;
  message: string;
  languageVariables: readonly string[];
  report(at: Loc, message: string, evidence?: string): void;
}

function evaluatePolicy(input: UnitInput, policy: Evaluable): void {
  const bindings: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input.variables)) {
    if (name === 'related' && !policy.needsRelated) bindings[name] = [];
    else bindings[name] = metered(value, budget);
  }
  const failed = (what: string, error: string) =>
    policy.report(
      input.head,
      `Policy could not be evaluated on this unit (${what}): ${error}`,
      `evaluation error: ${what}`,
    );
  if (policy.variables.length) bindings.variables = new LazyVariables(policy.variables, bindings, budget);
  const result = policy.deny.evaluate(bindings, budget);
  if (!result.ok) {
    failed('deny', result.error);
    return;
  }
  const at = (path: InputPath | undefined) => (path && input.locate(path)) ?? input.head;
  const message = (template: string) => render(template, input.fields);
  const value = result.value;
  if (value === true) {
    policy.report(at(policy.defaultAt), message(policy.message));
    return;
  }
  if (value === false || value === null) return;
  if (isIterable(value)) {
    for (const item of value) {
      if (typeof item === 'string') {
        policy.report(
          at(withRoot(parsePath(item), policy.root, policy.languageVariables)),
          message(policy.message),
          item,
        );
      } else if (isCelMapLike(item)) {
        const path = item.get('at');
        const own = item.get('message');
        const route =
          typeof path === 'string'
            ? withRoot(parsePath(path), policy.root, policy.languageVariables)
            : policy.defaultAt;
        const text = typeof own === 'string' ? message(own) : message(policy.message);
        policy.report(at(route), text, `${typeof path === 'string' ? path : ''} ${text}`);
      } else {
        failed('deny', 'a list result must hold strings (paths) or maps {at, message}');
        return;
      }
    }
    return;
  }
  failed('deny', `must return a bool or a list, got ${typeof value}`);
}

/** `metadata.labels` → `object.metadata.labels`; a path naming a variable stays as it is. */
function withRoot(path: InputPath, root: string, variables: readonly string[]): InputPath {
  return typeof path[0] === 'string' && variables.includes(path[0]) ? path : [root, ...path];
}

/** `{{ kind }} {{ name }}`: fields of the unit; an unknown field is left as written. */
function render(template: string, fields: Record<string, string>): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (all, name: string) => fields[name] ?? all);
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' &&
    !isCelMapLike(value)
  );
}

function isCelMapLike(value: unknown): value is { get(key: string): unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { get?: unknown }).get === 'function' &&
    typeof (value as { has?: unknown }).has === 'function'
  );
}

export function defaultFilename(language: string): string {
  return (
    {
      kubernetes: 'manifest.yaml',
      dockerfile: 'Dockerfile',
      terraform: 'main.tf',
      workflow: '.github/workflows/ci.yml',
    }[language] ?? 'file'
  );
}
