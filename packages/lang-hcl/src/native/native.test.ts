import { SourceFile, UnscannableFileError } from '@plumbline/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  initHclParser,
  MAX_NESTING_LEVELS,
  type ParsedHcl,
  parseHclText,
  parseHclTreeSitter,
} from '../parser.js';
import { readNative } from './parser.js';
import { randomEdits, seeded } from './random-edits.js';

beforeAll(() => initHclParser());

const LIMIT = 2 * MAX_NESTING_LEVELS;

/** A parse as JSON: locations as [start, end], undefined kept, keys in order; or the error thrown. */
function serialise(parse: () => ParsedHcl | string): string {
  try {
    const result = parse();
    if (typeof result === 'string') return `gave up: ${result}`;
    return JSON.stringify(result, (key, value) => {
      if (value === undefined) return '<undefined>';
      if (key === 'file') return undefined;
      if (value && typeof value === 'object' && 'file' in value && 'start' in value && 'end' in value)
        return Object.keys(value).length === 3 ? [value.start, value.end] : value;
      return value;
    });
  } catch (error) {
    return `threw ${String(error)} at ${(error as { offset?: number }).offset}`;
  }
}

function bothWays(text: string) {
  const file = new SourceFile('main.tf', text);
  const native = readNative(file, LIMIT);
  return {
    gaveUp: typeof native === 'string' ? native : undefined,
    native: serialise(() => native),
    treeSitter: serialise(() => parseHclTreeSitter(file)),
  };
}

/** Read natively, the same model as tree-sitter's, and no syntax error. */
function expectNative(text: string): void {
  const { gaveUp, native, treeSitter } = bothWays(text);
  expect(gaveUp, text).toBeUndefined();
  expect(native, text).toBe(treeSitter);
  expect(treeSitter).toContain('"problems":[]}');
}

/** The native parser agrees or gives up; returns whether it read the text. */
function agreesOrGivesUp(text: string): boolean {
  const { gaveUp, native, treeSitter } = bothWays(text);
  if (gaveUp === undefined) expect(native, JSON.stringify(text)).toBe(treeSitter);
  return gaveUp === undefined;
}

const MODULE = `# Network module: what the rules read.
terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
    null = {
      source = "hashicorp/null"
    }
  }
}

variable "environment" {
  type        = string
  description = "Deployment environment" // trailing comment
  default     = "dev"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "Environment must be one of dev, staging, prod: got \${var.environment}."
  }
}

variable "subnets" {
  type = map(object({
    cidr = string
    az   = optional(string, "eu-west-1a")
    tags = optional(map(string), {})
  }))
  default = {}
}

locals {
  name_prefix = "\${var.project}-\${var.environment}"
  is_prod     = var.environment == "prod" ? true : false
  az_count    = length(data.aws_availability_zones.available.names) > 2 ? 3 : 2
  ports       = [for p in var.ports : tonumber(p) if p != ""]
  by_name     = { for k, s in var.subnets : k => s.cidr... if s.az != null }
  all_ids     = aws_subnet.private[*].id
  first_az    = aws_subnet.private.*.availability_zone
  legacy      = var.list.0.name
  arn_region  = provider::aws::arn_parse(var.role_arn).region
  merged      = merge(local.defaults, var.tags, { Name = local.name_prefix })
  expanded    = concat(var.a, var.b...)
  negative    = -1 * (var.offset + 2) % 3
  flags       = !var.enabled || (var.count >= 1 && var.count <= 10)
  hex         = 0x1F
  ratio       = 1.5e3
  escaped     = "tab\\tquote\\" unicode \\u00e9 dollar $\${x} percent %%{y}"
  /* a block comment
     over two lines */
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = "\${aws_s3_bucket.this.arn}/*"
    }]
  })
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"

  name = local.name_prefix
  cidr = var.cidr
  azs  = slice(data.aws_availability_zones.available.names, 0, local.az_count)
  tags = merge(var.tags, {
    "kubernetes.io/role/elb" = 1
    (local.dynamic_key)      = "x"
  })
}

resource "aws_security_group" "web" {
  name_prefix = "\${local.name_prefix}-web"
  vpc_id      = module.vpc.vpc_id

  dynamic "ingress" {
    for_each = var.ingress_rules
    iterator = rule
    content {
      from_port   = rule.value.from
      to_port     = rule.value.to
      protocol    = "tcp"
      cidr_blocks = rule.value.cidrs
    }
  }

  lifecycle {
    create_before_destroy = true
    ignore_changes        = [tags["CreatedAt"]]
  }
}

resource "aws_instance" "app" {
  count         = local.is_prod ? 2 : 1
  ami           = data.aws_ami.this.id
  instance_type = var.instance_type
  user_data     = <<-EOT
    #!/bin/bash
    echo "hello \${var.name}"
    %{ if var.enabled ~}
    systemctl start app
    %{ endif ~}
    %{ for k, v in var.env }export \${k}=\${v}
    %{ endfor }
  EOT
  metadata_options {
    http_tokens = "required"
  }
}

output "ids" {
  value     = [for i in aws_instance.app : i.id]
  sensitive = false
}

output "script" {
  value = <<EOF
raw \${local.name_prefix} text
  indented line
EOF
}
`;

describe('native HCL parser: the same model as tree-sitter', () => {
  it('reads a realistic module', () => {
    expectNative(MODULE);
  });

  it('reads it with CRLF line ends and a byte order mark', () => {
    expectNative(MODULE.replace(/\n/g, '\r\n'));
    expectNative(`\ufeff${MODULE}`);
  });

  it('locates operands, parentheses and traversals as the grammar does', () => {
    for (const text of [
      'a = (b)\nc = (d).e\nf = (g).h + i\nj = (k) + (l)\nm = -(n.o)\np = !a == b\n',
      'a = x ? b : c ? d : e\nb = x ? y ? 1 : 2 : 3\nc = (x ? 1 : 2).y\n',
      'a = a - b - c\nb = a * -b\nc = 1 + 2 * 3 - 4 / 5 % 6\nd = a < b == c >= d\ne = - - a\n',
      'a = x[0].y[*].z\nb = x.*.y.z[1]\nc = x.0.1\nd = f(a)[0].b\ne = [1, 2][0]\nf = {a = 1}.a\ng = "s"[0]\n',
      'a = f()\nb = f(x,)\nc = f(x, y...)\nd = foo (x)\ne = foo /* c */ (x)\nf = p::q::r(1)\ng = a::b\n',
      'a = { (k) = 1, ( /* c */ k) = 2, "s": 3, t = 4 u = 5, w = { x = 1 } }\nb = {}\nc = []\nd = [1,]\n',
      'a = [for x in y : x]\nb = {for k, v in y : k => v}\nc = {for k, v in y : k => v... if v}\nd = [for x in y : x if x > 1]\n',
      'a = true.x\nb = null\nc = false\nd = x.null\ne = x.for.in\nin = 1\nfor = 2\nif "x" null {}\n',
      'a = 1 /* after */\nb = /* before */ 2\nc = [ # in a list\n  1, // one\n  2\n]\nd = x /* c */ .y\n',
    ])
      expectNative(text);
  });

  it('reads strings, templates and heredocs as the grammar does', () => {
    for (const text of [
      'a = "  padded  "\nb = "   "\nc = ""\nd = " ${x} "\ne = "${x}${y}"\nf = "${}"\ng = "${~ x ~}"\n',
      'a = "$${x} %%{y} $$$${z} $ % $$ %%"\nb = "a$"\nc = "\\u00e9\\\\\\"\\n"\nd = "😀 ${x} é"\n',
      'a = "%{ if x }yes%{ else }no%{ endif }"\nb = "%{for k, v in m}${k}=${v},%{endfor}"\nc = "%{~ if x ~}a%{~ endif ~}"\n',
      'a = <<EOT\nEOT\nb = <<-EOT\n    x\n      ${y}\n    z\n    EOT\nc = <<EOT\n  EOTX\n  EOT x\n  ${"EOT"}\n  EOT\n',
      'a = <<EOT\n$${x} %%{y} \\n "q"\nEOT\nb = <<-X\n\t\ttab\n\t\t%{ if a }b%{ endif }\n\tX\nc = [<<A\na\nA\n, 1]\n',
      'a = "${<<EOT\nin\nEOT\n}"\nb = f(<<-EOT\n  ${x}\n  EOT\n)\n',
      'resource "a b" " c " {}\nx "$x" "%y" {\n}\ny "\\u00e9" "\\"" {\n  z = 1\n}\n',
    ])
      expectNative(text);
  });

  it('reads comments of every kind with their lines', () => {
    for (const text of [
      '# one\n// two\n/* three */\na = 1 # four\n/* five\n six */ b = 2\n',
      '# last line without newline',
      '# crlf\r\na = 1 // also\r\n/* x */\r\n',
      'a = "${x # in an interpolation\n}"\nb = "http://x#y"\n',
      '',
      '\n\n  \n',
    ])
      expectNative(text);
  });

  it('gives up on syntax errors, which keep their tree-sitter problems', () => {
    for (const text of [
      'a = \n',
      'a = [1,,2]\n',
      'resource "x" {\n',
      'a = 1e3\n',
      'a = "${"\n',
      'a = <<EOT\nnever closed\n',
      'a = <<EOT\nx\nEOT',
      'a = "\\q"\n',
      'a = 1 }\n',
      'a = f(x,...)\n',
      'a = x.\n',
      'a = "%{ if x }"\n',
      'a = "%{ endif }"\n',
      '/* open\n',
      'a = 1\nb = 2 = 3\n',
    ]) {
      const { gaveUp, treeSitter } = bothWays(text);
      expect(gaveUp, text).toBeDefined();
      expect(treeSitter, text).toContain('"message":"syntax error');
      expect(parseHclText(new SourceFile('main.tf', text)).problems.length).toBeGreaterThan(0);
    }
  });

  it('gives up where the grammar reads text its own way', () => {
    for (const text of [
      'a = <<EOT\nEOT ${x}\nEOT\n', // the scanner swallows the `$` after a marker
      'a = "multi\nline"\n', // a raw line break inside quotes
      'a = x\u00a0+ 1\n', // white space JavaScript and C may see differently
      'a = { b = 1 }\nc = var.x. y\n',
      'x = { "a" = 1 }\n{ "a" = 1 }\n',
      '{ "a": 1 }\n', // a .tfvars written as one object
      'a = ünicode\n',
    ])
      expect(bothWays(text).gaveUp, text).toBeDefined();
  });

  it('refuses nesting past the limit as tree-sitter does, without overflowing', () => {
    for (const text of [
      `locals {\n  x = ${'['.repeat(5000)}${']'.repeat(5000)}\n}\n`,
      `locals {\n  x = 1${' + 1'.repeat(5000)}\n}\n`,
      `locals {\n  x = ${'{ a = '.repeat(900)}1${' }'.repeat(900)}\n}\n`,
      `${'dynamic "x" {\n'.repeat(600)}${'}\n'.repeat(600)}`,
      `x = ${'-'.repeat(3000)}1\n`,
    ]) {
      const file = new SourceFile('main.tf', text);
      expect(typeof readNative(file, LIMIT)).toBe('string');
      expect(() => parseHclText(file)).toThrow(UnscannableFileError);
      expect(serialise(() => parseHclText(file))).toBe(serialise(() => parseHclTreeSitter(file)));
    }
    // Deep but not refused by the conversion (it does not read into directives), or broken:
    // given up without overflowing, and the fallback gives what tree-sitter gives.
    for (const text of [
      `x = "${'%{ if a }'.repeat(3000)}${'%{ endif }'.repeat(3000)}"\n`,
      `x = "${'%{ if a }'.repeat(3000)}"\n`,
      `x = ${'a['.repeat(3000)}0${']'.repeat(3000)}\n`,
      `x = ${'[('.repeat(20_000)}\n`,
    ]) {
      const file = new SourceFile('main.tf', text);
      expect(typeof readNative(file, LIMIT)).toBe('string');
      expect(serialise(() => parseHclText(file))).toBe(serialise(() => parseHclTreeSitter(file)));
    }
  });

  it('gives up exactly where the conversion refuses a file for its depth', () => {
    // Operator chains are read without recursion: the depth is counted as the conversion does.
    for (let n = 480; n <= 520; n++) {
      for (const text of [
        `x = 1${' + 1'.repeat(n)}\n`,
        `x = a${' * b'.repeat(n)} - c\n`,
        `locals {\n  x = [${'"${a}" + '.repeat(n)}1]\n}\n`,
      ]) {
        // One read each way (agreesOrGivesUp would read both again).
        const { gaveUp, native, treeSitter } = bothWays(text);
        if (gaveUp === undefined) expect(native, JSON.stringify(text)).toBe(treeSitter);
        const refused = treeSitter.startsWith('threw UnscannableFileError');
        expect(gaveUp === undefined, `${n}: ${text.slice(0, 30)}`).toBe(!refused);
      }
    }
  });

  it('agrees or gives up on seeded random edits of the module', () => {
    const random = seeded(17);
    let read = 0;
    for (let n = 0; n < 400; n++) {
      const text = randomEdits(MODULE, random);
      if (agreesOrGivesUp(text)) read++;
    }
    // Many edits leave the module well-formed (in a string, a comment): those are read natively.
    expect(read).toBeGreaterThan(100);
  });

  it('agrees or gives up on seeded random expressions', () => {
    const random = seeded(5);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
    const gap = () => pick([' ', '', '\n', ' /* c */ ', ' # c\n', '  ', '\t']);
    const expr = (depth: number): string => {
      if (depth > 4 || random() < 0.25)
        return pick([
          'a',
          'var.x',
          'b-c',
          'p::f',
          '1',
          '0x1F',
          '1.5e3',
          'true',
          'null',
          '"s"',
          '" s "',
          '"${x}"',
          '""',
        ]);
      const e = () => expr(depth + 1);
      const g = gap;
      switch (Math.floor(random() * 18)) {
        case 0:
          return `[${g()}${e()},${g()}${e()}${pick(['', ','])}${g()}]`;
        case 1:
          return `{${g()}${pick(['k', '"k"', '(k)', e()])}${g()}${pick(['=', ':'])}${g()}${e()}${pick([',', '\n', ' '])}${g()}}`;
        case 2:
          return `(${g()}${e()}${g()})`;
        case 3:
          return `f(${e()},${g()}${e()}${pick(['', '...', ','])})`;
        case 4:
          return `${e()}${g()}?${g()}${e()}${g()}:${g()}${e()}`;
        case 5:
          return `${e()}${g()}${pick(['+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||'])}${g()}${e()}`;
        case 6:
          return `${pick(['-', '!'])}${g()}${e()}`;
        case 7:
          return `${e()}.${pick(['x', 'y-z', '0', '*', 'for'])}`;
        case 8:
          return `${e()}[${g()}${e()}${g()}]`;
        case 9:
          return `${e()}${pick(['[*]', '.*'])}${pick(['', '.x', '[0]', '.0'])}`;
        case 10:
          return `[for ${pick(['v', 'k, v'])} in ${e()} : ${e()}${pick(['', ` if ${e()}`])}]`;
        case 11:
          return `{for k, v in ${e()} : ${e()} => ${e()}${pick(['', '...'])}${pick(['', ` if ${e()}`])}}`;
        case 12:
          return `"${pick(['', ' ', 'a'])}\${${g()}${e()}${g()}}${pick(['', ' ', 'b', '$$', '%%{'])}"`;
        case 13:
          return `"%{ if ${e()} }${pick(['x', '${y}', ''])}%{ else }z%{ endif }"`;
        case 14:
          return `<<${pick(['', '-'])}EOT\n${pick(['', '  '])}line \${${e()}}\n${pick(['', '  '])}EOT\n`;
        case 15:
          return `${pick(['f', 'p::q'])}(${g()})`;
        case 16:
          return `${e()}${g()}`;
        default:
          return `${g()}${e()}`;
      }
    };
    let read = 0;
    for (let n = 0; n < 600; n++) {
      const text = `a = ${expr(0)}\nb {\n  c = ${expr(1)}\n}\n`;
      if (agreesOrGivesUp(text)) read++;
    }
    expect(read).toBeGreaterThan(300);
  });
});
