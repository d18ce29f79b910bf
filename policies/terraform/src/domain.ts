import type { Domain, Project } from '@plumbline/core';
import { buildModules, type HclFile, type ModuleOptions, type TfModule } from '@plumbline/lang-hcl';
import { prepareTerraform, SOURCES_KEY, type TerraformSources } from './prepare.js';
import { terraformLinks, terraformPartition } from './shards.js';

const settings: ModuleOptions = {};

/** Sets `--var-file` files (project paths), applied to every root module of later runs. */
export function configureTerraform(options: ModuleOptions): void {
  settings.varFiles = options.varFiles ? [...options.varFiles] : undefined;
}

/**
 * Terraform: one unit per module (a directory of `.tf` files, or one plan JSON file). Local
 * modules (`source = "./modules/x"`) are instantiated with the inputs of their callers, so a rule
 * checking a module sees the values it would really get. Before that, `prepare` reads the module
 * sources `terraform init` downloaded and the files `file()`/`templatefile()` name (see
 * `prepare.ts`), so registry modules are evaluated like local ones. `partition` and `links` tell
 * the engine which folders meet, so unrelated modules may be checked in different threads.
 */
export const terraformDomain: Domain<TfModule> = {
  id: 'terraform',
  languages: ['hcl'],
  prepare: prepareTerraform,
  units: (project) => projectModules(project),
  // Root modules and the local modules they call meet (shards.ts); `--var-file`s apply to every
  // root module, so with any, everything does.
  partition: (paths) => (settings.varFiles?.length ? [[...paths]] : terraformPartition(paths)),
  links: terraformLinks,
};

/** Every module (root, instance, plan) of the project, built once. */
export function projectModules(project: Project): TfModule[] {
  return project.memo('terraform.modules', () => {
    // Without a prepare step (a unit test building a project by hand), nothing was read ahead.
    const sources = project.memo<TerraformSources>(SOURCES_KEY, () => ({}));
    return buildModules(project.byLanguage<HclFile>('hcl'), { ...settings, ...sources });
  });
}
