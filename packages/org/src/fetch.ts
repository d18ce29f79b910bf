import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { GitHubClient } from '@plumbline/github';
import type { RepositoryRef } from './enumerate.js';

/**
 * The repository at `ref` as a gzip tar stream: `GET /repos/{o}/{r}/tarball/{ref}` answers with a
 * redirect to a download host, which fetch follows (dropping the Authorization header when the
 * host changes). The body is streamed, never buffered whole. 5xx answers are retried by the client.
 */
export async function fetchTarball(
  client: GitHubClient,
  repo: RepositoryRef,
  ref: string,
): Promise<Readable> {
  const response = await client.request('GET /repos/{owner}/{repo}/tarball/{ref}', {
    owner: repo.owner,
    repo: repo.name,
    ref,
    request: { parseSuccessResponseBody: false },
  });
  const body = response.data as unknown as WebReadableStream<Uint8Array> | null;
  if (!body) throw new Error('empty tarball response');
  return Readable.fromWeb(body);
}
