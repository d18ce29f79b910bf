/**
 * A small stand-in for the GitHub REST API on 127.0.0.1, for tests: the endpoints Plumbline uses,
 * with GitHub's pagination (`Link` headers), its 403/422 answers, and a log of every request.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { parsePatch } from '../diff.js';

export interface FakeComment {
  id: number;
  body: string;
  html_url: string;
  user: { login: string; type: string };
}

export interface FakeReviewComment extends FakeComment {
  path: string;
  line: number;
  start_line: number | null;
  side: string;
  commit_id: string;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
  /** When the request arrived (ms since the epoch). */
  at: number;
}

export interface Failure {
  method: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  message: string;
  /** How many times to answer with this failure (default 1). */
  times?: number;
  /** Do the write first, then answer with the failure (a 502 from a proxy after GitHub stored it). */
  afterWrite?: boolean;
}

export interface FakePull {
  number: number;
  files: { filename: string; status: string; patch?: string }[];
}

export class FakeGitHub {
  readonly requests: FakeRequest[] = [];
  readonly issueComments: FakeComment[] = [];
  readonly reviewComments: FakeReviewComment[] = [];
  readonly reviews: { id: number; body: string; commit_id: string; event: string }[] = [];
  readonly sarifs: { id: string; commit_sha: string; ref: string; sarif: unknown; polls: number }[] = [];
  readonly pulls = new Map<number, FakePull>();
  readonly failures: Failure[] = [];
  /** The most items a list endpoint returns per page, whatever `per_page` asks (GitHub: 100). */
  maxPerPage = 100;
  /** Answer every write with 403 "Resource not accessible by integration" (a fork's token). */
  readOnly = false;
  /** GETs of a SARIF upload answer `pending` this many times before `complete`. */
  sarifPendingPolls = 1;
  sarifOutcome: 'complete' | 'failed' = 'complete';
  token = 'ghs_faketoken0123456789';
  /** Called before each request is handled (a test changes the pull request between two calls). */
  onRequest?: (request: FakeRequest) => void;
  private nextId = 1000;
  private server?: Server;
  url = '';

  constructor(
    readonly owner = 'Codertocat',
    readonly repo = 'Hello-World',
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => {
        raw += chunk;
      });
      req.on('end', () => {
        const { status, data, headers } = this.handle(req, raw);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(data === undefined ? '' : JSON.stringify(data));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Requests other than GETs, as `METHOD /path`. */
  writes(): string[] {
    return this.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
  }

  private id(): number {
    return this.nextId++;
  }

  private handle(
    req: IncomingMessage,
    raw: string,
  ): { status: number; data?: unknown; headers?: Record<string, string> } {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return error(400, 'Problems parsing JSON');
    }
    this.requests.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization,
      at: Date.now(),
    });
    this.onRequest?.(this.requests.at(-1)!);
    if (req.headers.authorization !== `token ${this.token}`) return error(401, 'Bad credentials');
    const failure = this.failures.find((f) => f.method === method && f.path.test(path));
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      if (failure.afterWrite) this.route(method, path, url, req, body);
      return {
        status: failure.status,
        data: { message: failure.message, documentation_url: 'https://docs.github.com/rest' },
        headers: failure.headers,
      };
    }
    if (this.readOnly && method !== 'GET') return error(403, 'Resource not accessible by integration');
    return this.route(method, path, url, req, body);
  }

  private route(
    method: string,
    path: string,
    url: URL,
    req: IncomingMessage,
    body: unknown,
  ): { status: number; data?: unknown; headers?: Record<string, string> } {
    const repoPath = `/repos/${this.owner}/${this.repo}`;
    if (!path.startsWith(`${repoPath}/`)) return error(404, 'Not Found');
    const rest = path.slice(repoPath.length);
    const b = (body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;

    m = /^\/issues\/(\d+)\/comments$/.exec(rest);
    if (m) {
      if (method === 'GET') return this.page(url, req, this.issueComments);
      if (method === 'POST') {
        const id = this.id();
        const comment = {
          id,
          body: String(b.body),
          html_url: `https://github.com/${this.owner}/${this.repo}/pull/${m[1]}#issuecomment-${id}`,
          user: { login: 'github-actions[bot]', type: 'Bot' },
        };
        this.issueComments.push(comment);
        return { status: 201, data: comment };
      }
    }
    m = /^\/issues\/comments\/(\d+)$/.exec(rest);
    if (m && (method === 'PATCH' || method === 'DELETE')) {
      const comment = this.issueComments.find((c) => c.id === Number(m?.[1]));
      if (!comment) return error(404, 'Not Found');
      if (method === 'DELETE') {
        this.issueComments.splice(this.issueComments.indexOf(comment), 1);
        return { status: 204 };
      }
      comment.body = String(b.body);
      return { status: 200, data: comment };
    }
    m = /^\/pulls\/comments\/(\d+)$/.exec(rest);
    if (m && method === 'DELETE') {
      const comment = this.reviewComments.find((c) => c.id === Number(m?.[1]));
      if (!comment) return error(404, 'Not Found');
      this.reviewComments.splice(this.reviewComments.indexOf(comment), 1);
      return { status: 204 };
    }
    m = /^\/pulls\/(\d+)\/files$/.exec(rest);
    if (m && method === 'GET') {
      const pull = this.pulls.get(Number(m[1]));
      if (!pull) return error(404, 'Not Found');
      return this.page(url, req, pull.files);
    }
    m = /^\/pulls\/(\d+)\/comments$/.exec(rest);
    if (m) {
      const pull = this.pulls.get(Number(m[1]));
      if (!pull) return error(404, 'Not Found');
      if (method === 'GET') return this.page(url, req, this.reviewComments);
      if (method === 'POST') {
        const problem = this.checkComment(pull, b);
        if (problem) return error(422, 'Validation Failed', problem);
        return { status: 201, data: this.addReviewComment(pull, b, String(b.commit_id)) };
      }
    }
    m = /^\/pulls\/(\d+)\/reviews$/.exec(rest);
    if (m && method === 'POST') {
      const pull = this.pulls.get(Number(m[1]));
      if (!pull) return error(404, 'Not Found');
      const comments = (b.comments ?? []) as Record<string, unknown>[];
      for (const c of comments) {
        const problem = this.checkComment(pull, c);
        if (problem) return error(422, 'Unprocessable Entity', problem);
      }
      const review = {
        id: this.id(),
        body: String(b.body ?? ''),
        commit_id: String(b.commit_id),
        event: String(b.event),
      };
      this.reviews.push(review);
      for (const c of comments) this.addReviewComment(pull, c, review.commit_id);
      return { status: 200, data: review };
    }
    if (rest === '/code-scanning/sarifs' && method === 'POST') {
      const id = `sarif-${this.id()}`;
      const sarif = JSON.parse(gunzipSync(Buffer.from(String(b.sarif), 'base64')).toString('utf8'));
      this.sarifs.push({ id, commit_sha: String(b.commit_sha), ref: String(b.ref), sarif, polls: 0 });
      return { status: 202, data: { id, url: `${this.url}${repoPath}/code-scanning/sarifs/${id}` } };
    }
    m = /^\/code-scanning\/sarifs\/([\w-]+)$/.exec(rest);
    if (m && method === 'GET') {
      const upload = this.sarifs.find((s) => s.id === m?.[1]);
      if (!upload) return error(404, 'Not Found');
      upload.polls++;
      const pending = upload.polls <= this.sarifPendingPolls;
      return {
        status: 200,
        data: {
          processing_status: pending ? 'pending' : this.sarifOutcome,
          analyses_url: `${this.url}${repoPath}/code-scanning/analyses?sarif_id=${upload.id}`,
          errors: !pending && this.sarifOutcome === 'failed' ? ['invalid SARIF'] : null,
        },
      };
    }
    return error(404, 'Not Found');
  }

  /** What GitHub checks for a review comment: the lines must be on the new side of one hunk. */
  private checkComment(pull: FakePull, c: Record<string, unknown>): string | undefined {
    const file = pull.files.find((f) => f.filename === c.path);
    if (!file?.patch) return 'path could not be resolved';
    const diff = parsePatch(file.patch);
    const line = Number(c.line);
    const start = c.start_line === undefined ? line : Number(c.start_line);
    const hunk = diff.hunks.find((h) => start >= h.start && line <= h.end);
    if (!hunk || c.side !== 'RIGHT') return 'pull_request_review_thread.line must be part of the diff';
    return undefined;
  }

  private addReviewComment(pull: FakePull, c: Record<string, unknown>, commitId: string): FakeReviewComment {
    const id = this.id();
    const comment: FakeReviewComment = {
      id,
      body: String(c.body),
      path: String(c.path),
      line: Number(c.line),
      start_line: c.start_line === undefined ? null : Number(c.start_line),
      side: String(c.side),
      commit_id: commitId,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${pull.number}#discussion_r${id}`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
    };
    this.reviewComments.push(comment);
    return comment;
  }

  /** A list endpoint page with GitHub's `Link` header. */
  private page(
    url: URL,
    req: IncomingMessage,
    items: unknown[],
  ): { status: number; data: unknown; headers: Record<string, string> } {
    const per = Math.min(Number(url.searchParams.get('per_page') ?? 30), this.maxPerPage);
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / per));
    const link = (n: number) => {
      const u = new URL(url.pathname, `http://${req.headers.host}`);
      u.searchParams.set('per_page', String(per));
      u.searchParams.set('page', String(n));
      return u.toString();
    };
    const rels = [];
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
    if (page > 1) rels.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
    return {
      status: 200,
      data: items.slice((page - 1) * per, page * per),
      headers: rels.length ? { link: rels.join(', ') } : {},
    };
  }
}

function error(status: number, message: string, detail?: string): { status: number; data: unknown } {
  return {
    status,
    data: {
      message,
      ...(detail ? { errors: [detail] } : {}),
      documentation_url: 'https://docs.github.com/rest',
      status: String(status),
    },
  };
}

/** A `x-ratelimit-remaining: 0` 403, as GitHub answers when the hourly quota is spent. */
export function rateLimited(method: string, path: RegExp, resetInSeconds = 1): Failure {
  return {
    method,
    path,
    status: 403,
    message: 'API rate limit exceeded for installation ID 1.',
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds),
    },
  };
}
