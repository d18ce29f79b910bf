import { SourceFile } from '@plumbline/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hclLanguage } from './language.js';
import { parseHclText } from './parser.js';

beforeAll(() => hclLanguage.load?.());

/** The body and comments as plain JSON (locations as offsets). */
function parsed(text: string) {
  const { body, comments, problems } = parseHclText(new SourceFile('main.tf', text));
  const json = JSON.stringify({ body, comments }, (key, value) => (key === 'file' ? undefined : value));
  return { json: JSON.parse(json) as { body: unknown; comments: unknown }, problems };
}

// An error-free tree has literals, references and steps read from the text between node offsets;
// a tree with a syntax error is converted node by node. A syntax error after the last block leaves
// the blocks before it as they were, so both ways must give the same model.
const SAMPLES = [
  'a = "x"\nb = "  padded  "\nc = ""\nd = "   "\ne = "tab\\tq\\"uote\\u00e9"\nf = "$${x} %%{y}"\n',
  'a = 1\nb = 1.5e3\nc = 0x1F\nd = true\ne = false\nf = null\ng = -1\n',
  'a = var.x\nb = aws_s3_bucket.b.id\nc = each.value\nd = var.my-name.x\ne = true.x\nf = local.l[0].y\n',
  'a = var.x. y\nb = var.x./* c */y\nc = var.x.0\nd = "x"[0]\ne = ("x")\nf = [var.a, "b", 2]\n',
  'resource "aws_s3_bucket" " b " {\n  tags = { Name = "n", "k" = var.v, (var.k) = 1 }\n  x = provider::aws::arn_parse("a").region\n}\n',
  'a = "${var.x} y"\nb = <<-EOT\n  hi ${var.z}\n  EOT\nc = x ? "a" : "b"\nd = [for k, v in var.m : "${k}" if v != ""]\n',
];

describe('HCL conversion from the text of well-formed nodes', () => {
  it('gives the model the nodes give', () => {
    for (const text of SAMPLES) {
      const clean = parsed(text);
      expect(clean.problems).toEqual([]);
      const broken = parsed(`${text}}\n`);
      expect(broken.problems.length).toBeGreaterThan(0);
      expect(clean.json.body).toEqual(broken.json.body);
    }
  });

  it('reads literals and references as before', () => {
    const { json } = parsed(SAMPLES[0]! + SAMPLES[2]!);
    const values = (
      json.body as { attributes: { name: string; expr: Record<string, unknown> }[] }
    ).attributes.map((a) => [a.name, a.expr.kind, a.expr.value ?? a.expr.root, a.expr.steps]);
    expect(values).toEqual([
      ['a', 'literal', 'x', undefined],
      // The grammar leaves white space at the ends of a string out of its literal.
      ['b', 'literal', 'padded', undefined],
      ['c', 'literal', '', undefined],
      ['d', 'literal', '', undefined],
      ['e', 'literal', 'tab\tq"uoteé', undefined],
      ['f', 'literal', '${x} %{y}', undefined],
      ['a', 'ref', 'var', [{ attr: 'x' }]],
      ['b', 'ref', 'aws_s3_bucket', [{ attr: 'b' }, { attr: 'id' }]],
      ['c', 'ref', 'each', [{ attr: 'value' }]],
      ['d', 'ref', 'var', [{ attr: 'my-name' }, { attr: 'x' }]],
      ['e', 'get', undefined, [{ attr: 'x' }]],
      ['f', 'ref', 'local', [{ attr: 'l' }, { index: expect.objectContaining({ value: 0 }) }, { attr: 'y' }]],
    ]);
  });

  it('finds every comment, also in files where comment markers sit only in strings', () => {
    const text = 'a = "http://x#y"\n# one\nb = 1 // two\n/* three */\nc = "/*"\n';
    const comments = parsed(text).json.comments as { text: string; line: number }[];
    expect(comments.map((c) => [c.line, c.text])).toEqual([
      [2, ' one'],
      [3, ' two'],
      [4, ' three '],
    ]);
    expect(parsed('a = "no comment"\n').json.comments).toEqual([]);
    expect(parsed('a = "x"\nb = 1 # last line, no newline').json.comments).toEqual([
      expect.objectContaining({ line: 2, text: ' last line, no newline' }),
    ]);
  });
});
