export {
  DOCKERFILE_LANGUAGE_ID,
  dockerfileDomain,
  dockerfileLanguage,
  isDockerfilePath,
} from './language.js';
export type * from './model.js';
export {
  configureDockerfileReader,
  type DockerfileReaderOptions,
  KEYWORDS,
  parseDockerfile,
  splitImage,
  unquoteDocker,
} from './parse.js';
export { baseName, configureShellReader, initShell, parseShell, setWasmLocator } from './shell.js';
export { substitute } from './vars.js';
