import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = `FROM eclipse-temurin:21-jre
ARG MAVEN_VERSION=3.9.9
RUN set -eux; \\
    wget -O /tmp/maven.tgz "https://archive.apache.org/dist/maven/maven-3/\${MAVEN_VERSION}/binaries/apache-maven-\${MAVEN_VERSION}-bin.tar.gz"; \\
    wget -qO- https://example.com/KEYS | gpg --import; \\
    tar -xzf /tmp/maven.tgz -C /opt
`;

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/a.tgz && wget -nv https://example.com/b.tgz\n',
    'FROM alpine:3.20\nRUN wget -q -O /tmp/x https://example.com/x && wget -o /tmp/log https://example.com/y\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'wget')] }],
});
