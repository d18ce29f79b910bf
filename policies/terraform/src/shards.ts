import { posix } from 'node:path';
import type { PathLink, Project } from '@plumbline/core';
import { type Expr, type HclFile, localModuleDir } from '@plumbline/lang-hcl';

/**
 * What the Terraform rules read across folders, for the engine's threads (core's
 * `Domain.partition` and `links`). A module is the files of one folder; beyond it, rules read:
 * - the local modules its calls name (`source = "../modules/x"`), instantiated with its arguments,
 *   and whether a folder is called at all (a called module is no root of its own);
 * - for a plan file, the folders of its configuration (its own, and its modules' local sources);
 * - `terraform.tfvars`, `*.auto.tfvars` and other `.tfvars` of the module's own folder;
 * - `.terraform/modules/` and the files `file()`/`templatefile()` name: read in `prepare`
 *   through the engine's FileSource, from any thread, by budgets per folder (prepare.ts);
 * - `--var-file` files, applied to every root module: then everything is one group.
 */

const dirOf = (path: string) => {
  const dir = posix.dirname(path);
  return dir === '.' ? '' : dir;
};
const parentOf = (dir: string) => (dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '');

/**
 * Groups by paths alone, guessing the usual layouts so that links rarely cross: module calls
 * climb at most two folders (`examples/x` calling `../../`, `envs/prod` calling
 * `../modules/vpc`). A folder of Terraform files meets the whole subtree of its anchor: the folder
 * two levels up, or the nearer one that holds Terraform files itself (a repository's root module),
 * never the root of the scan (a folder directly under it is as high as an anchor goes, so
 * repositories side by side stay apart). Subtrees inside another anchor's join it. Files at the
 * root of the scan join everything. A call reaching further is a link (`terraformLinks`).
 */
export function terraformPartition(paths: readonly string[]): string[][] {
  const folders = new Set(paths.map(dirOf));
  const anchorOf = (dir: string) => {
    let anchor = dir;
    for (let up = 0; up < 2 && anchor.includes('/'); up++) {
      anchor = parentOf(anchor);
      if (folders.has(anchor)) break;
    }
    return anchor;
  };
  const anchors = new Map([...folders].map((d) => [d, anchorOf(d)]));
  // Outermost anchors first, so each one finds the top of any anchor above it already set.
  const top = new Map<string, string>();
  for (const anchor of [...new Set(anchors.values())].sort((a, b) => a.length - b.length)) {
    let above: string | undefined;
    for (let d = anchor; d !== '' && above === undefined; ) {
      d = parentOf(d);
      above = top.get(d);
    }
    top.set(anchor, above ?? anchor);
  }
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const key = top.get(anchors.get(dirOf(path))!)!;
    const group = groups.get(key);
    if (group) group.push(path);
    else groups.set(key, [path]);
  }
  return [...groups.values()];
}

/**
 * What a file's text ties beyond the partition: the folders its local module calls name (the
 * files directly in them), and for a plan, the folders of its configuration. A `source` that is
 * not a plain string (invalid Terraform, but evaluated here) could name any folder: the whole scan.
 */
export function terraformLinks(project: Project): PathLink[] {
  const out: PathLink[] = [];
  for (const { file, model } of project.byLanguage<HclFile>('hcl')) {
    const dir = dirOf(file.path);
    const dirs = new Set<string>();
    let anywhere = false;
    if (model.kind === 'plan') {
      dirs.add(dir);
      for (const folder of planFolders(dir, model.planModules)) dirs.add(folder);
    } else if (model.kind === 'hcl' || model.kind === 'json') {
      for (const block of model.body.blocks) {
        if (block.type !== 'module') continue;
        const source = block.attributes.find((a) => a.name === 'source');
        if (!source) continue;
        const text = plainString(source.expr);
        if (text === undefined) anywhere = true;
        else {
          const target = localModuleDir(dir, text);
          if (target !== undefined) dirs.add(target === '.' ? '' : target);
        }
      }
    }
    if (anywhere) out.push({ file: file.path, folders: [''] });
    else if (dirs.size > 0) out.push({ file: file.path, dirs: [...dirs].sort() });
  }
  return out;
}

/** The text of a string written without interpolation; undefined for anything else. */
function plainString(expr: Expr): string | undefined {
  if (expr.kind === 'literal') return typeof expr.value === 'string' ? expr.value : undefined;
  if (expr.kind === 'template' && !expr.directives && expr.parts.every((p) => typeof p === 'string'))
    return expr.parts.join('');
  return undefined;
}

/** The folders a plan's module calls name by local source, each from its caller's folder. */
function planFolders(planDir: string, modules: ReadonlyMap<string, string> | undefined): string[] {
  const folderOf = new Map<string, string | undefined>([['', planDir]]);
  // Addresses in order of depth: `module.a` before `module.a.module.b`.
  const addresses = [...(modules?.keys() ?? [])].sort((a, b) => a.split('.').length - b.split('.').length);
  for (const address of addresses) {
    const caller = folderOf.get(address.replace(/\.?module\.[^.]+$/, ''));
    const source = modules!.get(address)!;
    const folder = caller === undefined ? undefined : localModuleDir(caller, source);
    folderOf.set(
      address,
      folder === undefined || folder.startsWith('..') ? undefined : folder === '.' ? '' : folder,
    );
  }
  return [...folderOf.values()].filter((f): f is string => f !== undefined);
}
