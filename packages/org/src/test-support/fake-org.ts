import { verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { makeTarball, type RawEntry } from './tarball.js';

/** A repository of the fake organisation. */
export interface FakeRepo {
  name: string;
  sha: string;
  files: Record<string, string | Buffer>;
  defaultBranch?: string;
  fork?: boolean;
  archived?: boolean;
  /** Hostile entries added to the archive as given. */
  raw?: RawEntry[];
  /** Serve only the first N bytes of the archive (a broken download). */
  truncateAt?: number;
  /** The tarball endpoint always answers this status. */
  tarballStatus?: number;
  /** The tarball endpoint answers 502 this many times before it works (retries recover). */
  flaky?: number;
}

export interface FakeOrgOptions {
  org: string;
  repos: FakeRepo[];
  token: string;
  perPage?: number;
  /** Added to every answer (benchmarks). */
  latencyMs?: number;
  /** The Nth API request (1-based) answers a primary rate limit (x-ratelimit-remaining: 0). */
  primaryLimitAt?: number[];
  /** The Nth API request (1-based) answers a secondary rate limit (retry-after). */
  secondaryLimitAt?: number[];
  /** A GitHub App installed on the org: its JWTs are checked against this public key, and the
   * installation token it gets is `token`. */
  app?: { id: string; publicKey: string; installationId: number };
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  status: number;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: { name: string }[];
}

export interface FakeOrg {
  /** Code scanning uploads, decoded. */
  sarifUploads: { repository: string; commitSha: string; ref: string; sarif: unknown }[];
  /** Issues per repository. */
  issues: Map<string, FakeIssue[]>;
  /** API root to give the client. */
  baseUrl: string;
  options: FakeOrgOptions;
  /** API requests, in order. */
  requests: RecordedRequest[];
  /** Downloads of archives from the separate download host. */
  downloads: RecordedRequest[];
  close(): Promise<void>;
}

/** An RS256 JWT signed by the App's private key, issued by the App, not expired. */
function validAppJwt(authorization: string | undefined, app: { id: string; publicKey: string }): boolean {
  const m = /^bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/i.exec(authorization ?? '');
  if (!m) return false;
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${m[1]}.${m[2]}`),
    app.publicKey,
    Buffer.from(m[3]!, 'base64url'),
  );
  const payload = JSON.parse(Buffer.from(m[2]!, 'base64url').toString('utf8')) as {
    iss?: unknown;
    exp?: number;
  };
  return signed && String(payload.iss) === app.id && (payload.exp ?? 0) * 1000 > Date.now();
}

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

/**
 * A loopback GitHub for one organisation: repository listing with Link pagination, head commits,
 * tarball redirects to a second host (as GitHub does to its download host), rate limits, 5xx,
 * and 401 for any other token.
 */
export async function startFakeOrg(options: FakeOrgOptions): Promise<FakeOrg> {
  const requests: RecordedRequest[] = [];
  const downloads: RecordedRequest[] = [];
  const sarifUploads: FakeOrg['sarifUploads'] = [];
  const issues = new Map<string, FakeIssue[]>();
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return chunks.length
      ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
      : {};
  };
  const archives = new Map<string, Promise<Buffer>>();
  const flakyLeft = new Map(options.repos.map((r) => [r.name, r.flaky ?? 0]));
  const perPage = options.perPage ?? 30;
  const delay = () => new Promise((r) => setTimeout(r, options.latencyMs ?? 0));
  const byName = () => new Map(options.repos.map((r) => [r.name, r]));

  const archiveOf = (repo: FakeRepo) => {
    const key = `${repo.name}@${repo.sha}`;
    if (!archives.has(key))
      archives.set(
        key,
        makeTarball(`${options.org}-${repo.name}-${repo.sha.slice(0, 7)}`, repo.files, repo.raw),
      );
    return archives.get(key)!;
  };

  const downloadServer = createServer(async (req, res) => {
    await delay();
    const match = /^\/([^/]+)\/([^/]+)\/([0-9a-f]+)\.tar\.gz$/.exec(req.url ?? '');
    const repo = match ? byName().get(decodeURIComponent(match[2]!)) : undefined;
    const status = repo ? 200 : 404;
    downloads.push({
      method: req.method ?? 'GET',
      path: req.url ?? '',
      authorization: req.headers.authorization,
      status,
    });
    if (!repo) return void res.writeHead(404).end();
    let bytes = await archiveOf(repo);
    if (repo.truncateAt !== undefined) bytes = bytes.subarray(0, repo.truncateAt);
    res.writeHead(200, { 'content-type': 'application/x-gzip', 'content-length': bytes.length });
    res.end(bytes);
  });
  const downloadUrl = await listen(downloadServer);

  let count = 0;
  const apiServer = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    await delay();
    const n = ++count;
    const url = new URL(req.url ?? '/', 'http://x');
    const record = (status: number) =>
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname + url.search,
        authorization: req.headers.authorization,
        status,
      });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record(status);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    const appRoute = /^\/orgs\/[^/]+\/installation$|^\/app\/installations\/(\d+)\/access_tokens$/.exec(
      url.pathname,
    );
    if (appRoute && options.app) {
      if (!validAppJwt(req.headers.authorization, options.app))
        return json(401, { message: 'A JSON web token could not be decoded' });
      if (!appRoute[1]) return json(200, { id: options.app.installationId, account: { login: options.org } });
      if (Number(appRoute[1]) !== options.app.installationId) return json(404, { message: 'Not Found' });
      return json(201, { token: options.token, expires_at: new Date(Date.now() + 3600_000).toISOString() });
    }
    if (req.headers.authorization !== `token ${options.token}`)
      return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    if (options.primaryLimitAt?.includes(n))
      return json(
        403,
        { message: 'API rate limit exceeded for installation.' },
        {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-limit': '5000',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1),
        },
      );
    if (options.secondaryLimitAt?.includes(n))
      return json(
        403,
        { message: 'You have exceeded a secondary rate limit. Please wait a few minutes.' },
        { 'retry-after': '1' },
      );
    const route = (pattern: RegExp) => pattern.exec(url.pathname);
    let m = route(/^\/orgs\/([^/]+)\/repos$/);
    if (m) {
      if (m[1] !== options.org) return json(404, { message: 'Not Found' });
      const page = Number(url.searchParams.get('page') ?? '1');
      const size = Math.min(perPage, Number(url.searchParams.get('per_page') ?? perPage));
      const all = options.repos;
      const last = Math.max(1, Math.ceil(all.length / size));
      const slice = all.slice((page - 1) * size, page * size);
      const base = `http://${req.headers.host}${url.pathname}?per_page=${size}`;
      const links = [];
      if (page < last)
        links.push(`<${base}&page=${page + 1}>; rel="next"`, `<${base}&page=${last}>; rel="last"`);
      if (page > 1) links.push(`<${base}&page=1>; rel="first"`, `<${base}&page=${page - 1}>; rel="prev"`);
      return json(
        200,
        slice.map((r, i) => ({
          id: i + 1 + (page - 1) * size,
          name: r.name,
          full_name: `${options.org}/${r.name}`,
          owner: { login: options.org },
          fork: r.fork ?? false,
          archived: r.archived ?? false,
          default_branch: r.defaultBranch ?? 'main',
        })),
        links.length ? { link: links.join(', ') } : {},
      );
    }
    m = route(/^\/repos\/([^/]+)\/([^/]+)\/commits\/(.+)$/);
    if (m) {
      const repo = byName().get(decodeURIComponent(m[2]!));
      if (!repo) return json(404, { message: 'Not Found' });
      if (req.headers.accept?.includes('application/vnd.github.sha')) {
        record(200);
        res.writeHead(200, { 'content-type': 'application/vnd.github.sha' });
        return void res.end(repo.sha);
      }
      return json(200, { sha: repo.sha });
    }
    m = route(/^\/repos\/([^/]+)\/([^/]+)\/tarball\/(.+)$/);
    if (m) {
      const repo = byName().get(decodeURIComponent(m[2]!));
      if (!repo) return json(404, { message: 'Not Found' });
      if (repo.tarballStatus) return json(repo.tarballStatus, { message: `status ${repo.tarballStatus}` });
      const left = flakyLeft.get(repo.name) ?? 0;
      if (left > 0) {
        flakyLeft.set(repo.name, left - 1);
        return json(502, { message: 'Server Error' });
      }
      record(302);
      res.writeHead(302, {
        location: `${downloadUrl}/${options.org}/${encodeURIComponent(repo.name)}/${repo.sha}.tar.gz`,
      });
      return void res.end();
    }
    m = route(/^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/sarifs(?:\/([^/]+))?$/);
    if (m) {
      const name = decodeURIComponent(m[2]!);
      if (req.method === 'POST') {
        const body = await readBody(req);
        const sarif = JSON.parse(gunzipSync(Buffer.from(String(body.sarif), 'base64')).toString('utf8'));
        sarifUploads.push({
          repository: name,
          commitSha: String(body.commit_sha),
          ref: String(body.ref),
          sarif,
        });
        return json(202, { id: `sarif-${sarifUploads.length}`, url: 'x' });
      }
      return json(200, { processing_status: 'complete', analyses_url: null, errors: null });
    }
    m = route(/^\/repos\/([^/]+)\/([^/]+)\/issues(?:\/(\d+))?$/);
    if (m) {
      const name = decodeURIComponent(m[2]!);
      const list = issues.get(name) ?? [];
      issues.set(name, list);
      if (req.method === 'GET' && !m[3]) {
        const label = url.searchParams.get('labels');
        return json(
          200,
          list.filter((i) => !label || i.labels.some((l) => l.name === label)),
        );
      }
      const body = await readBody(req);
      if (req.method === 'POST') {
        const issue: FakeIssue = {
          number: list.length + 1,
          title: String(body.title),
          body: String(body.body ?? ''),
          state: 'open',
          labels: ((body.labels as string[]) ?? []).map((name) => ({ name })),
        };
        list.push(issue);
        return json(201, issue);
      }
      const issue = list.find((i) => i.number === Number(m![3]));
      if (!issue) return json(404, { message: 'Not Found' });
      if (body.body !== undefined) issue.body = String(body.body);
      if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
      return json(200, issue);
    }
    return json(404, { message: 'Not Found' });
  });
  const baseUrl = await listen(apiServer);
  return {
    baseUrl,
    options,
    requests,
    downloads,
    sarifUploads,
    issues,
    close: async () => {
      await Promise.all([apiServer, downloadServer].map((s) => new Promise((r) => s.close(r))));
    },
  };
}
