import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

const env = (name: string, value: string) =>
  pod(`      env:\n        - name: ${name}\n          value: ${value}\n`);

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'a path to a secret file', code: env('DB_PASSWORD_FILE', '/run/secrets/db') },
    { name: 'token URL', code: env('OAUTH_TOKEN_URL', 'https://auth.example.com/token') },
    { name: 'boolean', code: env('USE_TOKEN', '"true"') },
    { name: 'variable reference', code: env('API_KEY', '$(API_KEY_FROM_SECRET)') },
    { name: 'Argo placeholder', code: env('GITHUB_TOKEN', '"{{workflow.parameters.token}}"') },
    { name: 'not secret-like', code: env('LOG_LEVEL', 'debug') },
  ],
  invalid: [
    {
      name: 'password',
      code: env('POSTGRES_PASSWORD', 'supersecret123'),
      errors: [{ line: 11, column: 18, endLine: 11, endColumn: 32, message: 'su********' }],
    },
    {
      name: 'api key, quoted',
      code: env('STRIPE_API_KEY', '"sk_live_51HxYzAbCdEfGhIjKl"'),
      errors: [{ line: 11, column: 18, endLine: 11, endColumn: 46, message: '`STRIPE_API_KEY`' }],
    },
  ],
});
