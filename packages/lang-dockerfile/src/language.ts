import type { Domain, Language, Project } from '@plumbline/core';
import type { DockerfileModel } from './model.js';
import { parseDockerfile } from './parse.js';
import { initShell } from './shell.js';

/** File names that are templates or side files, not Dockerfiles Docker would build. */
const NOT_DOCKERFILE =
  /\.(template|tmpl|tpl|j2|jinja2?|erb|mustache|md|txt|orig|bak|rej|swp|dockerignore|sh|ps1|json|ya?ml)$/i;
/**
 * `Dockerfile.<ext>` is a Dockerfile variant (`Dockerfile.prod`, `Dockerfile.alpine`) unless the
 * extension is a programming language or editor file: `dockerfile.go` is Go source of a tool
 * that writes Dockerfiles, `dockerfile.vim` a syntax file.
 */
const SOURCE_FILE =
  /\.(go|vim|py|rb|js|mjs|cjs|ts|tsx|jsx|java|kt|rs|c|h|cc|cpp|hpp|cs|php|pl|lua|el|swift|scala|groovy|gradle|toml|ini|cfg|conf|xml|html|css|rst|adoc|lock|log|diff|patch|go\.tmpl|snap|golden)$/i;

/**
 * Does a path name a Dockerfile? `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`,
 * `Containerfile*`. `Dockerfile.in` templates are claimed too: without a FROM they are read as
 * fragments.
 */
export function isDockerfilePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  // `x.in` is a template of `x`: a Dockerfile template only when `x` would be a Dockerfile.
  const templateOf = name.replace(/\.in$/i, '');
  if (NOT_DOCKERFILE.test(name) || SOURCE_FILE.test(templateOf)) return false;
  return /^(dockerfile|containerfile)([._-].+)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}

export const DOCKERFILE_LANGUAGE_ID = 'dockerfile';

export const dockerfileLanguage: Language<DockerfileModel> = {
  id: DOCKERFILE_LANGUAGE_ID,
  claims: isDockerfilePath,
  // Shell parsing of every instruction: several times a YAML byte (bench/README.md, issue 17).
  costPerByte: 4,
  // The shell grammar only when a RUN script needs it (most never do): ~45 ms of a scan otherwise.
  load: initShell,
  parse: parseDockerfile,
};

/** One unit per Dockerfile. */
export const dockerfileDomain: Domain<DockerfileModel> = {
  id: 'dockerfile',
  languages: [DOCKERFILE_LANGUAGE_ID],
  // Every rule reads its own Dockerfile only: files can be checked apart (engine worker threads).
  fileLocal: true,
  units: (project: Project) =>
    project.byLanguage<DockerfileModel>(DOCKERFILE_LANGUAGE_ID).map((f) => f.model),
};
