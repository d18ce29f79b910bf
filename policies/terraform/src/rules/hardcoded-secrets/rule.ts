import type { Loc, RuleContext } from '@plumbline/core';
import { defineRule } from '@plumbline/core';
import {
  type Attribute,
  asString,
  type BlockView,
  type Expr,
  fromJson,
  isObject,
  type TfResource,
  type Value,
} from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';
import { embeddedSecret, looksSecret, SECRET_NAME, shown } from '../../lib/secrets.js';

export default defineRule({
  id: 'terraform/hardcoded-secrets',
  domain: terraformDomain,
  meta: {
    title: 'Secret written in a resource',
    description:
      'A resource sets a secret attribute (`password`, `master_password`, `secret_string`, `token`, `private_key`, ...) to a value written in the code (a literal, a local or a variable default), or any attribute to a private key or AWS access key id. Nested values count: a secret-named key of a map or nested block (Lambda `environment { variables = {...} }`), an ECS `container_definitions` `{ name, value }` pair, an `export DB_PASSWORD=...` in `user_data`, and an `aws_ssm_parameter` named like a secret whose value is in the code (worse as a plain `String`). The value is redacted in the output.',
    rationale:
      'A password in the code is in Git history forever and in the state file in clear text; every reader of the repository has the database. Generate it (`random_password`), keep it in Secrets Manager (`manage_master_user_password = true` for RDS) or pass it in at apply time. High.',
    remediation:
      'Remove the value, rotate the secret, and use `manage_master_user_password = true`, `random_password`, or a variable without default marked `sensitive`.',
    category: 'security',
    severity: 'high',
    confidence: 'medium',
    aliases: ['AWS-0029', 'AWS-0129', 'CKV_AWS_46', 'CKV_AWS_45'],
    references: ['https://developer.hashicorp.com/terraform/language/manage-sensitive-data'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "db" {\n  engine   = "postgres"\n  username = "app"\n  password = "Sup3rS3cret!"\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 28 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "db" {\n  engine                      = "postgres"\n  username                    = "app"\n  manage_master_user_password = true\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resources) {
      if (!r.exists) continue;
      for (const a of r.block.attributes) {
        const raw = r.value(a.name);
        const value = asString(raw);
        if (value === undefined || typeof raw !== 'string') {
          // Maps and lists: Lambda `environment { variables = {...} }` and the like; not the
          // meta-arguments and tags, whose keys name things (`for_each = { secret = "db" }`).
          if (raw !== undefined && !NOT_VALUES.has(a.name)) reportNested(ctx, r, a, raw);
          continue;
        }
        if (r.resourceType === 'aws_ssm_parameter' && a.name === 'value') {
          reportParameter(ctx, r, a, value);
          continue;
        }
        const kind = SECRET_NAME.test(a.name) && looksSecret(value) ? `\`${a.name}\`` : embeddedSecret(value);
        if (kind) {
          reportOn(
            ctx,
            r,
            a,
            `${nameOf(r)} has ${kind} written in the code (${shown(value)}).`,
            `${a.name}:${shown(value)}`,
          );
          continue;
        }
        // ECS `container_definitions` and other JSON documents; shell scripts in `user_data`.
        const json = parseJson(value);
        if (json !== undefined) reportNested(ctx, r, a, json);
        else if (/user_data/.test(a.name)) reportScript(ctx, r, a, value);
      }
      for (const block of nestedBlocks(r)) {
        for (const a of block.block.attributes) {
          const raw = block.value(a.name);
          if (raw !== undefined && typeof raw !== 'string' && !NOT_VALUES.has(a.name))
            reportNested(ctx, r, a, raw);
        }
      }
    }
  },
});

const NOT_VALUES = new Set(['for_each', 'count', 'depends_on', 'provider', 'tags', 'tags_all', 'triggers']);

function nestedBlocks(view: BlockView): BlockView[] {
  return view.block.blocks
    .filter((b) => b.type !== 'dynamic' && b.type !== 'lifecycle')
    .flatMap((b) => {
      const child = view.blocks(b.type).filter((x) => x.block === b);
      return child.flatMap((c) => [c, ...nestedBlocks(c)]);
    });
}

function parseJson(text: string): Value | undefined {
  const t = text.trim();
  if (!/^[[{]/.test(t)) return undefined;
  try {
    return fromJson(JSON.parse(t));
  } catch {
    return undefined;
  }
}

/** The object item written for `key` inside an expression, for an exact span. */
function itemLoc(expr: Expr, key: string): Loc | undefined {
  if (expr.kind === 'object') {
    const named = expr.items.find((i) => i.name === 'name');
    if (named?.value.kind === 'literal' && named.value.value === key) return expr.loc;
    for (const item of expr.items) {
      if (item.name === key) return item.loc;
      const inner = itemLoc(item.value, key);
      if (inner) return inner;
    }
  }
  if (expr.kind === 'tuple')
    for (const x of expr.items) {
      const inner = itemLoc(x, key);
      if (inner) return inner;
    }
  if (expr.kind === 'call')
    for (const x of expr.args) {
      const inner = itemLoc(x, key);
      if (inner) return inner;
    }
  return undefined;
}

/** Secrets in maps, lists and JSON: keys named like secrets, and ECS `{ name, value }` pairs. */
function reportNested(ctx: RuleContext<unknown>, r: TfResource, a: Attribute, value: Value): void {
  const found: { key: string; secret: string }[] = [];
  const walk = (v: Value, depth: number) => {
    if (depth > 8) return;
    if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
    if (!isObject(v)) return;
    const name = asString(v.name);
    const pair = typeof v.value === 'string' && name !== undefined ? v.value : undefined;
    if (name !== undefined && pair !== undefined && SECRET_NAME.test(name) && looksSecret(pair))
      found.push({ key: name, secret: pair });
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'string' && SECRET_NAME.test(k) && looksSecret(x)) found.push({ key: k, secret: x });
      else if (typeof x === 'string' && embeddedSecret(x)) found.push({ key: k, secret: x });
      else walk(x, depth + 1);
    }
  };
  walk(value, 0);
  for (const { key, secret } of found) {
    reportOn(
      ctx,
      r,
      itemLoc(a.expr, key) ?? a,
      `${nameOf(r)} has \`${key}\` written in the code in \`${a.name}\` (${shown(secret)}).`,
      `${a.name}.${key}:${shown(secret)}`,
    );
  }
}

const SCRIPT_SECRET = /\b([A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_KEY))\s*=\s*["']?([^\s"'$]{4,})/;

/** `export DB_PASSWORD=...` in a boot script. */
function reportScript(ctx: RuleContext<unknown>, r: TfResource, a: Attribute, script: string): void {
  const m = SCRIPT_SECRET.exec(script);
  if (!m || !looksSecret(m[2]!)) return;
  reportOn(
    ctx,
    r,
    a,
    `${nameOf(r)} has \`${m[1]}\` written in its \`${a.name}\` script (${shown(m[2]!)}).`,
    `${a.name}.${m[1]}:${shown(m[2]!)}`,
  );
}

/** An SSM parameter whose name says it holds a secret, with its value in the code. */
function reportParameter(ctx: RuleContext<unknown>, r: TfResource, a: Attribute, value: string): void {
  const name = asString(r.value('name')) ?? '';
  if (
    !/(password|passwd|secret|token|api[-_]?key|private[-_]?key|credential)/i.test(name) ||
    !looksSecret(value)
  )
    return;
  const type = asString(r.value('type'));
  const how = type === 'String' || type === undefined ? 'stored as a plain `String`' : 'written in the code';
  reportOn(
    ctx,
    r,
    a,
    `${nameOf(r)} (\`${name}\`) holds a secret ${how} (${shown(value)}).`,
    `value:${shown(value)}`,
  );
}
