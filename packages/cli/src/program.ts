import { Command, CommanderError, Option } from 'commander';
import { addOrgCommand } from './commands/org-command.js';
import { EXIT_USAGE, type Io } from './io.js';
import { isFsError, plainFsError } from './node-errors.js';
import { VERSION } from './paths.js';
import { UsageError } from './usage-error.js';

// Each command's implementation (and the packs, parsers and grammars behind it) is imported when
// that command runs: `--version` and `--help` load nothing but commander.

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value.split(',').filter(Boolean),
];

/** Builds the command line; every action resolves to an exit code instead of calling process.exit. */
export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('plumbline')
    .description(
      'Policy-as-code audit of Dockerfiles, Kubernetes manifests, Terraform and GitHub Actions workflows',
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command('audit', { isDefault: false })
    .description('scan files and report findings')
    .argument('[paths...]', 'files or directories to scan (default: the current directory)')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json', 'sarif', 'markdown'])
        .default('text'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option(
      '--fail-on <severity>',
      'exit 1 at or above this severity: critical|high|medium|low|info|none (default: high)',
    )
    .option(
      '-c, --config <file>',
      'config file (default: .plumbline.yaml in the scanned directory or above it, up to the repository root)',
    )
    .option('--preset <name>', 'apply a preset before the config (repeatable)', collect)
    .option('--baseline <file>', 'mark findings listed in this baseline as suppressed')
    .option(
      '--write-baseline [file]',
      'write the current findings as a baseline (default .plumbline-baseline.json) and exit 0',
    )
    .option('--include <glob>', 'only scan files matching this glob (repeatable)', collect)
    .option('--exclude <glob>', 'do not scan files matching this glob (repeatable)', collect)
    .option(
      '--var-file <file>',
      'Terraform variables applied to root modules after terraform.tfvars (repeatable)',
      collect,
    )
    .option('--helm <path>', 'helm binary used to render charts (default: helm on PATH)')
    .option('--no-render', 'do not render Helm charts or build kustomizations (templates are skipped)')
    .option(
      '--no-render-cache',
      'run Helm and kustomize for every chart and overlay, not reusing earlier outputs (~/.cache/plumbline/render)',
    )
    .option(
      '--threads <n>',
      'threads that parse and check files: 1 = no worker threads (default: one per core, for large scans)',
    )
    .option(
      '--new-since <git-ref>',
      'report only findings that are new since this ref (its merge base with HEAD)',
    )
    .option('--fetch', 'with --new-since: fetch the ref from the remote when this clone lacks it')
    .option('-q, --quiet', 'compact: one line per finding, no progress line, no notices')
    .option('-v, --verbose', 'text output also lists suppressed findings, with how and why')
    .option('--no-color', 'no ANSI colours in text output')
    .option('--fix', 'apply the safe fixes of the rules to the scanned files, then report what is left')
    .option(
      '--fix-dry-run',
      'print the fixes as a unified diff; change nothing (exit 1 when there is a diff)',
    )
    .action(async (paths: string[], flags) =>
      setExit(await (await import('./commands/audit.js')).auditCommand(paths, flags, io)),
    );

  program
    .command('rules')
    .description('list every rule with its id, severity, category, aliases and docs page')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .action(async (flags) => setExit(await (await import('./commands/rules.js')).rulesCommand(flags, io)));

  program
    .command('explain')
    .description('show the documentation of a rule, by id or by a peer alias (DL3008, CKV_K8S_16, ...)')
    .argument('<rule>', 'rule id or alias')
    .action(async (name: string) =>
      setExit(await (await import('./commands/rules.js')).explainCommand(name, io)),
    );

  program
    .command('init')
    .description('write a commented .plumbline.yaml')
    .argument('[dir]', 'where to write it (default: the current directory)')
    .option('--force', 'overwrite an existing file')
    .action(async (dir: string | undefined, flags) =>
      setExit((await import('./commands/init.js')).initCommand(dir, flags, io)),
    );

  program
    .command('test')
    .description("run custom policies' examples and *.test.yaml cases (default: .plumbline/policies)")
    .argument('[paths...]', 'policy files or folders')
    .action(async (paths: string[]) =>
      setExit(await (await import('./commands/test.js')).testCommand(paths, io)),
    );

  program
    .command('inspect')
    .description('print the input each unit of a file gives to custom policies (CEL variables)')
    .argument('<path>', 'file or directory')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json']).default('json'))
    .action(async (path: string, flags) =>
      setExit(await (await import('./commands/inspect.js')).inspectCommand(path, flags, io)),
    );
  addOrgCommand(program, io, setExit);

  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage mistakes with 2.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    // Messages may quote a config file or git: they are redacted like every report. Core is loaded
    // already when a command threw one of its errors.
    const { ConfigError, redactSecrets } = await import('@plumbline/core');
    if (error instanceof ConfigError || error instanceof UsageError) {
      io.stderr.write(`plumbline: ${redactSecrets(error.message)}\n`);
      return EXIT_USAGE;
    }
    if (isFsError(error)) {
      const path = (error as NodeJS.ErrnoException).path;
      io.stderr.write(`plumbline: ${path ? `${path}: ` : ''}${plainFsError(error)}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`plumbline: ${redactSecrets((error as Error).message)}\n`);
    return EXIT_USAGE;
  }
}
