import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM ruby:3.3\nRUN gem install --no-document rails rake:13.2.1\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM ruby:3.3\nRUN gem install rails -v 7.1.3 && gem update --system\n',
    // After `--`: build flags of the native extension, not gems.
    'FROM ruby:3.3\nRUN gem install pg:1.5.6 -- --with-pg-config=/usr/bin/pg_config\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'rails')] }],
});
