import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';

/** Octokit with the REST methods and pagination; throttling and retry are wired in. */
export type GitHubClient = Octokit;

const PlumblineOctokit: typeof Octokit = Octokit.plugin(throttling);

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ClientOptions {
  /** Never logged: Octokit sends it in the Authorization header only. */
  token: string;
  /** REST root: `https://api.github.com`, a GHES `/api/v3` URL, or a test server. */
  baseUrl?: string;
  userAgent?: string;
  /**
   * `github` (default): GitHub's pacing for writes (1 s apart, 3 s for writes that notify people) and
   * waits on rate limits. `none`: no pacing and waits shortened to milliseconds; rate-limit
   * responses are still retried. Meant for tests and GitHub Enterprise Server without limits.
   */
  pace?: 'github' | 'none';
  /** How many times to wait out a rate limit before giving up (per request). */
  rateLimitRetries?: number;
  /** The longest rate-limit wait (seconds) worth sitting through; longer ones fail at once. */
  maxRateLimitWait?: number;
  log?: Logger;
}

const quietLog: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** An Octokit with throttling (GitHub's pacing, rate-limit waits) and retry of 5xx answers. */
export function createGitHubClient(options: ClientOptions): GitHubClient {
  const log = options.log ?? quietLog;
  const retries = options.rateLimitRetries ?? 2;
  const maxWait = options.maxRateLimitWait ?? 120;
  const fast = options.pace === 'none';
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ): boolean => {
      const retrying = retryCount < retries && retryAfter <= maxWait;
      log.warn(
        `GitHub ${kind} hit on ${request.method} ${request.url}: ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}`,
      );
      return retrying;
    };
  const throttle: Record<string, unknown> = {
    onRateLimit: onLimit('rate limit'),
    onSecondaryRateLimit: onLimit('secondary rate limit'),
  };
  if (fast) {
    // Own limiter groups without spacing; waits are counted in milliseconds instead of seconds.
    const group = () => new Bottleneck.Group({ maxConcurrent: 10, minTime: 0 });
    Object.assign(throttle, {
      global: group(),
      auth: group(),
      search: group(),
      write: group(),
      notifications: group(),
      retryAfterBaseValue: 1,
    });
  }
  const octokit = new PlumblineOctokit({
    auth: options.token,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: options.userAgent ?? 'plumbline',
    log: {
      // Octokit's request log names method, URL and status; it never includes the token.
      debug: (m: string) => log.debug(m),
      info: (m: string) => log.debug(m),
      warn: (m: string) => log.warn(m),
      error: (m: string) => log.debug(m),
    },
    throttle: throttle as never,
  });
  octokit.hook.wrap(
    'request',
    retrying({ log, retries, maxWait, secondMs: fast ? FAST_SECOND_MS : 1000 }) as never,
  );
  return octokit;
}

/** With `pace: 'none'` a second of waiting lasts this many milliseconds (tests stay fast, order is kept). */
const FAST_SECOND_MS = 100;
/** Methods that may be sent twice without doing the thing twice. A POST is never retried on a 5xx:
 * the write may have happened; callers re-list and reconcile instead. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE']);

interface RetryOptions {
  log: Logger;
  retries: number;
  maxWait: number;
  secondMs: number;
}

type RequestFn = (options: Record<string, unknown>) => Promise<unknown>;

/**
 * Retries one request: a 429 (or a 403 that carries `retry-after`) after the wait GitHub asks for,
 * an idempotent request answered with a 5xx after 1 s, 2 s, ... All state is local to the call, so
 * one request's back-off never shortens or lengthens another's.
 */
export function retrying(options: RetryOptions) {
  return async (request: RequestFn, requestOptions: Record<string, unknown>): Promise<unknown> => {
    const method = String(requestOptions.method ?? 'GET').toUpperCase();
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const wait = retryWait(error, method, attempt);
        if (wait === undefined || attempt >= options.retries || wait > options.maxWait) throw error;
        options.log.warn(
          `GitHub answered ${(error as ApiError).status} to ${method} ${String(requestOptions.url)}: retrying in ${wait}s`,
        );
        await new Promise((resolve) => setTimeout(resolve, wait * options.secondMs));
      }
    }
  };
}

/** Seconds to wait before sending the request again, or undefined when it must not be retried. */
function retryWait(error: unknown, method: string, attempt: number): number | undefined {
  if (!isApiError(error)) return undefined;
  const header = error.response?.headers?.['retry-after'];
  const retryAfter = header !== undefined && /^\d+$/.test(header.trim()) ? Number(header) : undefined;
  // Secondary limits (403, or 429 saying so) and spent quotas are waited out by the throttling plugin.
  if (error.status === 429 && !/secondary rate/i.test(error.message)) return retryAfter ?? 2 ** attempt * 5;
  if (error.status >= 500 && IDEMPOTENT.has(method)) return 2 ** attempt;
  return undefined;
}

/** An error answered by the API (Octokit's RequestError), narrowed without importing its class. */
export interface ApiError {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

export function isApiError(error: unknown): error is ApiError {
  return (
    typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
  );
}

/** A rate limit, primary (`x-ratelimit-remaining: 0`) or secondary: not a permission problem. */
export function isRateLimitError(error: unknown): boolean {
  if (!isApiError(error) || (error.status !== 403 && error.status !== 429)) return false;
  return (
    error.response?.headers?.['x-ratelimit-remaining'] === '0' ||
    /rate limit/i.test(error.message) ||
    error.status === 429
  );
}

/**
 * The token may not do this: a fork pull request's read-only token, or a workflow without the
 * needed `permissions:`. GitHub answers 403 "Resource not accessible by integration" (or 404 for
 * some endpoints when the token cannot see the resource).
 */
export function isPermissionError(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.status === 403) return !isRateLimitError(error);
  return error.status === 401;
}
