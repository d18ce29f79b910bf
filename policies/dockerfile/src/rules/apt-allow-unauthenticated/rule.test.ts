import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM debian:12\nRUN echo "deb [trusted=yes] http://apt.example stable main" > /etc/apt/sources.list.d/x.list \\\n && apt-get install -y --force-yes -o APT::Get::AllowUnauthenticated=true x\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM debian:12\nRUN apt-get install -y --allow-downgrades x\n',
    // A local repository of packages built in this same RUN (as the postgres images do).
    'FROM debian:12\nRUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list\n',
  ],
  invalid: [
    {
      code: bad,
      errors: [
        at(bad, '"deb [trusted=yes] http://apt.example stable main"'),
        at(bad, '--force-yes'),
        at(bad, 'APT::Get::AllowUnauthenticated=true'),
      ],
    },
  ],
});
