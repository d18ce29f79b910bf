import { compareText, globMatcher } from '@plumbline/core';
import type { GitHubClient } from '@plumbline/github';

/** A repository of the organisation as listed by the API. */
export interface RepositoryRef {
  owner: string;
  name: string;
  defaultBranch: string;
  fork: boolean;
  archived: boolean;
}

export interface EnumerateOptions {
  includeForks?: boolean;
  includeArchived?: boolean;
  /** Only repositories whose name matches one of these globs (all when empty). */
  repo?: string[];
  /** Repositories whose name matches one of these globs are left out. */
  excludeRepo?: string[];
}

/** `GET /orgs/{org}/repos`, every page, filtered; sorted by name so every run sees one order. */
export async function listRepositories(
  client: GitHubClient,
  org: string,
  options: EnumerateOptions = {},
): Promise<RepositoryRef[]> {
  const include = options.repo?.length ? globMatcher(options.repo) : () => true;
  const exclude = globMatcher(options.excludeRepo ?? []);
  const listed = await client.paginate(client.rest.repos.listForOrg, { org, per_page: 100, type: 'all' });
  return listed
    .filter((r) => options.includeForks || !r.fork)
    .filter((r) => options.includeArchived || !r.archived)
    .filter((r) => include(r.name) && !exclude(r.name))
    .map((r) => ({
      owner: r.owner?.login ?? org,
      name: r.name,
      defaultBranch: r.default_branch ?? 'main',
      fork: r.fork ?? false,
      archived: r.archived ?? false,
    }))
    .sort((a, b) => compareText(a.name, b.name));
}

/** The commit the default branch points at now (`GET /repos/{o}/{r}/commits/{branch}`, sha only). */
export async function headSha(client: GitHubClient, repo: RepositoryRef): Promise<string> {
  const response = await client.request('GET /repos/{owner}/{repo}/commits/{ref}', {
    owner: repo.owner,
    repo: repo.name,
    ref: repo.defaultBranch,
    headers: { accept: 'application/vnd.github.sha' },
  });
  // The sha media type answers the bare SHA; Octokit hands back text or bytes depending on the content type.
  const data = response.data as unknown;
  const text =
    typeof data === 'string'
      ? data
      : data instanceof ArrayBuffer
        ? Buffer.from(data).toString('utf8')
        : (data as { sha?: string }).sha;
  const sha = text?.trim() ?? '';
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha))
    throw new Error(`unexpected answer for the head commit of ${repo.name}`);
  return sha;
}
