import { type ParsedFile, SourceFile } from '@plumbline/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModules, type HclFile, hclLanguage, isUnknown, type TfModule, type Value } from './index.js';

beforeAll(() => hclLanguage.load!());

function parse(path: string, text: string): ParsedFile<HclFile> {
  const file = new SourceFile(path, text);
  const r = hclLanguage.parse(file);
  if (!r.model) throw new Error(`no model for ${path}`);
  return { language: 'hcl', file, model: r.model, comments: r.comments };
}

function modules(files: Record<string, string>, varFiles?: string[]): TfModule[] {
  return buildModules(
    Object.entries(files).map(([p, t]) => parse(p, t)),
    varFiles ? { varFiles } : {},
  );
}

function valueIn(
  files: Record<string, string>,
  dir: string,
  address: string,
  attr: string,
  varFiles?: string[],
): Value | undefined {
  const m = modules(files, varFiles).find((x) => x.dir === dir)!;
  return m.byAddress(address)!.value(attr);
}

const span = (f: SourceFile, loc: { start: number; end: number }) => f.span(loc.start, loc.end);

describe('hclLanguage.claims', () => {
  it('claims Terraform files and plan JSON only', () => {
    for (const p of [
      'main.tf',
      'a/b.tf.json',
      'x.tfvars',
      'prod.auto.tfvars.json',
      'plan.json',
      'out/x.tfplan.json',
      'tfplan.json',
    ]) {
      expect(hclLanguage.claims(p), p).toBe(true);
    }
    for (const p of ['package.json', 'main.tfstate', 'k8s/deploy.json', 'main.tf.bak', 'README.md'])
      expect(hclLanguage.claims(p), p).toBe(false);
  });
});

describe('parsing', () => {
  it('keeps spans of blocks, headers, attributes and nested blocks', () => {
    const text =
      'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  versioning {\n    enabled = true\n  }\n}\n';
    const { file, model } = parse('main.tf', text);
    const block = model.body.blocks[0]!;
    expect(block.type).toBe('resource');
    expect(block.labels).toEqual(['aws_s3_bucket', 'b']);
    expect(span(file, block.headerLoc)).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 29 });
    expect(span(file, block.loc)).toEqual({ startLine: 1, startColumn: 1, endLine: 6, endColumn: 2 });
    expect(span(file, block.attributes[0]!.loc)).toEqual({
      startLine: 2,
      startColumn: 3,
      endLine: 2,
      endColumn: 15,
    });
    expect(span(file, block.blocks[0]!.attributes[0]!.loc)).toEqual({
      startLine: 4,
      startColumn: 5,
      endLine: 4,
      endColumn: 19,
    });
  });

  it('counts columns in UTF-16 after non-ASCII text', () => {
    const { file, model } = parse('main.tf', 'locals {\n  a = "héllo" # ünïcode\n  b = 1\n}\n');
    expect(span(file, model.body.blocks[0]!.attributes[1]!.loc)).toEqual({
      startLine: 3,
      startColumn: 3,
      endLine: 3,
      endColumn: 8,
    });
  });

  it('returns #, // and /* */ comments with offsets and ownLine', () => {
    const text = '# one\nresource "a" "b" { # two\n  // three\n  /* four */ x = 1\n}\n';
    const { comments } = parse('main.tf', text);
    expect(comments.map((c) => [c.line, c.text, c.ownLine, text.slice(c.start, c.end)])).toEqual([
      [1, ' one', true, '# one'],
      [2, ' two', false, '# two'],
      [3, ' three', true, '// three'],
      [4, ' four ', true, '/* four */'],
    ]);
  });

  it('reports syntax errors as problems with a location, and gives rules no half-read model', () => {
    const file = new SourceFile('bad.tf', 'resource "a" "b" {\n  x = \n}\n');
    const r = hclLanguage.parse(file);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0]!.message).toMatch(/syntax error/);
    expect(file.position(r.problems[0]!.loc.start).line).toBe(2);
    expect(r.model).toBeUndefined();
  });

  it('reports invalid .tf.json as a problem', () => {
    const file = new SourceFile('main.tf.json', '{"resource": {');
    const r = hclLanguage.parse(file);
    expect(r.model).toBeUndefined();
    expect(r.problems[0]!.message).toMatch(/invalid JSON/);
  });

  it('reads .tf.json blocks with attribute spans and templates', () => {
    const text =
      '{\n  "resource": {\n    "aws_s3_bucket": {\n      "b": {\n        "bucket": "${var.name}-logs",\n        "versioning": {"enabled": true}\n      }\n    }\n  },\n  "variable": {"name": {"default": "acme"}}\n}\n';
    const [m] = modules({ 'main.tf.json': text });
    const b = m!.byAddress('aws_s3_bucket.b')!;
    expect(b.value('bucket')).toBe('acme-logs');
    expect(b.blocks('versioning')[0]!.value('enabled')).toBe(true);
    expect(span(b.block.loc.file, b.attr('bucket')!.loc).startLine).toBe(5);
  });

  it('reads a Terraform plan: resources by address, unknown-after-apply values unknown', () => {
    const plan = JSON.stringify(
      {
        format_version: '1.2',
        planned_values: {
          root_module: {
            resources: [
              {
                address: 'aws_db_instance.db',
                mode: 'managed',
                type: 'aws_db_instance',
                name: 'db',
                values: { storage_encrypted: false, tags: { env: 'prod' } },
              },
            ],
            child_modules: [
              {
                address: 'module.m',
                resources: [
                  {
                    address: 'module.m.aws_s3_bucket.b',
                    mode: 'managed',
                    type: 'aws_s3_bucket',
                    name: 'b',
                    values: { bucket: 'x' },
                  },
                ],
              },
            ],
          },
        },
        resource_changes: [
          { address: 'aws_db_instance.db', change: { after_unknown: { kms_key_id: true } } },
        ],
      },
      null,
      2,
    );
    const [m] = modules({ 'plan.json': plan });
    expect(m!.kind).toBe('plan');
    expect(m!.resources.map((r) => r.address)).toEqual(['aws_db_instance.db', 'module.m.aws_s3_bucket.b']);
    const db = m!.resources[0]!;
    expect(db.value('storage_encrypted')).toBe(false);
    expect(isUnknown(db.value('kms_key_id'))).toBe(true);
  });
});

describe('evaluation', () => {
  const tf = (body: string) => `resource "x" "r" {\n${body}\n}\n`;
  const v = (body: string, extra = '') => valueIn({ 'main.tf': extra + tf(body) }, '', 'x.r', 'a');

  it('literals, templates, collections and operators', () => {
    expect(v('a = "a-${1 + 2}"')).toBe('a-3');
    expect(v('a = [1, "b", true, null]')).toEqual([1, 'b', true, null]);
    expect(v('a = { k = "v", "q" = 2 }')).toEqual({ k: 'v', q: 2 });
    expect(v('a = 3 > 2 && !false')).toBe(true);
    expect(v('a = "a\\tb\\u0041$${x}"')).toBe('a\tbA${x}');
    expect(v('a = <<-EOT\n    one\n      two\n    EOT')).toBe('one\n  two\n');
  });

  it('variables, locals, functions and conditionals', () => {
    const pre =
      'variable "env" {\n  default = "prod"\n}\nlocals {\n  tags = { env = var.env }\n  list = ["a", "b"]\n}\n';
    expect(v('a = merge(local.tags, { team = "x" })', pre)).toEqual({ env: 'prod', team: 'x' });
    expect(v('a = var.env == "prod" ? 2 : 1', pre)).toBe(2);
    expect(v('a = lookup(local.tags, "missing", "d")', pre)).toBe('d');
    expect(v('a = format("%s-%d", var.env, 3)', pre)).toBe('prod-3');
    expect(v('a = concat(local.list, ["c"])', pre)).toEqual(['a', 'b', 'c']);
    expect(v('a = toset(["a", "a"])', pre)).toEqual(['a']);
    expect(v('a = try(local.tags.missing, "fallback")', pre)).toBe('fallback');
    expect(v('a = coalesce("", null, "x")', pre)).toBe('x');
    expect(v('a = jsonencode({ Effect = "Allow" })', pre)).toBe('{"Effect":"Allow"}');
    expect(v('a = [for s in local.list : upper(s)]', pre)).toEqual(['A', 'B']);
    expect(v('a = { for s in local.list : s => length(s) }', pre)).toEqual({ a: 1, b: 1 });
  });

  it('what cannot be known is unknown', () => {
    const pre = 'variable "nodefault" {}\n';
    expect(isUnknown(v('a = var.nodefault', pre))).toBe(true);
    expect(isUnknown(v('a = "x-${var.nodefault}"', pre))).toBe(true);
    expect(isUnknown(v('a = var.nodefault ? 1 : 2', pre))).toBe(true);
    expect(v('a = var.nodefault ? 1 : 1', pre)).toBe(1);
    expect(isUnknown(v('a = merge(var.nodefault, {})', pre))).toBe(true);
    expect(isUnknown(v('a = each.value'))).toBe(true);
    expect(isUnknown(v('a = file("policy.json")'))).toBe(true);
    expect(isUnknown(v('a = somefunction(1)'))).toBe(true);
    expect(v('a = false && var.nodefault', pre)).toBe(false);
    const ref = v('a = aws_s3_bucket.logs[0].id');
    expect(isUnknown(ref) && ref.ref).toEqual({ address: 'aws_s3_bucket.logs', attr: 'id' });
  });

  it('terraform.tfvars and *.auto.tfvars override defaults; --var-file applies to root modules', () => {
    const files = {
      'main.tf':
        'variable "a" {\n  default = "default"\n}\nvariable "b" {\n  default = "default"\n}\nresource "x" "r" {\n  a = var.a\n  b = var.b\n}\n',
      'terraform.tfvars': 'a = "tfvars"\nb = "tfvars"\n',
      'z.auto.tfvars': 'b = "auto"\n',
      'envs/prod.tfvars': 'a = "prod"\n',
    };
    expect(valueIn(files, '', 'x.r', 'a')).toBe('tfvars');
    expect(valueIn(files, '', 'x.r', 'b')).toBe('auto');
    expect(valueIn(files, '', 'x.r', 'a', ['envs/prod.tfvars'])).toBe('prod');
  });

  it('a non-auto .tfvars next to the module that disagrees makes the variable unknown', () => {
    const files = {
      'main.tf': 'variable "a" {\n  default = "dev"\n}\nresource "x" "r" {\n  a = var.a\n}\n',
      'prod.tfvars': 'a = "prod"\n',
    };
    expect(isUnknown(valueIn(files, '', 'x.r', 'a'))).toBe(true);
  });

  it('local modules get the inputs of their callers', () => {
    const child =
      'variable "enc" {\n  default = true\n}\nvariable "name" {}\nresource "x" "r" {\n  a = var.enc\n  b = var.name\n}\n';
    const one = {
      'main.tf': 'module "m" {\n  source = "./modules/m"\n  enc    = false\n  name   = "n1"\n}\n',
      'modules/m/main.tf': child,
    };
    expect(valueIn(one, 'modules/m', 'x.r', 'a')).toBe(false);
    expect(valueIn(one, 'modules/m', 'x.r', 'b')).toBe('n1');
    const defaulted = {
      'main.tf': 'module "m" {\n  source = "./modules/m"\n  name   = "n1"\n}\n',
      'modules/m/main.tf': child,
    };
    expect(valueIn(defaulted, 'modules/m', 'x.r', 'a')).toBe(true);
  });

  it('each call of a local module is its own instance, with its own arguments and call path', () => {
    const child =
      'variable "enc" {}\nresource "x" "r" {\n  a = var.enc\n}\noutput "enc" {\n  value = var.enc\n}\n';
    const all = modules({
      'main.tf':
        'module "a" {\n  source = "./m"\n  enc    = false\n}\nmodule "db" {\n  source   = "./m"\n  for_each = { prod = true, dev = false }\n  enc      = each.value\n}\nresource "x" "uses" {\n  v = module.db["prod"].enc\n  w = module.a.enc\n}\n',
      'm/main.tf': child,
    });
    const instances = all.filter((m) => m.dir === 'm');
    expect(instances.map((m) => [m.prefix, m.byAddress('x.r')!.value('a')])).toEqual([
      ['module.a', false],
      ['module.db["prod"]', true],
      ['module.db["dev"]', false],
    ]);
    expect(instances[1]!.resourcesOf('x')[0]!.address).toBe('module.db["prod"].x.r');
    const root = all.find((m) => m.dir === '')!;
    expect([root.byAddress('x.uses')!.value('v'), root.byAddress('x.uses')!.value('w')]).toEqual([
      true,
      false,
    ]);
    expect(all.filter((m) => m.dir === 'm' && m.isRoot)).toEqual([]);
  });

  it('count = 0 on a module call creates no instance; an unknown count one with count.index unknown', () => {
    const all = modules({
      'main.tf':
        'module "off" {\n  source = "./m"\n  count  = 0\n}\nmodule "maybe" {\n  source = "./m"\n  count  = var.n\n}\n',
      'm/main.tf': 'resource "x" "r" {}\n',
    });
    expect(all.filter((m) => m.dir === 'm').map((m) => m.prefix)).toEqual(['module.maybe']);
  });

  it('count = 0 resources do not exist', () => {
    const [m] = modules({
      'main.tf':
        'variable "create" {\n  default = false\n}\nresource "x" "r" {\n  count = var.create ? 1 : 0\n}\nresource "x" "s" {\n  for_each = {}\n}\n',
    });
    expect(m!.resources.map((r) => r.exists)).toEqual([false, false]);
  });
});

describe('resource instances', () => {
  it('known for_each and count bind each.* and count.index', () => {
    const [m] = modules({
      'main.tf':
        'resource "x" "r" {\n  for_each = { a = "1", b = "2" }\n  v = "${each.key}-${each.value}"\n}\nresource "x" "s" {\n  count = 2\n  v = count.index\n}\nresource "x" "t" {\n  for_each = var.unknown\n  v = each.value\n}\n',
    });
    const all = m!.resourcesOf('x');
    expect(all.map((r) => [r.address, r.value('v')])).toEqual([
      ['x.r["a"]', 'a-1'],
      ['x.r["b"]', 'b-2'],
      ['x.s[0]', 0],
      ['x.s[1]', 1],
      ['x.t', expect.anything()],
    ]);
    expect(isUnknown(all[4]!.value('v'))).toBe(true);
  });
});
