import { tester } from '../../test-kit.js';
import rule from './rule.js';

const configMap = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n${data}`;
// Assembled at run time so that no scanner takes the test for a leak.
const pw = ['s3cr', 'et-Pa55'].join('');

tester.run(rule, {
  valid: [
    configMap(
      '  DB_PASSWORD_FILE: /run/secrets/db\n  TOKEN_URL: https://auth.example.com/token\n  secretName: tls-cert\n',
    ),
    configMap(
      '  API_TOKEN: ${API_TOKEN}\n  ADMIN_PASSWORD: changeme\n  OAUTH_CLIENT_SECRET: OAUTH_CLIENT_SECRET\n',
    ),
    configMap('  AWS_ACCESS_KEY_ID: key\n  AWS_SECRET_ACCESS_KEY: secret\n'),
    configMap('  nsswitch.conf: |\n    passwd: files sss\n    group: files sss\n'),
    configMap('  serve.py: |\n    token = os.environ["HF_TOKEN"]\n'),
    configMap(
      '  app.properties: |\n    spring.datasource.url=jdbc:postgresql://db:5432/shop\n    spring.datasource.password=${DB_PASSWORD}\n    max_tokens=4096\n',
    ),
  ],
  invalid: [
    {
      name: 'literal key, value never printed',
      code: configMap(`  GITLAB_TOKEN: "${pw}"\n`),
      errors: [
        { line: 6, column: 17, endLine: 6, endColumn: 30, message: 'holds `GITLAB_TOKEN` in plain text' },
      ],
    },
    {
      name: 'properties file in a literal block',
      code: configMap(
        `  application.properties: |\n    spring.datasource.url=jdbc:postgresql://db:5432/shop\n    spring.datasource.password=${pw}\n`,
      ),
      errors: [
        {
          line: 8,
          column: 32,
          endLine: 8,
          endColumn: 43,
          message: 'sets `spring.datasource.password` in `application.properties` in plain text',
        },
      ],
    },
  ],
});
