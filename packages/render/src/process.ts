import { spawn } from 'node:child_process';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Why the process was stopped early (time-out, output cap), if it was. */
  stopped?: string;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Bytes of stdout kept before the process is killed. */
  maxOutput: number;
}

/** Runs a binary with an argument vector (never a shell), a bounded time and a bounded output. */
export function runProcess(binary: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(binary, args, {
      cwd: options.cwd,
      env: options.env,
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let stopped: string | undefined;
    const stop = (why: string) => {
      if (stopped) return;
      stopped = why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`timed out after ${options.timeoutMs / 1000} s`), options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxOutput) stop(`output over ${options.maxOutput} bytes`);
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.reduce((n, b) => n + b.length, 0) < 64 * 1024) err.push(chunk);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout: '', stderr: error.message, stopped: stopped ?? 'could not start' });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ...(stopped ? { stopped } : {}),
      });
    });
  });
}

/**
 * Go's collector for a renderer process: a heap five times the live data before each collection
 * instead of twice. Helm and kubectl are Go programs that live ~50 ms and collect several times on
 * the way (the first at a 4 MB heap); on corpus charts and overlays, run one after the other with
 * each setting in turn, this took a fifth off their CPU time, for ~50 MB more at the peak of the
 * largest build. A ratio, not `GOGC=off`: memory still follows the live data, on every Go version.
 */
const RENDERER_GOGC = '400';

/**
 * The environment a renderer runs with: PATH and HOME only, every cache and config folder inside
 * the private temp folder, so no user plugin, repository list or credential is read.
 */
export function scrubbedEnv(tempDir: string): NodeJS.ProcessEnv {
  return {
    PATH: '/usr/bin:/bin',
    HOME: tempDir,
    HELM_CACHE_HOME: `${tempDir}/.helm/cache`,
    HELM_CONFIG_HOME: `${tempDir}/.helm/config`,
    HELM_DATA_HOME: `${tempDir}/.helm/data`,
    HELM_PLUGINS: `${tempDir}/.helm/plugins`,
    HELM_REGISTRY_CONFIG: `${tempDir}/.helm/registry.json`,
    HELM_REPOSITORY_CONFIG: `${tempDir}/.helm/repositories.yaml`,
    HELM_REPOSITORY_CACHE: `${tempDir}/.helm/repository`,
    KUBECONFIG: `${tempDir}/.kube/config`,
    XDG_CONFIG_HOME: `${tempDir}/.config`,
    XDG_CACHE_HOME: `${tempDir}/.cache`,
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '',
    GOGC: RENDERER_GOGC,
  };
}
