import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';

/** Octokit with the REST methods and pagination; throttling and retry are wired in. */
export type GitHubClient = Octokit;

const PlumblineOctokit: typeof Octokit = Octokit.plugin(throttling, retry);

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
  return new PlumblineOctokit({
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
    retry: {
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
      retries: 2,
      retryAfterBaseValue: fast ? 1 : 1000,
    } as never,
  });
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
