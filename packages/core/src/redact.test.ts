import { describe, expect, it } from 'vitest';
import { looksLikeSecret, redactSecrets } from './redact.js';

// Assembled at run time so no scanner mistakes this test for a leak.
const fake = (...parts: string[]) => parts.join('');
const SECRETS = {
  githubClassic: fake('ghp_', 'R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3sXyZ9'),
  githubFine: fake('github_pat_', '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP'),
  awsKeyId: fake('AKIA', 'Z7QX3MPL4RT2VW9K'),
  awsSecret: fake('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYzEXAMPLEKEY12'),
  slack: fake('xoxb-', '123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'),
  stripe: fake('sk_live_', '4eC39HqLyjWDarjtT1zdp7dc'),
  google: fake('AIza', 'SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'),
  jwt: fake(
    'eyJhbGciOiJIUzI1NiJ9',
    '.eyJzdWIiOiIxMjM0NTY3ODkwIn0',
    '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  ),
  basic: fake('eC1hY2Nlc3MtdG9rZW46Z2hzX', '0FiQ2RlRmdIaUprTG1Ob1BxUnNUdVZ3WHlaMDEyMzQ1'),
  password: fake('hunter2', '-correct-horse'),
  entropy: fake('Zq8vN3xK7pL2mW9rT4yB6', 'cF1hJ5sD0gQ'),
  urlToken: fake('a1B2c3D4e5', 'F6g7H8i9J0k'),
  slackHook: fake('T0000/B0000/', 'XXXXXXXX'),
  slackShort: fake('xoxp-', '1234567890'),
};

describe('redactSecrets', () => {
  const cases: [string, string, string][] = [
    ['GitHub classic token', `token ${SECRETS.githubClassic} in a line`, SECRETS.githubClassic],
    ['GitHub fine-grained token', `x=${SECRETS.githubFine}`, SECRETS.githubFine],
    ['AWS access key id', `aws_access_key_id = ${SECRETS.awsKeyId}`, SECRETS.awsKeyId],
    ['AWS secret key', `aws_secret_access_key = ${SECRETS.awsSecret}`, SECRETS.awsSecret],
    ['Slack token', `SLACK=${SECRETS.slack}`, SECRETS.slack],
    ['Stripe key', `key: ${SECRETS.stripe}`, SECRETS.stripe],
    ['Google API key', `"${SECRETS.google}"`, SECRETS.google],
    ['JWT', `Authorization header ${SECRETS.jwt}`, SECRETS.jwt],
    ['actions/checkout extraheader', `extraheader = AUTHORIZATION: basic ${SECRETS.basic}`, SECRETS.basic],
    ['URL credentials', `url = https://deploy:${SECRETS.password}@git.example.com/r.git`, SECRETS.password],
    ['token as a URL user', `git clone https://${SECRETS.urlToken}@github.com/acme/x`, SECRETS.urlToken],
    [
      'Slack webhook',
      `curl -X POST https://hooks.slack.com/services/${SECRETS.slackHook}`,
      SECRETS.slackHook,
    ],
    ['short Slack token', `SLACK=${SECRETS.slackShort}`, SECRETS.slackShort],
    ['AWS access key id alone', `uses ${SECRETS.awsKeyId}`, SECRETS.awsKeyId],
    ['private key name', `ssh_private_key: ${SECRETS.password}`, SECRETS.password],
    ['client secret', `CLIENT_SECRET=${SECRETS.password}`, SECRETS.password],
    ['password assignment', `DB_PASSWORD=${SECRETS.password}`, SECRETS.password],
    ['high-entropy token', `unexpected ${SECRETS.entropy} here`, SECRETS.entropy],
  ];
  it.each(cases)('removes a %s', (_name, text, secret) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toMatch(/\[redacted /);
  });

  it('removes a private-key block, body and all, also when cut off', () => {
    const body = fake('MIIEowIBAAKCAQEA7', 'x9QZk3vPqR8sLmN2bT5yW0cD4fG6hJ1kL3nP5rS7tV9xZ');
    const block = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    expect(redactSecrets(`key: |\n${block}\nnext: 1`)).not.toContain(body);
    expect(redactSecrets(`-----BEGIN OPENSSH PRIVATE KEY----- ${body}`)).not.toContain(body);
  });

  it('leaves ordinary rule messages as they are', () => {
    const messages = [
      'Image `nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31` is pinned',
      'Action `actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8` is pinned to a commit',
      'Container `api` of Deployment `payments-service-production-eu-west-1` runs as root',
      'Resource aws_iam_role_policy_attachment.eks_AmazonEKSClusterPolicy grants a managed policy',
      'The secret is read from `${{ secrets.DEPLOY_TOKEN }}` into a step env',
      'password: ${DB_PASSWORD} comes from the environment',
      'Unknown key spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
      'uuid 123e4567-e89b-12d3-a456-426614174000 and fingerprint 9f86d081884c7d659a2feaa0c55ad015',
      'Module source git::https://github.com/terraform-aws-modules/terraform-aws-eks.git?ref=v20.8.4',
      'ARG `NPM_TOKEN` is stored in the image history',
      'MyService2024Deployment and KubernetesClusterAutoscalerV2 are names',
    ];
    for (const m of messages) expect(redactSecrets(m)).toBe(m);
  });

  it('judges words, not lines', () => {
    expect(looksLikeSecret(SECRETS.entropy)).toBe(true);
    expect(looksLikeSecret('0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31')).toBe(false);
    expect(looksLikeSecret('AmazonEKSClusterPolicyAttachment')).toBe(false);
  });
});
