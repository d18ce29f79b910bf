import { type ParsedFile, SourceFile } from '@plumbline/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildModules,
  type DownloadedModule,
  type HclFile,
  hclLanguage,
  isUnknown,
  readPath,
  renderTemplate,
  TfModule,
  type Value,
} from './index.js';

beforeAll(() => hclLanguage.load!());

function model(path: string, text: string): HclFile {
  const r = hclLanguage.parse(new SourceFile(path, text));
  if (!r.model) throw new Error(`no model for ${path}`);
  return r.model;
}

const parsed = (path: string, text: string): ParsedFile<HclFile> => {
  const m = model(path, text);
  return { language: 'hcl', file: m.file, model: m, comments: [] };
};

const scope = new TfModule('', []);
const render = (text: string, vars: Record<string, Value>) =>
  renderTemplate(text, vars, (e, b) => scope.eval(e, b));

describe('readPath', () => {
  it('resolves against the root module folder, as Terraform does', () => {
    expect(readPath('./policies/a.json', 'infra/prod')).toBe('infra/prod/policies/a.json');
    expect(readPath('../modules/x/trust.json', 'infra/prod')).toBe('infra/modules/x/trust.json');
    expect(readPath('policy.json', '')).toBe('policy.json');
  });

  it('refuses absolute paths, paths out of the root, and .git', () => {
    for (const p of [
      '/etc/passwd',
      'C:/x.json',
      '\\\\host\\share',
      '~/.aws/credentials',
      '../x.json',
      'a/../../x',
    ])
      expect(readPath(p, '')).toBeUndefined();
    expect(readPath('../../../x.json', 'infra/prod')).toBeUndefined();
    expect(readPath('.git/config', '')).toBeUndefined();
  });
});

describe('renderTemplate', () => {
  it('interpolates variables and functions', () => {
    expect(render('arn:aws:iam::${account_id}:root ${upper(env)}', { account_id: '1234', env: 'prod' })).toBe(
      'arn:aws:iam::1234:root PROD',
    );
    expect(render('"Values": ${jsonencode(subjects)}', { subjects: ['repo:a/b:*'] })).toBe(
      '"Values": ["repo:a/b:*"]',
    );
  });

  it('runs if and for directives, with strip markers and escapes', () => {
    const text =
      '%{ for i, s in subjects ~}\n${i}=${s}\n%{ endfor ~}\n%{ if admin }yes%{ else }no%{ endif } $${kept} %%{kept}';
    expect(render(text, { subjects: ['a', 'b'], admin: false })).toBe('0=a\n1=b\nno ${kept} %{kept}');
  });

  it('is unknown when a variable is missing, unknown, or the syntax is not supported', () => {
    expect(isUnknown(render('${missing}', {}))).toBe(true);
    expect(isUnknown(render('${var.x}', { x: 'a' }))).toBe(true);
    expect(isUnknown(render('%{ if x }open', { x: true }))).toBe(true);
    expect(isUnknown(render('%{ while x }%{ endwhile }', { x: true }))).toBe(true);
    expect(isUnknown(render('${', {}))).toBe(true);
  });
});

describe('file() and templatefile()', () => {
  // By the folder whose module names them (the Terraform pack's prepare reads them so).
  const file = (p: string, t: string) => new Map([[p, new SourceFile(p, t)]]);
  const readFiles = new Map([
    ['infra', file('infra/policies/admin.json', '{"Statement":[]}')],
    ['infra/modules/role', file('infra/modules/role/trust.json.tpl', '{"Principal":"${principal}"}')],
  ]);

  it('read the files read ahead, with path.module relative to the root module', () => {
    const modules = buildModules(
      [
        parsed(
          'infra/main.tf',
          'resource "aws_iam_policy" "p" {\n  policy = file("${path.module}/policies/admin.json")\n}\nmodule "role" {\n  source    = "./modules/role"\n  principal = "*"\n}\n',
        ),
        parsed(
          'infra/modules/role/main.tf',
          'variable "principal" {}\nresource "aws_iam_role" "r" {\n  assume_role_policy = templatefile("${path.module}/trust.json.tpl", { principal = var.principal })\n  missing = file("${path.module}/none.json")\n  outside = file("/etc/passwd")\n}\n',
        ),
      ],
      { readFiles },
    );
    const root = modules.find((m) => m.dir === 'infra')!;
    expect(root.byAddress('aws_iam_policy.p')!.value('policy')).toBe('{"Statement":[]}');
    const role = modules.find((m) => m.prefix === 'module.role')!.byAddress('aws_iam_role.r')!;
    expect(role.eval({ kind: 'ref', root: 'path', steps: [{ attr: 'module' }], loc: role.loc })).toBe(
      'modules/role',
    );
    expect(role.value('assume_role_policy')).toBe('{"Principal":"*"}');
    expect(isUnknown(role.value('missing')!)).toBe(true);
    expect(isUnknown(role.value('outside')!)).toBe(true);
  });

  it('are seen only by the module folder that named them and its root, never by an unrelated module', () => {
    // `apps/web` passes a path into its module; `infra` happens to read the same file itself.
    const modules = buildModules(
      [
        parsed(
          'infra/main.tf',
          'resource "aws_iam_policy" "p" {\n  policy = file("policies/admin.json")\n}\n',
        ),
        parsed(
          'apps/web/main.tf',
          'module "role" {\n  source = "../../shared/role"\n  policy_file = "../../infra/policies/admin.json"\n}\n',
        ),
        parsed(
          'shared/role/main.tf',
          'variable "policy_file" {}\nresource "aws_iam_policy" "q" {\n  policy = file(var.policy_file)\n}\n',
        ),
      ],
      { readFiles: new Map([['infra', file('infra/policies/admin.json', '{"Statement":[]}')]]) },
    );
    expect(
      modules
        .find((m) => m.dir === 'infra')!
        .byAddress('aws_iam_policy.p')!
        .value('policy'),
    ).toBe('{"Statement":[]}');
    // Whether `infra` is scanned with it (one thread) or not (another shard), the instance cannot know.
    const role = modules.find((m) => m.prefix === 'module.role')!;
    expect(isUnknown(role.byAddress('aws_iam_policy.q')!.value('policy')!)).toBe(true);
  });
});

describe('downloaded modules', () => {
  it('are instantiated per call from modules.json keys, nested calls included', () => {
    const sg = (dir: string): DownloadedModule => ({
      key: '',
      source: 'registry.terraform.io/acme/sg/aws',
      dir,
      files: [
        model(
          `${dir}/main.tf`,
          'variable "cidrs" {}\nresource "aws_security_group" "this" {\n  cidr = var.cidrs\n}\nmodule "inner" {\n  source = "./modules/inner"\n  name   = "x"\n}\n',
        ),
      ],
    });
    const inner: DownloadedModule = {
      key: 'web.inner',
      source: './modules/inner',
      dir: 'live/.terraform/modules/web/modules/inner',
      files: [
        model(
          'live/.terraform/modules/web/modules/inner/main.tf',
          'variable "name" {}\nresource "aws_sns_topic" "t" {\n  name = var.name\n}\n',
        ),
      ],
    };
    const downloaded = new Map([
      [
        'live',
        new Map([
          ['web', { ...sg('live/.terraform/modules/web'), key: 'web' }],
          ['db', { ...sg('live/.terraform/modules/db'), key: 'db' }],
          ['web.inner', inner],
        ]),
      ],
    ]);
    const modules = buildModules(
      [
        parsed(
          'live/main.tf',
          'module "web" {\n  source = "acme/sg/aws"\n  cidrs  = ["0.0.0.0/0"]\n}\nmodule "db" {\n  source = "acme/sg/aws"\n  cidrs  = ["10.0.0.0/8"]\n}\nmodule "other" {\n  source = "acme/other/aws"\n}\n',
        ),
      ],
      { downloaded },
    );
    expect(modules.map((m) => m.prefix)).toEqual(['', 'module.web', 'module.web.module.inner', 'module.db']);
    const cidr = (prefix: string) =>
      modules
        .find((m) => m.prefix === prefix)!
        .byAddress('aws_security_group.this')!
        .value('cidr');
    expect(cidr('module.web')).toEqual(['0.0.0.0/0']);
    expect(cidr('module.db')).toEqual(['10.0.0.0/8']);
    const root = modules[0]!;
    const call = (name: string) => root.moduleCalls.find((c) => c.name === name)!;
    expect(root.evaluatesDownloaded(call('web'))).toBe(true);
    expect(root.evaluatesDownloaded(call('other'))).toBe(false);
    const topic = modules.find((m) => m.prefix === 'module.web.module.inner')!.byAddress('aws_sns_topic.t')!;
    expect(topic.address).toBe('module.web.module.inner.aws_sns_topic.t');
    expect(topic.value('name')).toBe('x');
  });
});
