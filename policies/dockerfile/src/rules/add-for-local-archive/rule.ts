import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;
const baseName = (path: string) => path.replace(/^["']|["']$/g, '').replace(/.*\//, '');

const bad = `FROM eclipse-temurin:21-jre
COPY apache-tomcat-10.1.34.tar.gz /tmp/
RUN tar -xzf /tmp/apache-tomcat-10.1.34.tar.gz -C /opt && rm /tmp/apache-tomcat-10.1.34.tar.gz
`;

export default defineRule({
  id: 'dockerfile/add-for-local-archive',
  domain: dockerfileDomain,
  meta: {
    title: 'Local archive copied, then extracted in a RUN',
    description:
      'A local tar archive is copied with `COPY` and extracted by `tar` in a later `RUN`, where `ADD` would extract it in one step.',
    rationale:
      'Info: the archive stays in the `COPY` layer even if the `RUN` deletes it, so the image carries it twice (packed and unpacked). `ADD` of a local archive unpacks it without keeping the archive. Opt-in advice: some teams avoid `ADD` altogether.',
    remediation: 'Use `ADD app.tar.gz /opt/` (local archives are extracted), or extract in a build stage.',
    category: 'best-practice',
    severity: 'info',
    confidence: 'medium',
    optIn: true,
    aliases: ['DL3010'],
    references: ['https://docs.docker.com/reference/dockerfile/#adding-local-tar-archives'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'apache-tomcat-10.1.34.tar.gz')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM eclipse-temurin:21-jre\nADD apache-tomcat-10.1.34.tar.gz /opt/\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { stage, instruction, container } of instructionsOf(model, 'COPY')) {
      if (instruction.flags.some((f) => f.name === 'from')) continue;
      const words = instruction.json ?? instruction.args;
      for (const source of words.slice(0, -1)) {
        const name = baseName(source.value);
        if (!ARCHIVE.test(name) || name.includes('*') || name.includes('$')) continue;
        const extracted = stage.instructions.some(
          (i) =>
            i.loc.start > instruction.loc.start &&
            (i.shell?.commands ?? []).some(
              (c) =>
                c.base === 'tar' &&
                /^-?[a-zA-Z]*x/.test(c.args[0]?.value ?? '') &&
                c.args.some((a) => baseName(a.value) === name),
            ),
        );
        if (extracted)
          report(
            ctx,
            source,
            container,
            `\`${name}\` is copied and then extracted; \`ADD\` would extract it without keeping the archive.`,
          );
      }
    }
  },
});
