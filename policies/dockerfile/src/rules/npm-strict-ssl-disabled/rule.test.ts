import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM node:20\nENV NPM_CONFIG_STRICT_SSL=false\nRUN yarn config set strict-ssl false && echo "strict-ssl=false" >> ~/.npmrc\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM node:20\nRUN npm config set strict-ssl true\nENV NPM_CONFIG_STRICT_SSL=true\n',
    // Only printed (a comment-like line in the log), not written to a config file.
    'FROM node:20\nRUN echo "# strict-ssl=false only behind the corporate proxy" && echo strict-ssl=false && npm ci\n',
  ],
  invalid: [
    {
      code: bad,
      errors: [at(bad, 'NPM_CONFIG_STRICT_SSL=false'), at(bad, 'strict-ssl'), at(bad, '"strict-ssl=false"')],
    },
  ],
});
