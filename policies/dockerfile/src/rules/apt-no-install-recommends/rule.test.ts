import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y \\\n      curl\n';

tester.run(rule, {
  valid: [
    HARDENED,
    // Simulation only prints what would be installed.
    'FROM debian:12\nRUN apt-get install -s -y libssl-dev | grep Inst\n',
    'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n',
    'FROM debian:12\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norec\nRUN apt-get install -y curl\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'install')] }],
});
