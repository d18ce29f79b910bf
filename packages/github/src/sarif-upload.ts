import { gzipSync } from 'node:zlib';
import type { GitHubClient } from './client.js';

export interface SarifUpload {
  owner: string;
  repo: string;
  /** The commit the SARIF locations refer to (the checked-out one). */
  commitSha: string;
  /** `refs/heads/main`, `refs/pull/7/merge`, ... */
  ref: string;
  sarif: string;
  /** How often and how long to wait for GitHub to process the upload. */
  pollIntervalMs?: number;
  timeoutMs?: number;
}

export interface SarifUploadResult {
  id: string;
  /** `complete`, `failed`, or `pending` when processing outlasted the timeout. */
  status: 'complete' | 'failed' | 'pending';
  errors: string[];
  analysesUrl?: string;
}

/**
 * Uploads SARIF to code scanning (gzip + base64 as the API wants) and waits until GitHub has
 * processed it, so a rejected file fails visibly here instead of silently in the Security tab.
 */
export async function uploadSarif(client: GitHubClient, upload: SarifUpload): Promise<SarifUploadResult> {
  const { data } = await client.rest.codeScanning.uploadSarif({
    owner: upload.owner,
    repo: upload.repo,
    commit_sha: upload.commitSha,
    ref: upload.ref,
    sarif: gzipSync(Buffer.from(upload.sarif, 'utf8')).toString('base64'),
    tool_name: 'plumbline',
  });
  const id = data.id;
  if (!id) throw new Error('code scanning accepted the SARIF upload but returned no id');
  const interval = upload.pollIntervalMs ?? 5000;
  const deadline = Date.now() + (upload.timeoutMs ?? 120_000);
  for (;;) {
    try {
      const { data: status } = await client.rest.codeScanning.getSarif({
        owner: upload.owner,
        repo: upload.repo,
        sarif_id: id,
      });
      const state = status.processing_status;
      if (state === 'complete' || state === 'failed') {
        return {
          id,
          status: state,
          errors: [...(status.errors ?? [])],
          analysesUrl: status.analyses_url ?? undefined,
        };
      }
    } catch (error) {
      // Right after the upload the id can be unknown for a moment.
      if ((error as { status?: number }).status !== 404) throw error;
    }
    if (Date.now() + interval > deadline) return { id, status: 'pending', errors: [] };
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
