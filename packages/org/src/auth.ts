import { createAppAuth } from '@octokit/auth-app';
import { createGitHubClient, type GitHubClient } from '@plumbline/github';

export interface AppCredentials {
  appId: string;
  privateKey: string;
  org: string;
  baseUrl: string;
}

/**
 * An installation token of a GitHub App for the organisation: sign a JWT with the App's key, find
 * the App's installation on the org, exchange. The token lasts an hour; a run that outlives it
 * stops on a 401 and continues when started again (runs are resumable).
 */
export async function appInstallationToken(credentials: AppCredentials): Promise<string> {
  const anonymous: GitHubClient = createGitHubClient({ token: '', baseUrl: credentials.baseUrl });
  const auth = createAppAuth({
    appId: credentials.appId,
    privateKey: credentials.privateKey,
    request: anonymous.request as never,
  });
  const { token: jwt } = await auth({ type: 'app' });
  const asApp = createGitHubClient({ token: jwt, baseUrl: credentials.baseUrl });
  const { data } = await asApp.rest.apps.getOrgInstallation({ org: credentials.org });
  const { token } = await auth({ type: 'installation', installationId: data.id });
  return token;
}
