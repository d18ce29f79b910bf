import type { Instruction, ShellCommand, ShellWord } from '@plumbline/lang-dockerfile';
import { findOption, hasOption, positionals } from './index.js';

/** Options of each package manager that take a separate value (so the value is no package). */
export const WITH_VALUE: Record<string, string[]> = {
  'apt-get': ['-o', '-t', '-c', '-a', '--option', '--target-release', '--config-file', '--host-architecture'],
  apt: ['-o', '-t', '-c', '-a', '--option', '--target-release', '--config-file'],
  apk: [
    '-X',
    '-p',
    '-t',
    '--repository',
    '--root',
    '--virtual',
    '--arch',
    '--cache-dir',
    '--keys-dir',
    '--repositories-file',
  ],
  yum: [
    '-c',
    '-d',
    '-e',
    '-R',
    '--setopt',
    '--enablerepo',
    '--disablerepo',
    '--installroot',
    '--releasever',
    '-x',
    '--exclude',
  ],
  dnf: [
    '-c',
    '-d',
    '-e',
    '-R',
    '--setopt',
    '--enablerepo',
    '--disablerepo',
    '--installroot',
    '--releasever',
    '-x',
    '--exclude',
    '--repo',
  ],
  microdnf: ['--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '--config'],
  zypper: [
    '-r',
    '--repo',
    '-t',
    '--type',
    '--from',
    '-R',
    '--root',
    '--installroot',
    '-D',
    '--reposd-dir',
    '-C',
    '--cache-dir',
  ],
  pip: [
    '-r',
    '-c',
    '-e',
    '-i',
    '-f',
    '-t',
    '-C',
    '--requirement',
    '--constraint',
    '--editable',
    '--index-url',
    '--extra-index-url',
    '--find-links',
    '--target',
    '--prefix',
    '--root',
    '--trusted-host',
    '--platform',
    '--python-version',
    '--implementation',
    '--abi',
    '--src',
    '--upgrade-strategy',
    '--progress-bar',
    '--cache-dir',
    '--log',
    '--proxy',
    '--retries',
    '--timeout',
    '--exists-action',
    '--cert',
    '--client-cert',
    '--global-option',
    '--install-option',
    '--config-settings',
    '--only-binary',
    '--no-binary',
    '--python',
    '--report',
    '--root-user-action',
  ],
  npm: [
    '--prefix',
    '--registry',
    '--cache',
    '--userconfig',
    '-w',
    '--workspace',
    '--omit',
    '--include',
    '--tag',
    '--loglevel',
  ],
  gem: [
    '-v',
    '--version',
    '-i',
    '--install-dir',
    '-n',
    '--bindir',
    '-s',
    '--source',
    '-P',
    '--trust-policy',
    '--platform',
    '-g',
    '--file',
  ],
};

const RPM_FAMILY = ['yum', 'dnf', 'microdnf', 'tdnf'];

/** `apt-get`/`apt` subcommand, `apk` subcommand... after global options. */
export function sub(command: ShellCommand): ShellWord | undefined {
  return positionals(command, WITH_VALUE[command.base] ?? [])[0];
}

/** Packages named after the subcommand (options and their values skipped). */
export function packagesOf(command: ShellCommand, manager = command.base): ShellWord[] {
  return positionals(command, WITH_VALUE[manager] ?? []).slice(1);
}

/** `apt-get -s install ...` (and its aliases) only prints what it would do. */
export function aptSimulates(command: ShellCommand): boolean {
  return hasOption(command, 's', ['simulate', 'just-print', 'dry-run', 'recon', 'no-act']);
}

export function isApt(command: ShellCommand, subs: readonly string[]): boolean {
  if (command.base !== 'apt-get' && command.base !== 'apt') return false;
  const s = sub(command);
  return s !== undefined && subs.includes(s.value);
}

export function isApk(command: ShellCommand, subs: readonly string[]): boolean {
  if (command.base !== 'apk') return false;
  const s = sub(command);
  return s !== undefined && subs.includes(s.value);
}

export function isRpm(
  command: ShellCommand,
  subs: readonly string[],
  managers: readonly string[] = RPM_FAMILY,
): boolean {
  if (!managers.includes(command.base)) return false;
  const s = sub(command);
  return s !== undefined && subs.includes(s.value);
}

export function isZypper(command: ShellCommand, subs: readonly string[]): boolean {
  if (command.base !== 'zypper') return false;
  const s = sub(command);
  return s !== undefined && subs.includes(s.value);
}

export const ZYPPER_INSTALL = [
  'install',
  'in',
  'update',
  'up',
  'patch',
  'dist-upgrade',
  'dup',
  'source-install',
  'si',
];
/** dnf's own short forms (`in`, `up`, `rei`) work for `yum` too since RHEL 8, where yum is dnf. */
export const RPM_INSTALL = [
  'install',
  'in',
  'up',
  'rei',
  'localupdate',
  'groupinstall',
  'localinstall',
  'reinstall',
  'update',
  'upgrade',
  'group',
  'builddep',
];

/** pip invoked directly (`pip3 install`) or as `python -m pip install`: the args after `pip`. */
export function pipArgs(command: ShellCommand): ShellWord[] | undefined {
  if (/^pip[0-9.]*$/.test(command.base)) return command.args;
  if (/^python[0-9.]*$/.test(command.base)) {
    const m = command.args.findIndex((a) => a.value === '-m');
    if (m >= 0 && command.args[m + 1]?.value === 'pip') return command.args.slice(m + 2);
  }
  return undefined;
}

/** A pip call seen as a command whose arguments start at pip's subcommand. */
export function asPip(command: ShellCommand): ShellCommand | undefined {
  const args = pipArgs(command);
  return args ? { ...command, base: 'pip', args } : undefined;
}

/** Does any command of the RUN remove `path` (`rm -rf /var/lib/apt/lists/*`)? */
export function removes(run: Instruction, path: RegExp): boolean {
  return (run.shell?.commands ?? []).some((c) => c.base === 'rm' && c.args.some((a) => path.test(a.value)));
}

export { findOption };
