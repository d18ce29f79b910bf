import { posix } from 'node:path';
import type { Loc, ParsedFile, SourceFile } from '@plumbline/core';
import { compareText } from '@plumbline/core';
import type { Attribute, Block, Expr, Step } from './ast.js';
import { FUNCTIONS } from './functions.js';
import type { HclFile } from './language.js';
import { renderTemplate } from './template.js';
import {
  asBool,
  asNumber,
  asString,
  deepEqual,
  ERROR,
  isKnown,
  isObject,
  UNKNOWN,
  Unknown,
  type Value,
  type ValueObject,
} from './value.js';

export type Bindings = ReadonlyMap<string, Value>;
const NO_BINDINGS: Bindings = new Map();
const MAX_DEPTH = 64;
/** Resources with more known instances than this are checked once, with `each`/`count` unknown. */
const MAX_INSTANCES = 32;

/** A block as rules see it: its syntax, and its attributes evaluated in their module and scope. */
export class BlockView {
  constructor(
    readonly module: TfModule,
    readonly block: Block,
    readonly bindings: Bindings = NO_BINDINGS,
    /** The `dynamic` block this content came from, if any. */
    readonly dynamic?: Block,
    /** True for the content of a `dynamic` block whose `for_each` is unknown: it may not exist at all. */
    readonly uncertain = false,
  ) {}

  get type(): string {
    return this.block.type;
  }
  get labels(): string[] {
    return this.block.labels;
  }
  get loc(): Loc {
    return this.block.loc;
  }
  /** Where a finding about something missing from this block points. */
  get headerLoc(): Loc {
    return this.dynamic?.headerLoc ?? this.block.headerLoc;
  }

  attr(name: string): Attribute | undefined {
    return this.block.attributes.find((a) => a.name === name);
  }

  has(name: string): boolean {
    return this.attr(name) !== undefined;
  }

  /** The evaluated attribute; `undefined` when absent, an `Unknown` when it cannot be known. */
  value(name: string): Value | undefined {
    const a = this.attr(name);
    return a ? this.module.eval(a.expr, this.bindings) : undefined;
  }

  eval(expr: Expr): Value {
    return this.module.eval(expr, this.bindings);
  }

  /**
   * Nested blocks of a type, `dynamic` blocks expanded when their `for_each` is known. Without
   * any, an attribute of that name holding objects is read as blocks (attributes-as-blocks:
   * `ingress = [{ from_port = 22, ... }]`): written objects keep their spans, computed ones
   * (`ingress = local.rules`) point at the attribute.
   */
  blocks(type: string): BlockView[] {
    const out: BlockView[] = [];
    let written = false;
    for (const b of this.block.blocks) {
      if (b.type === type) out.push(new BlockView(this.module, b, this.bindings));
      else if (b.type === 'dynamic' && b.labels[0] === type) out.push(...this.expandDynamic(b, type));
      else continue;
      written = true;
    }
    if (!written) {
      const a = this.attr(type);
      if (a)
        out.push(
          ...attributeBlocks(a, type, this.eval(a.expr)).map(
            (b) => new BlockView(this.module, b, this.bindings),
          ),
        );
    }
    return out;
  }

  /** True when a nested block of this type is written, statically, as `dynamic`, or as an attribute of objects. */
  hasBlock(type: string): boolean {
    if (this.block.blocks.some((b) => b.type === type || (b.type === 'dynamic' && b.labels[0] === type)))
      return true;
    const a = this.attr(type);
    return !!a && attributeBlocks(a, type, this.eval(a.expr)).length > 0;
  }

  private expandDynamic(dynamic: Block, type: string): BlockView[] {
    const content = dynamic.blocks.find((b) => b.type === 'content');
    if (!content) return [];
    const dv = new BlockView(this.module, dynamic, this.bindings);
    const iterator =
      asString(dv.value('iterator')) ??
      (dv.attr('iterator')?.expr.kind === 'ref'
        ? (dv.attr('iterator')!.expr as { root: string }).root
        : type);
    const forEach = dv.value('for_each');
    const bind = (value: Value, uncertain = false) =>
      new BlockView(this.module, content, new Map([...this.bindings, [iterator, value]]), dynamic, uncertain);
    if (Array.isArray(forEach)) return forEach.map((v, i) => bind({ key: i, value: v }));
    if (isObject(forEach)) return Object.entries(forEach).map(([k, v]) => bind({ key: k, value: v }));
    return [bind(UNKNOWN, true)];
  }
}

/** Blocks written as an attribute: a list of objects, or one object. */
function attributeBlocks(a: Attribute, type: string, value: Value): Block[] {
  const literal = a.expr.kind === 'tuple' ? a.expr.items : a.expr.kind === 'object' ? [a.expr] : undefined;
  if (literal?.every((e) => e.kind === 'object')) {
    return literal.map((e) => {
      const items = (e as Expr & { kind: 'object' }).items;
      return {
        type,
        labels: [],
        headerLoc: e.loc,
        loc: e.loc,
        attributes: items
          .filter((i) => i.name !== undefined)
          .map((i) => ({ name: i.name!, nameLoc: i.key.loc, expr: i.value, loc: i.loc })),
        blocks: [],
      };
    });
  }
  const values = Array.isArray(value) ? value : isObject(value) ? [value] : [];
  return values.filter(isObject).map((v) => ({
    type,
    labels: [],
    headerLoc: a.loc,
    loc: a.loc,
    attributes: Object.entries(v).map(([name, x]) => ({
      name,
      nameLoc: a.nameLoc,
      expr: valueExpr(x, a.loc),
      loc: a.loc,
    })),
    blocks: [],
  }));
}

/** A computed value as an expression located at `loc` (unknown parts stay unknown). */
function valueExpr(v: Value, loc: Loc): Expr {
  if (v instanceof Unknown) return { kind: 'unsupported', loc };
  if (Array.isArray(v)) return { kind: 'tuple', items: v.map((x) => valueExpr(x, loc)), loc };
  if (isObject(v))
    return {
      kind: 'object',
      items: Object.entries(v).map(([k, x]) => ({
        name: k,
        key: { kind: 'literal', value: k, loc },
        value: valueExpr(x, loc),
        loc,
      })),
      loc,
    };
  return { kind: 'literal', value: v, loc };
}

/** A `resource` or `data` block of a module. */
export class TfResource extends BlockView {
  readonly kind: 'resource' | 'data';
  readonly resourceType: string;
  readonly name: string;
  readonly address: string;

  constructor(
    module: TfModule,
    block: Block,
    bindings: Bindings = new Map<string, Value>([
      ['each', UNKNOWN],
      ['count', UNKNOWN],
      ['self', UNKNOWN],
    ]),
    /** `["key"]` or `[0]` for one instance of a `for_each`/`count` resource. */
    readonly instanceKey?: string,
  ) {
    super(module, block, bindings);
    this.kind = block.type === 'data' ? 'data' : 'resource';
    this.resourceType = block.labels[0] ?? '';
    this.name = block.labels[1] ?? '';
    const local = `${this.kind === 'data' ? 'data.' : ''}${this.resourceType}.${this.name}`;
    this.address =
      block.address ?? `${module.prefix ? `${module.prefix}.${local}` : local}${instanceKey ?? ''}`;
  }

  /** The address inside its module (`aws_s3_bucket.logs`), which references use. */
  get localAddress(): string {
    return `${this.kind === 'data' ? 'data.' : ''}${this.resourceType}.${this.name}`;
  }

  /**
   * The instances of a resource whose `for_each` or `count` is known (each with `each.key`,
   * `each.value` or `count.index` bound); the resource itself, with them unknown, otherwise.
   */
  instances(): TfResource[] {
    this.instanceCache ??= this.computeInstances();
    return this.instanceCache;
  }

  private instanceCache: TfResource[] | undefined;
  private existsCache: boolean | undefined;

  private computeInstances(): TfResource[] {
    if (this.instanceKey !== undefined) return [this];
    const self = (each: Value, count: Value, key: string) =>
      new TfResource(
        this.module,
        this.block,
        new Map<string, Value>([
          ['each', each],
          ['count', count],
          ['self', UNKNOWN],
        ]),
        key,
      );
    const forEach = this.attr('for_each') ? this.value('for_each') : undefined;
    if (forEach !== undefined) {
      const entries: [string, Value][] = Array.isArray(forEach)
        ? forEach.map((v) => [asString(v) ?? '', v] as [string, Value])
        : isObject(forEach)
          ? Object.entries(forEach)
          : [];
      if (
        entries.length === 0 ||
        entries.length > MAX_INSTANCES ||
        (Array.isArray(forEach) && !forEach.every((v) => typeof v === 'string'))
      ) {
        return [this];
      }
      return entries.map(([k, v]) => self({ key: k, value: v }, UNKNOWN, `[${JSON.stringify(k)}]`));
    }
    const count = this.attr('count') ? asNumber(this.value('count')) : undefined;
    if (count !== undefined && count >= 1 && count <= MAX_INSTANCES && Number.isInteger(count)) {
      return Array.from({ length: count }, (_, i) => self(UNKNOWN, { index: i }, `[${i}]`));
    }
    return [this];
  }

  /** False when `count` or `for_each` is known to create no instance. */
  get exists(): boolean {
    this.existsCache ??= this.computeExists();
    return this.existsCache;
  }

  private computeExists(): boolean {
    const count = this.value('count');
    if (count !== undefined && asNumber(count) === 0) return false;
    const forEach = this.value('for_each');
    if (Array.isArray(forEach) && forEach.length === 0) return false;
    if (isObject(forEach) && Object.keys(forEach).length === 0) return false;
    return true;
  }

  /**
   * True when `expr` refers to this resource (`aws_s3_bucket.b.id`, `.bucket`, `.arn`) or is a
   * string equal to this resource's `nameAttribute` (`bucket = "my-logs"`).
   */
  isReferencedBy(value: Value | undefined, nameAttribute?: string): boolean {
    if (value instanceof Unknown) return value.ref?.address === this.localAddress;
    if (typeof value === 'string' && nameAttribute) {
      const own = this.value(nameAttribute);
      return typeof own === 'string' && own === value;
    }
    return false;
  }
}

export interface ModuleCall {
  view: BlockView;
  name: string;
  source: string | undefined;
  /** The module directory when the source is a local path inside the scanned tree. */
  localDir: string | undefined;
}

export interface ModuleOptions {
  /** `--var-file` files (paths as in the project), applied to every root module. */
  varFiles?: readonly string[];
  /**
   * Registry and git modules `terraform init` downloaded, by the folder it ran in (a root module's
   * directory), then by module key (`eks`, `eks.kms`), as listed in `.terraform/modules/modules.json`.
   */
  downloaded?: ReadonlyMap<string, ReadonlyMap<string, DownloadedModule>>;
  /**
   * Files inside the scan root read ahead for `file()` and `templatefile()`: by the folder of the
   * module whose own calls name them, then by project path. An instance sees those of its own
   * folder and of its root module's folder only, so what it reads never depends on unrelated
   * modules being scanned with it (the engine may check them in another thread).
   */
  readFiles?: ReadonlyMap<string, ReadonlyMap<string, SourceFile>>;
}

/** One downloaded module source (an entry of `modules.json`), parsed. */
export interface DownloadedModule {
  key: string;
  source: string;
  version?: string;
  /** Project path of its folder (`infra/.terraform/modules/eks`). */
  dir: string;
  files: HclFile[];
}

/** What every module instance of one run shares: the folder of its root module, files read ahead. */
interface ModuleEnv {
  rootDir: string;
  readFiles: ReadonlyMap<string, ReadonlyMap<string, SourceFile>>;
  downloaded: ReadonlyMap<string, DownloadedModule> | undefined;
}

/**
 * The folder a module call's `source` names when it is a local path (`./x`, `../x`), from the
 * calling module's folder (`.` for the root of the scan); undefined for a registry or Git source.
 */
export function localModuleDir(dir: string, source: string): string | undefined {
  return /^\.\.?(\/|$)/.test(source)
    ? posix.normalize(posix.join(dir, source)).replace(/\/$/, '')
    : undefined;
}

/**
 * The project path a `file()`/`templatefile()` path names, resolved as Terraform does (relative to
 * the root module's folder), or undefined when it is absolute or leaves the scan root.
 */
export function readPath(path: string, rootDir: string): string | undefined {
  if (!path || path.includes('\0') || /^(\/|\\|[A-Za-z]:|~)/.test(path)) return undefined;
  const joined = posix.normalize(posix.join(rootDir || '.', path)).replace(/\/$/, '');
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return undefined;
  if (joined.split('/').some((s) => s === '.git')) return undefined;
  return joined === '.' ? undefined : joined;
}

/**
 * One Terraform module: the `.tf`/`.tf.json` files of a directory (or one plan file), with
 * variables from defaults, tfvars and the local modules that call it.
 */
export class TfModule {
  readonly blocks: Block[];
  readonly resources: TfResource[] = [];
  readonly dataSources: TfResource[] = [];
  readonly moduleCalls: ModuleCall[] = [];
  readonly variables = new Map<string, Block>();
  readonly localDefs = new Map<string, Attribute>();
  /** Local modules (elsewhere in the project) that call this one. */
  readonly callers: { module: TfModule; call: ModuleCall }[] = [];
  /**
   * Address prefix of resources: the call path of a local module instance (`module.db["prod"]`),
   * empty for a root module or a plan.
   */
  readonly prefix: string;
  /** Instances of the local modules this one calls, by call name (one per `count`/`for_each` key). */
  readonly children = new Map<string, { key: Value | undefined; module: TfModule }[]>();
  tfvars: HclFile[] = [];
  alternateTfvars: HclFile[] = [];
  /** Call names from the root module to this instance (`eks.kms`), as `modules.json` keys them. */
  readonly callKey: string;
  /** For an instance of a module `terraform init` downloaded: its `modules.json` entry. */
  readonly downloaded: DownloadedModule | undefined;
  private readonly env: ModuleEnv;
  private readonly localValues = new Map<string, Value>();
  private readonly inputValues = new Map<string, Value>();
  private readonly evaluating = new Set<string>();
  private depth = 0;

  constructor(
    readonly dir: string,
    readonly files: HclFile[],
    readonly kind: 'config' | 'plan' = 'config',
    /** For one instance of a called module: the call that creates it, and the path prefix. */
    instance?: {
      prefix: string;
      caller: { module: TfModule; call: ModuleCall };
      downloaded?: DownloadedModule;
    },
    options: ModuleOptions = {},
  ) {
    this.prefix = instance?.prefix ?? '';
    const parent = instance?.caller.module;
    this.callKey = parent ? `${parent.callKey ? `${parent.callKey}.` : ''}${instance.caller.call.name}` : '';
    this.downloaded = instance?.downloaded;
    this.env = parent?.env ?? {
      rootDir: dir,
      readFiles: options.readFiles ?? new Map(),
      downloaded: options.downloaded?.get(dir),
    };
    if (instance) this.callers.push(instance.caller);
    this.blocks = files.flatMap((f) => f.body.blocks);
    for (const b of this.blocks) {
      if (b.type === 'resource' && b.labels.length >= 2) this.resources.push(new TfResource(this, b));
      else if (b.type === 'data' && b.labels.length >= 2) this.dataSources.push(new TfResource(this, b));
      else if (b.type === 'variable' && b.labels[0]) this.variables.set(b.labels[0], b);
      else if (b.type === 'locals') for (const a of b.attributes) this.localDefs.set(a.name, a);
      else if (b.type === 'module' && b.labels[0]) {
        const view = new BlockView(
          this,
          b,
          new Map<string, Value>([
            ['each', UNKNOWN],
            ['count', UNKNOWN],
          ]),
        );
        const source = asString(view.value('source'));
        const localDir = source === undefined ? undefined : localModuleDir(dir, source);
        this.moduleCalls.push({ view, name: b.labels[0], source, localDir });
      }
    }
  }

  /** `terraform` blocks. */
  get terraformBlocks(): BlockView[] {
    return this.blocks.filter((b) => b.type === 'terraform').map((b) => new BlockView(this, b));
  }

  /** `output` blocks by name. */
  get outputs(): Map<string, BlockView> {
    return new Map(
      this.blocks
        .filter((b) => b.type === 'output' && b.labels[0])
        .map((b) => [b.labels[0]!, new BlockView(this, b)]),
    );
  }

  get providers(): BlockView[] {
    return this.blocks.filter((b) => b.type === 'provider').map((b) => new BlockView(this, b));
  }

  /** Resources of the given types that may exist (not `count = 0`). */
  resourcesOf(...types: string[]): TfResource[] {
    return this.resources
      .filter((r) => types.includes(r.resourceType) && r.exists)
      .flatMap((r) => r.instances());
  }

  dataOf(...types: string[]): TfResource[] {
    return this.dataSources.filter((r) => types.includes(r.resourceType) && r.exists);
  }

  /** A resource or data source by its address in this module (`aws_s3_bucket.b`, `data.x.y`). */
  byAddress(address: string): TfResource | undefined {
    return [...this.resources, ...this.dataSources].find((r) => r.localAddress === address);
  }

  /** The folder of the root module this instance belongs to (where `terraform init` runs). */
  get rootDir(): string {
    return this.env.rootDir;
  }

  /** The downloaded module a call of this module instantiates, when `terraform init` left one. */
  downloadedFor(call: ModuleCall): DownloadedModule | undefined {
    return this.env.downloaded?.get(`${this.callKey ? `${this.callKey}.` : ''}${call.name}`);
  }

  /**
   * True when the module a call names was downloaded by `terraform init` and is evaluated here,
   * instance by instance: what a table of its inputs would say, its real body says instead.
   */
  evaluatesDownloaded(call: ModuleCall): boolean {
    return this.children.has(call.name) && this.downloadedFor(call) !== undefined;
  }

  /**
   * The file a `file(...)`/`templatefile(...)` call reads, when its path is known, inside the scan
   * root, and was read ahead (small enough); else undefined.
   */
  fileOf(call: Expr, bindings: Bindings = NO_BINDINGS): SourceFile | undefined {
    if (call.kind !== 'call' || (call.name !== 'file' && call.name !== 'templatefile') || !call.args[0])
      return undefined;
    const path = asString(this.eval(call.args[0], bindings));
    const target = path === undefined ? undefined : readPath(path, this.env.rootDir);
    if (target === undefined) return undefined;
    return (
      this.env.readFiles.get(this.dir)?.get(target) ?? this.env.readFiles.get(this.env.rootDir)?.get(target)
    );
  }

  /** True when this module is only ever used through local callers (not planned on its own). */
  get isRoot(): boolean {
    return this.callers.length === 0;
  }

  /** Value of `var.<name>`. */
  input(name: string): Value {
    const cached = this.inputValues.get(name);
    if (cached !== undefined) return cached;
    if (this.evaluating.has(`var.${name}`)) return UNKNOWN;
    this.evaluating.add(`var.${name}`);
    let value: Value;
    try {
      value = this.computeInput(name);
    } finally {
      this.evaluating.delete(`var.${name}`);
    }
    this.inputValues.set(name, value);
    return value;
  }

  private computeInput(name: string): Value {
    const decl = this.variables.get(name);
    const defaultAttr = decl?.attributes.find((a) => a.name === 'default');
    const defaultValue = defaultAttr ? this.eval(defaultAttr.expr) : UNKNOWN;
    if (this.callers.length > 0) {
      const values = this.callers.map(({ module, call }) => {
        const arg = call.view.attr(name);
        const v = arg ? module.eval(arg.expr, call.view.bindings) : defaultValue;
        return v === null && defaultAttr && !isNullable(decl) ? defaultValue : v;
      });
      if (values.length === 1) return values[0]!;
      const [first, ...rest] = values;
      return isKnown(first) && rest.every((v) => deepEqual(first!, v)) ? first! : UNKNOWN;
    }
    let value = defaultValue;
    for (const f of this.tfvars) {
      const a = f.body.attributes.find((x) => x.name === name);
      if (a) value = evalConstant(a.expr);
    }
    for (const f of this.alternateTfvars) {
      const a = f.body.attributes.find((x) => x.name === name);
      if (a && !deepEqual(value, evalConstant(a.expr))) return UNKNOWN;
    }
    return value;
  }

  /** Value of `local.<name>`. */
  local(name: string): Value {
    const cached = this.localValues.get(name);
    if (cached !== undefined) return cached;
    const def = this.localDefs.get(name);
    if (!def || this.evaluating.has(`local.${name}`)) return ERROR;
    this.evaluating.add(`local.${name}`);
    let value: Value;
    try {
      value = this.eval(def.expr);
    } finally {
      this.evaluating.delete(`local.${name}`);
    }
    this.localValues.set(name, value);
    return value;
  }

  /** Evaluates an expression of this module; never throws. */
  eval(expr: Expr, bindings: Bindings = NO_BINDINGS): Value {
    if (this.depth > MAX_DEPTH) return UNKNOWN;
    this.depth++;
    try {
      return this.evalInner(expr, bindings);
    } finally {
      this.depth--;
    }
  }

  private evalInner(expr: Expr, b: Bindings): Value {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'template': {
        if (expr.directives) return UNKNOWN;
        let out = '';
        for (const p of expr.parts) {
          if (typeof p === 'string') {
            out += p;
            continue;
          }
          const v = this.eval(p, b);
          const s = v === null ? '' : asString(v);
          if (s === undefined) return UNKNOWN;
          out += s;
        }
        return out;
      }
      case 'tuple':
        return expr.items.map((i) => this.eval(i, b));
      case 'object': {
        const out: ValueObject = {};
        for (const item of expr.items) {
          const key = item.name ?? asString(this.eval(item.key, b));
          if (key === undefined) return UNKNOWN;
          out[key] = this.eval(item.value, b);
        }
        return out;
      }
      case 'ref':
        return this.evalRef(expr.root, expr.steps, b);
      case 'get':
        return this.applySteps(this.eval(expr.target, b), expr.steps, b);
      case 'call': {
        if (expr.name === 'try' || expr.name === 'can') {
          for (const arg of expr.args) {
            const v = this.eval(arg, b);
            if (v instanceof Unknown && v.error) continue;
            if (expr.name === 'can') return isKnown(v) || !(v instanceof Unknown) ? true : UNKNOWN;
            return v;
          }
          return expr.name === 'can' ? false : ERROR;
        }
        if (expr.name === 'file' || expr.name === 'templatefile') return this.readCall(expr, b);
        const fn = FUNCTIONS[expr.name];
        if (!fn) return UNKNOWN;
        let args = expr.args.map((a) => this.eval(a, b));
        if (expr.expand) {
          const last = args[args.length - 1];
          if (!Array.isArray(last)) return UNKNOWN;
          args = [...args.slice(0, -1), ...last];
        }
        try {
          return fn(args);
        } catch {
          return UNKNOWN;
        }
      }
      case 'conditional': {
        const cond = asBool(this.eval(expr.cond, b));
        if (cond === true) return this.eval(expr.whenTrue, b);
        if (cond === false) return this.eval(expr.whenFalse, b);
        const t = this.eval(expr.whenTrue, b);
        const e = this.eval(expr.whenFalse, b);
        return deepEqual(t, e) ? t : UNKNOWN;
      }
      case 'unary': {
        const v = this.eval(expr.operand, b);
        if (expr.op === '!') {
          const x = asBool(v);
          return x === undefined ? UNKNOWN : !x;
        }
        const n = asNumber(v);
        return n === undefined ? UNKNOWN : -n;
      }
      case 'binary':
        return this.evalBinary(expr.op, expr.left, expr.right, b);
      case 'for':
        return this.evalFor(expr, b);
      default:
        return UNKNOWN;
    }
  }

  /** `file()` and `templatefile()` of a file read ahead; unknown for anything else. */
  private readCall(expr: Expr & { kind: 'call' }, b: Bindings): Value {
    if (expr.expand) return UNKNOWN;
    const file = this.fileOf(expr, b);
    if (!file) return UNKNOWN;
    if (expr.name === 'file') return expr.args.length === 1 ? file.text : UNKNOWN;
    const vars = expr.args[1] ? this.eval(expr.args[1], b) : {};
    if (expr.args.length > 2 || !isObject(vars)) return UNKNOWN;
    // Inside a template only its variables are in scope; functions other than file reads work.
    return renderTemplate(file.text, vars, (e, scope) => templateScope.eval(e, scope));
  }

  private evalBinary(op: string, left: Expr, right: Expr, b: Bindings): Value {
    const l = this.eval(left, b);
    if (op === '&&' || op === '||') {
      const lb = asBool(l);
      if (op === '&&' && lb === false) return false;
      if (op === '||' && lb === true) return true;
      const rb = asBool(this.eval(right, b));
      if (op === '&&' && rb === false) return false;
      if (op === '||' && rb === true) return true;
      return lb === undefined || rb === undefined ? UNKNOWN : op === '&&' ? lb && rb : lb || rb;
    }
    const r = this.eval(right, b);
    if (op === '==' || op === '!=') {
      if (!isKnown(l) || !isKnown(r)) return UNKNOWN;
      const eq = deepEqual(l, r);
      return op === '==' ? eq : !eq;
    }
    const x = asNumber(l);
    const y = asNumber(r);
    if (x === undefined || y === undefined) return UNKNOWN;
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return y === 0 ? ERROR : x / y;
      case '%':
        return y === 0 ? ERROR : x % y;
      case '<':
        return x < y;
      case '>':
        return x > y;
      case '<=':
        return x <= y;
      case '>=':
        return x >= y;
      default:
        return UNKNOWN;
    }
  }

  private evalFor(expr: Expr & { kind: 'for' }, b: Bindings): Value {
    const coll = this.eval(expr.collection, b);
    let entries: [Value, Value][];
    if (Array.isArray(coll)) entries = coll.map((v, i) => [i, v]);
    else if (isObject(coll)) entries = Object.entries(coll);
    else return UNKNOWN;
    const listOut: Value[] = [];
    const objOut: ValueObject = {};
    for (const [k, v] of entries) {
      const scope = new Map(b);
      scope.set(expr.valueVar, v);
      if (expr.keyVar) scope.set(expr.keyVar, k);
      if (expr.cond) {
        const c = asBool(this.eval(expr.cond, scope));
        if (c === undefined) return UNKNOWN;
        if (!c) continue;
      }
      const value = this.eval(expr.value, scope);
      if (!expr.object) {
        listOut.push(value);
        continue;
      }
      const key = asString(this.eval(expr.key!, scope));
      if (key === undefined) return UNKNOWN;
      if (expr.group) {
        const existing = objOut[key];
        objOut[key] = Array.isArray(existing) ? [...existing, value] : [value];
      } else objOut[key] = value;
    }
    return expr.object ? objOut : listOut;
  }

  private evalRef(root: string, steps: Step[], b: Bindings): Value {
    if (b.has(root)) return this.applySteps(b.get(root)!, steps, b);
    const first = steps[0];
    const firstAttr = first && 'attr' in first ? first.attr : undefined;
    switch (root) {
      case 'var':
        return firstAttr ? this.applySteps(this.input(firstAttr), steps.slice(1), b) : UNKNOWN;
      case 'local':
        return firstAttr ? this.applySteps(this.local(firstAttr), steps.slice(1), b) : UNKNOWN;
      case 'path':
        // As Terraform: relative to the root module's folder, where it runs.
        if (firstAttr === 'module') return posix.relative(this.env.rootDir, this.dir) || '.';
        return firstAttr === 'root' || firstAttr === 'cwd' ? '.' : UNKNOWN;
      case 'each':
      case 'count':
      case 'self':
      case 'terraform':
        return UNKNOWN;
      case 'data': {
        const type = firstAttr;
        const name = steps[1] && 'attr' in steps[1] ? steps[1].attr : undefined;
        const attr = steps.slice(2).find((s): s is { attr: string } => 'attr' in s)?.attr;
        return type && name ? new Unknown({ address: `data.${type}.${name}`, attr }) : UNKNOWN;
      }
      case 'module': {
        const attr = steps.slice(1).find((s): s is { attr: string } => 'attr' in s)?.attr;
        const fallback = firstAttr ? new Unknown({ address: `module.${firstAttr}`, attr }) : UNKNOWN;
        const output = firstAttr ? this.childOutput(firstAttr, steps.slice(1), b) : undefined;
        return output ?? fallback;
      }
      default: {
        if (!firstAttr) return UNKNOWN;
        const attr = steps.slice(1).find((s): s is { attr: string } => 'attr' in s)?.attr;
        return new Unknown({ address: `${root}.${firstAttr}`, attr });
      }
    }
  }

  /**
   * `module.x.out` (or `module.x["k"].out`) of a local module instance, when fully known. A value
   * holding unknowns is left to the caller's `module.x` reference: its references are the child's.
   */
  private childOutput(name: string, steps: Step[], b: Bindings): Value | undefined {
    const instances = this.children.get(name);
    if (!instances || instances.length === 0) return undefined;
    let rest = steps;
    let child = instances.length === 1 && instances[0]!.key === undefined ? instances[0]!.module : undefined;
    if (!child) {
      const first = rest[0];
      if (!first || !('index' in first)) return undefined;
      const key = this.eval(first.index, b);
      if (key instanceof Unknown) return undefined;
      child = instances.find(
        (i) => deepEqual(i.key ?? null, key) || asString(i.key) === asString(key),
      )?.module;
      rest = rest.slice(1);
    }
    const out = rest[0];
    if (!child || !out || !('attr' in out)) return undefined;
    const block = child.blocks.find((x) => x.type === 'output' && x.labels[0] === out.attr);
    const expr = block?.attributes.find((a) => a.name === 'value')?.expr;
    if (!expr) return undefined;
    const value = this.applySteps(child.eval(expr), rest.slice(1), b);
    return isKnown(value) ? value : undefined;
  }

  private applySteps(value: Value, steps: Step[], b: Bindings): Value {
    let v = value;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      if (v instanceof Unknown) return v.error ? v : UNKNOWN;
      if ('splat' in step) {
        const rest = steps.slice(i + 1);
        const items = Array.isArray(v) ? v : v === null ? [] : [v];
        return items.map((item) => this.applySteps(item, rest, b));
      }
      let key: string | number | undefined;
      if ('attr' in step) key = step.attr;
      else {
        const k = this.eval(step.index, b);
        if (k instanceof Unknown) return UNKNOWN;
        key = typeof k === 'number' ? k : asString(k);
      }
      if (key === undefined) return UNKNOWN;
      if (Array.isArray(v)) {
        const n = typeof key === 'number' ? key : Number(key);
        v = Number.isInteger(n) && n >= 0 && n < v.length ? v[n]! : ERROR;
      } else if (isObject(v)) {
        v = Object.hasOwn(v, String(key)) ? v[String(key)]! : ERROR;
      } else return ERROR;
    }
    return v;
  }
}

function isNullable(decl: Block | undefined): boolean {
  const a = decl?.attributes.find((x) => x.name === 'nullable');
  return !(a?.expr.kind === 'literal' && a.expr.value === false);
}

const constantModule = new TfModule('', []);
/** Evaluates template expressions: no variables of a module, no files. */
const templateScope = new TfModule('', []);

/**
 * Instances of local modules per root module, beyond which its calls are not followed. Per root,
 * not per project: what a root module reaches must not depend on the other roots scanned with it.
 */
const MAX_MODULE_INSTANCES = 256;
const MAX_MODULE_DEPTH = 8;

/** The module a call instantiates: a local folder of the project, or a downloaded source. */
type CallTarget = { dir: string; files: HclFile[]; downloaded?: DownloadedModule };

/** Creates one module per instance of each resolvable module call of `parent`, recursively. */
function instantiateCalls(
  parent: TfModule,
  resolve: (parent: TfModule, call: ModuleCall) => CallTarget | undefined,
  path: string[],
  out: TfModule[],
  reached: Set<string>,
  budget: { left: number },
): void {
  if (path.length > MAX_MODULE_DEPTH) return;
  for (const call of parent.moduleCalls) {
    const target = resolve(parent, call);
    if (!target || path.includes(target.dir)) continue;
    const { dir, files, downloaded } = target;
    reached.add(dir);
    const list: { key: Value | undefined; module: TfModule }[] = [];
    for (const { key, suffix, bindings } of callInstances(call)) {
      if (budget.left-- <= 0) return;
      const view = new BlockView(parent, call.view.block, bindings);
      const prefix = `${parent.prefix ? `${parent.prefix}.` : ''}module.${call.name}${suffix}`;
      const child = new TfModule(dir, files, 'config', {
        prefix,
        caller: { module: parent, call: { ...call, view } },
        downloaded,
      });
      list.push({ key, module: child });
      out.push(child);
      instantiateCalls(child, resolve, [...path, dir], out, reached, budget);
    }
    parent.children.set(call.name, list);
  }
}

/** The instances of a module call: one per known `for_each` key or `count` index, else one. */
function callInstances(call: ModuleCall): { key: Value | undefined; suffix: string; bindings: Bindings }[] {
  const bind = (each: Value, count: Value) =>
    new Map<string, Value>([
      ['each', each],
      ['count', count],
    ]);
  const view = call.view;
  if (view.has('for_each')) {
    const forEach = view.value('for_each');
    const entries: [string, Value][] | undefined = Array.isArray(forEach)
      ? forEach.every((v) => typeof v === 'string')
        ? forEach.map((v) => [v as string, v])
        : undefined
      : isObject(forEach)
        ? Object.entries(forEach)
        : undefined;
    if (!entries || entries.length > MAX_INSTANCES)
      return [{ key: undefined, suffix: '', bindings: bind(UNKNOWN, UNKNOWN) }];
    return entries.map(([k, v]) => ({
      key: k,
      suffix: `[${JSON.stringify(k)}]`,
      bindings: bind({ key: k, value: v }, UNKNOWN),
    }));
  }
  if (view.has('count')) {
    const count = asNumber(view.value('count'));
    if (count === undefined || !Number.isInteger(count) || count > MAX_INSTANCES)
      return [{ key: undefined, suffix: '', bindings: bind(UNKNOWN, UNKNOWN) }];
    return Array.from({ length: Math.max(0, count) }, (_, i) => ({
      key: i,
      suffix: `[${i}]`,
      bindings: bind(UNKNOWN, { index: i }),
    }));
  }
  return [{ key: undefined, suffix: '', bindings: bind(UNKNOWN, UNKNOWN) }];
}

/** Evaluates an expression that may not reference anything (tfvars). */
export function evalConstant(expr: Expr): Value {
  return constantModule.eval(expr);
}

/**
 * Groups the parsed Terraform files of a project into modules (one per directory, one per plan
 * file), links local module calls to the modules they instantiate, and assigns tfvars.
 */
export function buildModules(files: readonly ParsedFile<HclFile>[], options: ModuleOptions = {}): TfModule[] {
  const byDir = new Map<string, HclFile[]>();
  const tfvarsByDir = new Map<string, HclFile[]>();
  const varFiles = new Map<string, HclFile>();
  const modules: TfModule[] = [];
  for (const f of files) {
    const model = f.model;
    const dir = posix.dirname(f.file.path) === '.' ? '' : posix.dirname(f.file.path);
    if (model.kind === 'plan') modules.push(new TfModule(f.file.path, [model], 'plan'));
    else if (model.kind === 'tfvars') {
      tfvarsByDir.set(dir, [...(tfvarsByDir.get(dir) ?? []), model]);
      varFiles.set(f.file.path, model);
    } else byDir.set(dir, [...(byDir.get(dir) ?? []), model]);
  }
  const configModules = new Map<string, TfModule>();
  for (const [dir, list] of [...byDir].sort(([a], [b]) => compareText(a, b))) {
    configModules.set(dir, new TfModule(dir, list, 'config', undefined, options));
  }
  const targetDir = (call: ModuleCall) => (call.localDir === '.' ? '' : call.localDir);
  // A downloaded source wins over a local folder of the same key: inside a downloaded module,
  // `./modules/x` names a folder under `.terraform/`, which only `modules.json` lists.
  const resolve = (parent: TfModule, call: ModuleCall): CallTarget | undefined => {
    const downloaded = parent.downloadedFor(call);
    if (downloaded) return { dir: downloaded.dir, files: downloaded.files, downloaded };
    if (parent.downloaded) return undefined;
    const dir = targetDir(call);
    const files = dir === undefined ? undefined : byDir.get(dir);
    return dir !== undefined && files ? { dir, files } : undefined;
  };
  const called = new Set<string>();
  for (const m of configModules.values())
    for (const call of m.moduleCalls) {
      const dir = targetDir(call);
      if (dir !== undefined && dir !== m.dir && byDir.has(dir)) called.add(dir);
    }
  // Root modules (not called from the project) are units, and each local module call becomes one
  // unit per instance, evaluated with that instance's arguments. A module that is only called
  // from modules that are themselves unreachable (a cycle) stays a unit of its own.
  const roots = [...configModules.values()].filter((m) => !called.has(m.dir));
  const reached = new Set<string>(roots.map((m) => m.dir));
  const instances: TfModule[] = [];
  for (const root of roots)
    instantiateCalls(root, resolve, [root.dir], instances, reached, { left: MAX_MODULE_INSTANCES });
  for (const m of configModules.values()) if (!reached.has(m.dir)) roots.push(m);
  modules.push(...roots, ...instances);
  const explicit = (options.varFiles ?? []).map((p) => varFiles.get(p)).filter((f): f is HclFile => !!f);
  for (const m of roots) {
    if (!m.isRoot) continue;
    const here = tfvarsByDir.get(m.dir) ?? [];
    const auto = here.filter((f) => /(^|\/)terraform\.tfvars(\.json)?$/.test(f.file.path));
    const autoNamed = here
      .filter((f) => /\.auto\.tfvars(\.json)?$/.test(f.file.path))
      .sort((a, b) => compareText(a.file.path, b.file.path));
    m.tfvars = [...auto, ...autoNamed, ...explicit];
    if (explicit.length === 0)
      m.alternateTfvars = here.filter((f) => !auto.includes(f) && !autoNamed.includes(f));
  }
  return modules;
}
