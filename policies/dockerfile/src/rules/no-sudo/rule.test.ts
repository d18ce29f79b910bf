import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM ubuntu:24.04\nRUN echo x | /usr/bin/sudo tee /etc/x && sh -c "sudo ls"\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM ubuntu:24.04\nRUN apt-get install -y sudo && echo sudo\n'],
  invalid: [{ code: bad, errors: [at(bad, '/usr/bin/sudo'), at(bad, 'sudo', 2)] }],
});
