import { spanOf } from '../../lib/index.js';
import { securityRule } from '../../lib/security-rule.js';

const bad = "FROM ubuntu:24.04\nRUN useradd -m app && echo 'app:changeme' | chpasswd\n";

export default securityRule({
  slug: 'no-chpasswd',
  title: 'Password set in the image',
  description:
    'A `RUN` sets an account password (`chpasswd`, `passwd --stdin`, `useradd`/`usermod -p`), baking the password or its hash into the image.',
  rationale:
    'High: the password is visible in the Dockerfile and `docker history`, identical in every container, and rarely rotated; it only matters if something (sshd, su, a console) accepts it, which is exactly when it is dangerous.',
  remediation:
    'Do not set passwords in images; use key- or token-based access injected at run time, and lock accounts (`useradd` without `-p`).',
  aliases: ['CKV2_DOCKER_17'],
  references: ['https://man7.org/linux/man-pages/man8/chpasswd.8.html'],
  command: (c) => {
    if (c.base === 'chpasswd')
      return [{ at: c.nameWord, message: '`chpasswd` sets an account password inside the image.' }];
    if (c.base === 'passwd' && c.args.some((a) => a.value === '--stdin'))
      return [{ at: c.nameWord, message: '`passwd --stdin` sets an account password inside the image.' }];
    if (c.base === 'useradd' || c.base === 'usermod') {
      const i = c.args.findIndex((a) => a.value === '-p' || a.value === '--password');
      const value = c.args[i + 1]?.value;
      if (i >= 0 && value && value !== '*' && value !== '!' && value !== '') {
        return [
          {
            at: c.args[i]!,
            message: `\`${c.base} ${c.args[i]!.value}\` sets an account password inside the image.`,
          },
        ];
      }
    }
    return [];
  },
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'chpasswd')] }],
    valid: [{ filename: 'Dockerfile', code: 'FROM ubuntu:24.04\nRUN useradd -m app\nUSER app\n' }],
  },
});
