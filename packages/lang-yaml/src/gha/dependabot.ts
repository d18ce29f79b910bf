import type { Domain, Loc, SourceFile } from '@plumbline/core';
import type { Route, YamlDocument } from '../document.js';
import type { YamlFile } from '../language.js';
import { ValueReader } from './build.js';
import type { GhaValue } from './model.js';

/** One entry of `updates:`: an ecosystem in a directory, on a schedule. */
export interface DependabotUpdate {
  index: number;
  route: Route;
  /** `package-ecosystem: npm` (key and value), or the item's first line when it is missing. */
  loc: Loc;
  ecosystem?: string;
  /** As written, also when it is not a map (a problem of its own). */
  cooldown?: GhaValue;
  /** `cooldown.default-days`. */
  defaultDays?: GhaValue;
  insecureExternalCodeExecution?: GhaValue;
  /** `open-pull-requests-limit`: `0` turns version updates off (security updates go on). */
  openPullRequestsLimit?: GhaValue;
}

/** A shape GitHub would reject, with where it is. */
export interface DependabotProblem {
  loc: Loc;
  message: string;
}

/** `.github/dependabot.yml`: read by the GitHub Actions pack as a unit of its own. */
export interface DependabotConfig {
  kind: 'dependabot';
  doc: YamlDocument;
  file: SourceFile;
  loc: Loc;
  /** The well-formed entries of `updates:` (maps); malformed ones are in `problems`. */
  updates: DependabotUpdate[];
  problems: DependabotProblem[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const COOLDOWN_DAYS = ['default-days', 'semver-major-days', 'semver-minor-days', 'semver-patch-days'];

/** Builds the model, recording every shape GitHub's schema rejects instead of throwing on it. */
export function buildDependabot(doc: YamlDocument): DependabotConfig {
  const reader = new ValueReader(doc);
  const problems: DependabotProblem[] = [];
  const problem = (route: Route, message: string, key = false) =>
    problems.push({ loc: (key ? doc.keyAt(route) : doc.at(route)) ?? doc.nearest(route), message });
  const config: DependabotConfig = {
    kind: 'dependabot',
    doc,
    file: doc.file,
    loc: doc.loc,
    updates: [],
    problems,
  };
  const data = doc.data;
  if (!isRecord(data)) {
    problems.push({ loc: doc.loc, message: 'the file is not a map of `version` and `updates`' });
    return config;
  }
  if (data.version === undefined) problems.push({ loc: doc.loc, message: '`version: 2` is missing' });
  else if (data.version !== 2)
    problem(['version'], `\`version\` is \`${String(data.version)}\`; Dependabot reads only \`2\``);
  const updates = data.updates;
  if (updates === undefined) {
    problems.push({ loc: doc.loc, message: '`updates` is missing: Dependabot has nothing to update' });
    return config;
  }
  if (!Array.isArray(updates)) {
    problem(['updates'], '`updates` is not a list of ecosystems');
    return config;
  }
  updates.forEach((item, index) => {
    const route: Route = ['updates', index];
    if (!isRecord(item)) {
      problem(route, `\`updates[${index}]\` is not a map`);
      return;
    }
    const ecosystem = reader.value([...route, 'package-ecosystem']);
    if (ecosystem === undefined) problem(route, `\`updates[${index}]\` has no \`package-ecosystem\``, true);
    else if (typeof ecosystem.value !== 'string')
      problem(ecosystem.route, '`package-ecosystem` is not a string');
    if (item.directory === undefined && item.directories === undefined)
      problem(route, `\`updates[${index}]\` has neither \`directory\` nor \`directories\``, true);
    if (!isRecord(item.schedule) || item.schedule.interval === undefined)
      problem(
        item.schedule === undefined ? route : [...route, 'schedule'],
        `\`updates[${index}]\` has no \`schedule.interval\``,
        true,
      );
    const cooldown = reader.value([...route, 'cooldown']);
    if (cooldown && !isRecord(cooldown.value)) {
      problem(
        cooldown.route,
        '`cooldown` is not a map of `default-days`, `semver-*-days`, `include`, `exclude`',
      );
    } else if (cooldown) {
      for (const key of COOLDOWN_DAYS) {
        const days = (cooldown.value as Record<string, unknown>)[key];
        if (days !== undefined && (!Number.isInteger(days) || (days as number) < 1 || (days as number) > 90))
          problem(
            [...cooldown.route, key],
            `\`cooldown.${key}\` must be a whole number of days from 1 to 90`,
          );
      }
    }
    const execution = reader.value([...route, 'insecure-external-code-execution']);
    if (execution && execution.text !== 'allow' && execution.text !== 'deny')
      problem(execution.route, '`insecure-external-code-execution` must be `allow` or `deny`');
    const itemLoc = doc.keyAt(route) ?? doc.nearest(route);
    config.updates.push({
      index,
      route,
      loc: ecosystem ? { file: doc.file, start: ecosystem.keyLoc.start, end: ecosystem.loc.end } : itemLoc,
      ecosystem: typeof ecosystem?.value === 'string' ? ecosystem.value : undefined,
      cooldown,
      defaultDays:
        cooldown && isRecord(cooldown.value)
          ? reader.value([...route, 'cooldown', 'default-days'])
          : undefined,
      insecureExternalCodeExecution: execution,
      openPullRequestsLimit: reader.value([...route, 'open-pull-requests-limit']),
    });
  });
  return config;
}

/**
 * Dependabot configuration files, in the `gha` domain beside workflows and actions (a second
 * domain of the pack, as Helm values files are for Kubernetes): rules read `DependabotConfig`.
 */
export const dependabotDomain: Domain<DependabotConfig> = {
  id: 'gha',
  languages: ['yaml'],
  // Each file is checked alone.
  fileLocal: true,
  units: (project) =>
    project.memo('gha:dependabot', () =>
      project
        .byLanguage<YamlFile>('yaml')
        .flatMap((f) => f.model.documents.filter((d) => d.kind === 'dependabot').map(buildDependabot)),
    ),
};
