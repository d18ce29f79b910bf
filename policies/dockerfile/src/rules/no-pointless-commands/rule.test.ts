import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = `FROM centos:7
RUN yum install -y httpd && yum clean all
RUN ifconfig eth0 && \\
    shutdown -r now
`;

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM debian:12\nRUN vim -es -c "set ff=unix" -c wq /etc/app.conf && vim +PlugInstall +qall\n',
    'FROM debian:12\nRUN apt-get install -y vim openssh-client && ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'ifconfig eth0'), at(bad, 'shutdown -r now')] }],
});
