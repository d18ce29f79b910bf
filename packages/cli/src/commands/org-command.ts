import type { Command } from 'commander';
import type { Io } from '../io.js';
import { UsageError } from '../usage-error.js';

const many = (value: string, previous: string[] = []) => [...previous, ...value.split(',').filter(Boolean)];

/** `plumbline org scan|merge|report`: organisation-wide scans with history (see @plumbline/org). */
export function addOrgCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  // Made with program.command() so it inherits exitOverride and the output settings.
  const org = program
    .command('org')
    .description('scan every repository of a GitHub organisation, keep history, report trends');
  org
    .command('scan')
    .description(
      'scan the default branch of every repository of <org> (token: GITHUB_TOKEN, or a GitHub App)',
    )
    .argument('<org>', 'organisation login')
    .option(
      '--api-url <url>',
      'REST API root, for GitHub Enterprise Server (default: https://api.github.com)',
    )
    .option('--db <file>', 'history database (default: plumbline-org.db)')
    .option('--out <dir>', 'report folder (default: plumbline-org/)')
    .option('--concurrency <n>', 'repositories downloaded at once (default: 8)')
    .option('--shard <i/n>', 'scan only shard i of n (deterministic; for a CI matrix)')
    .option('--include-forks', 'scan forks too')
    .option('--include-archived', 'scan archived repositories too')
    .option('--repo <glob>', 'only repositories whose name matches (repeatable)', many)
    .option('--exclude-repo <glob>', 'leave out repositories whose name matches (repeatable)', many)
    .option('-c, --config <file>', 'org-level config: the baseline policy each repository config builds on')
    .option('--run-id <id>', 'name the run; shards of one workflow run share it (e.g. the workflow run id)')
    .option('--workers <n>', 'worker threads for parsing and rules (default: one per core)')
    .option('--max-file-bytes <n>', 'skip a file larger than this, with a reason (default: 10 MB)')
    .option(
      '--max-repo-bytes <n>',
      'fail a repository whose archive unpacks larger than this (default: 200 MB)',
    )
    .option('--app-id <id>', 'authenticate as this GitHub App (installation token for <org>)')
    .option('--app-private-key-file <file>', "the GitHub App's private key (PEM)")
    .option(
      '--upload-sarif',
      "upload each scanned repository's SARIF to its code scanning (needs security-events write)",
    )
    .option(
      '--open-issues',
      'keep one tracking issue per repository, updated in place, closed when clean (needs issues write)',
    )
    .option('--helm <path>', 'helm binary used to render charts (default: PLUMBLINE_HELM, then helm on PATH)')
    .option('--no-render', 'do not render Helm charts or build kustomizations (templates are skipped)')
    .option(
      '--no-render-cache',
      'run Helm and kustomize for every chart and overlay, not reusing earlier outputs (~/.cache/plumbline/render)',
    )
    .option('--no-progress', 'no progress output on stderr')
    .action(async (name: string, flags) =>
      setExit(await (await orgCommands()).orgScanCommand(name, flags, io)),
    );
  org
    .command('merge')
    .description('combine shard databases into one, without duplicates')
    .argument('<db...>', 'databases written by `org scan --shard`')
    .option('--db <merged>', 'the merged database (created or added to)')
    .action(async (dbs: string[], flags) => setExit((await orgCommands()).orgMergeCommand(dbs, flags, io)));
  org
    .command('report')
    .description('write results.json, summary.md, index.html and sarif/<repo>.sarif for the latest run')
    .option('--db <file>', 'history database (default: plumbline-org.db)')
    .option('--out <dir>', 'report folder (default: plumbline-org/)')
    .option('--run <id>', 'report this run instead of the latest')
    .action(async (flags) => setExit((await orgCommands()).orgReportCommand(flags, io)));
}

/**
 * The org commands keep their history in SQLite through better-sqlite3, a native addon the
 * published bundle cannot contain: there it is loaded from beside the installed CLI, and its
 * absence is a clear usage error rather than a stack of module paths.
 */
async function orgCommands(): Promise<typeof import('./org.js')> {
  try {
    return await import('./org.js');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'MODULE_NOT_FOUND' && message.includes("'better-sqlite3'"))
      throw new UsageError(
        'the org commands need the better-sqlite3 package, which is not installed where plumbline is: install it there too (npm install -g better-sqlite3)',
      );
    throw error;
  }
}
