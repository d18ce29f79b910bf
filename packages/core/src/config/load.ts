import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { findRepositoryRootSync } from '../engine/file-source.js';
import type { RuleRegistry } from '../engine/registry.js';
import { isSeverity } from '../model/severity.js';
import {
  ConfigError,
  type ConfigFile,
  DEFAULT_MAX_FILE_SIZE,
  type ResolvedConfig,
  type RuleLevel,
  type RuleSetting,
} from './config.js';
import { validate } from './validate-config.generated.js';

// ajv-formats is CommonJS with a default export; under NodeNext it arrives wrapped.
const addFormats =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

export const CONFIG_FILE_NAMES = ['.plumbline.yaml', '.plumbline.yml'];

/** The config schema, compiled at build time (scripts/gen-config-validator.mjs). */
const validateConfig = validate as unknown as ValidateFunction<ConfigFile>;

/** Compiles rule options schemas; made on first use (most configs give no options). */
let optionsAjv: Ajv | undefined;
function optionsCompiler(): Ajv {
  if (!optionsAjv) {
    optionsAjv = new Ajv({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv) => void)(optionsAjv);
  }
  return optionsAjv;
}

export interface LoadConfigOptions extends ConfigLayerOptions {
  registry: RuleRegistry;
}

/** Where the config layers come from: everything but the rules they name. */
export interface ConfigLayerOptions {
  /** The scanned directory; `.plumbline.yaml` is looked up there and upward to the repository root. */
  root: string;
  /** An explicit config file (`--config`); it must exist. */
  configPath?: string;
  /** Extra presets to apply first (`--preset`). */
  presets?: string[];
  /** Folders holding `<name>.yaml` presets. */
  presetDirs: string[];
}

/** One config file as read, in the order the layers apply. */
interface ConfigLayer {
  file: string;
  config: ConfigFile;
}

/** Finds, validates and resolves the configuration. Throws ConfigError with the key path. */
export function loadConfig(options: LoadConfigOptions): ResolvedConfig {
  const resolved: ResolvedConfig = {
    sources: [],
    rules: new Map(),
    ignore: [],
    exceptions: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    helm: {},
  };
  for (const layer of configLayers(options)) apply(resolved, layer, options.registry);
  return resolved;
}

/**
 * The `ignore` globs of the configuration, without resolving its rules: what a scan leaves out
 * must be known before the rules are (the admission policies of the scanned files are rules).
 */
export function configIgnores(options: ConfigLayerOptions): string[] {
  return configLayers(options).flatMap(({ config }) => config.ignore ?? []);
}

/**
 * The presets (`--preset`, else `recommended` when there is no config file), then the config
 * file, each after the files it `extends`, depth first: the order in which later layers win.
 */
function configLayers(options: ConfigLayerOptions): ConfigLayer[] {
  let path = options.configPath;
  if (path && !existsSync(path)) throw new ConfigError(`config file not found: ${path}`);
  if (path && statSync(path).isDirectory())
    throw new ConfigError(`${path}: is a directory; --config takes a file (.plumbline.yaml)`);
  if (!path) path = findConfigFile(options.root);
  const presets = [...(options.presets ?? [])];
  if (!path && presets.length === 0) presets.push('recommended');
  const layers: ConfigLayer[] = [];
  const stack: string[] = [];
  for (const preset of presets)
    collectLayers(layers, presetPath(preset, options.presetDirs, undefined), options, stack);
  if (path) collectLayers(layers, resolve(path), options, stack);
  return layers;
}

/**
 * `.plumbline.yaml` in the scanned folder or the nearest folder above it, up to the repository
 * root: `audit k8s` uses the repository's config. Outside a repository only the folder itself.
 */
export function findConfigFile(root: string): string | undefined {
  const start = existsSync(root) && statSync(root).isFile() ? dirname(root) : root;
  const top = findRepositoryRootSync(start);
  const boundary = realpathSync(top ?? start);
  for (let dir = start; ; dir = dirname(dir)) {
    const found = CONFIG_FILE_NAMES.map((n) => join(dir, n)).find(
      (p) => existsSync(p) && statSync(p).isFile(),
    );
    if (found) {
      // A config found in the scanned tree is the tree's own: a link out of it (to a runner's
      // file, /proc/self/environ) is refused rather than read.
      const rel = relative(boundary, realpathSync(found));
      if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('.git'))
        throw new ConfigError(`${found}: a symbolic link to a file outside the repository; not read`);
      return found;
    }
    if (!top || dir === top || dirname(dir) === dir) return undefined;
  }
}

function presetPath(name: string, presetDirs: string[], from: string | undefined): string {
  if (name.endsWith('.yaml') || name.endsWith('.yml') || name.includes('/')) {
    return from && !isAbsolute(name) ? resolve(dirname(from), name) : resolve(name);
  }
  for (const dir of presetDirs) {
    const candidate = join(dir, `${name}.yaml`);
    if (existsSync(candidate)) return candidate;
  }
  const known = presetDirs
    .flatMap((dir) => (existsSync(dir) ? readdirSync(dir) : []))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5));
  const hint = known.length ? ` (presets: ${[...new Set(known)].sort().join(', ')})` : '';
  throw new ConfigError(
    from ? `${from}: extends: unknown preset "${name}"${hint}` : `--preset ${name}: unknown preset${hint}`,
  );
}

/** Reads `file` and, before it, the files it extends (each checked for cycles). */
function collectLayers(
  layers: ConfigLayer[],
  file: string,
  options: ConfigLayerOptions,
  stack: string[],
): void {
  if (stack.includes(file))
    throw new ConfigError(`${file}: extends: cycle through ${[...stack, file].join(' -> ')}`);
  stack.push(file);
  const config = readConfigFile(file);
  const parents = config.extends === undefined ? [] : [config.extends].flat();
  parents.forEach((parent, i) => {
    const parentPath = presetPath(parent, options.presetDirs, file);
    if (!existsSync(parentPath)) throw new ConfigError(`${file}: extends[${i}]: file not found: ${parent}`);
    collectLayers(layers, parentPath, options, stack);
  });
  stack.pop();
  layers.push({ file, config });
}

/** Merges one layer into the resolved config: its rule settings and exceptions name known rules. */
function apply(into: ResolvedConfig, { file, config }: ConfigLayer, registry: RuleRegistry): void {
  into.sources.push(file);
  if (config.failOn) into.failOn = config.failOn;
  if (config.maxFileSize) into.maxFileSize = config.maxFileSize;
  into.ignore.push(...(config.ignore ?? []));
  if (config.helm?.binary) into.helm!.binary = config.helm.binary;
  if (config.helm?.values) into.helm!.values = { ...into.helm!.values, ...config.helm.values };
  for (const [name, value] of Object.entries(config.rules ?? {})) {
    const rules = registry.resolve(name);
    if (rules.length === 0 && !registry.definedByScan(name))
      throw new ConfigError(`${file}: rules.${name}: unknown rule id or alias "${name}"`);
    const level: RuleLevel | undefined = typeof value === 'string' ? value : value.severity;
    const ruleOptions = typeof value === 'object' ? value.options : undefined;
    for (const rule of rules) {
      const previous = into.rules.get(rule.id);
      const setting: RuleSetting = { enabled: previous?.enabled ?? !rule.meta.optIn, ...previous };
      if (level === 'off') setting.enabled = false;
      else if (level) setting.enabled = true;
      if (level && isSeverity(level)) setting.severity = level;
      if (ruleOptions) {
        const schemaOfRule = rule.meta.options?.schema;
        if (!schemaOfRule)
          throw new ConfigError(`${file}: rules.${name}.options: rule ${rule.id} takes no options`);
        const validate = optionsCompiler().compile({ ...schemaOfRule, $schema: undefined });
        if (!validate(ruleOptions)) {
          throw new ConfigError(`${file}: ${formatErrors(validate.errors ?? [], `rules.${name}.options`)}`);
        }
        setting.options = { ...previous?.options, ...ruleOptions };
      }
      into.rules.set(rule.id, setting);
    }
  }
  (config.exceptions ?? []).forEach((exception, i) => {
    const rules = registry.resolve(exception.rule);
    if (rules.length === 0 && !registry.definedByScan(exception.rule)) {
      throw new ConfigError(`${file}: exceptions[${i}].rule: unknown rule id or alias "${exception.rule}"`);
    }
    for (const rule of rules) into.exceptions.push({ ...exception, ruleId: rule.id, source: file });
  });
}

/** Reads one config file and checks it against the JSON schema. */
export function readConfigFile(file: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EISDIR'
        ? 'is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'ENOENT'
            ? 'not found'
            : (error as Error).message;
    throw new ConfigError(`${file}: cannot read the config file: ${why}`);
  }
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: true, maxAliasCount: 100 }) ?? {};
  } catch (error) {
    throw new ConfigError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!validateConfig(data))
    throw new ConfigError(`${file}: ${formatErrors(validateConfig.errors ?? [], '')}`);
  return data;
}

/** ajv errors as `key.path[0].sub: message`, the most specific first, one line each. */
export function formatErrors(errors: ErrorObject[], prefix: string): string {
  const lines = new Set<string>();
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const enumAt = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  for (const error of errors) {
    if (error.keyword === 'oneOf' && errors.length > 1) continue;
    if (depth(error) < deepest && errors.length > 1 && error.keyword !== 'additionalProperties') continue;
    // A value that may be a word or an object: when it is a wrong word, say which words are allowed.
    if (error.keyword === 'type' && enumAt.has(error.instancePath)) continue;
    let key = keyPath(prefix, error.instancePath);
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'additionalProperties') {
      key = keyPath(key, `/${(error.params as { additionalProperty: string }).additionalProperty}`);
      message = 'unknown key';
    } else if (error.keyword === 'enum') {
      message = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    }
    lines.add(`${key || '(root)'}: ${message}`);
  }
  return [...lines].join('; ');
}

/** `rules` + `/exceptions/0/expires` → `rules.exceptions[0].expires` (one notation everywhere). */
function keyPath(prefix: string, pointer: string): string {
  let out = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(segment) ? `[${segment}]` : out ? `.${segment}` : segment;
  }
  return out;
}
