import type { Loc } from '@plumbline/core';
import type { Route, YamlDocument } from '../document.js';
import { analyseExpression, findExpressions } from './expressions.js';
import type {
  ActionFile,
  Condition,
  ContainerSpec,
  Entry,
  Expression,
  GhaValue,
  ImageRef,
  Job,
  LocatedContext,
  Permissions,
  Step,
  Trigger,
  TriggerTrust,
  UsesRef,
  Workflow,
} from './model.js';
import { mapScalar, type ScalarStyle } from './scalar-map.js';

const TRUST: Record<string, TriggerTrust> = {
  pull_request_target: 'untrusted-privileged',
  workflow_run: 'untrusted-privileged',
  issue_comment: 'untrusted-privileged',
  issues: 'untrusted-privileged',
  discussion: 'untrusted-privileged',
  discussion_comment: 'untrusted-privileged',
  pull_request: 'untrusted',
  pull_request_review: 'untrusted',
  pull_request_review_comment: 'untrusted',
  workflow_call: 'inherited',
};

/** Trust level of a trigger (see `TriggerTrust`). */
export function triggerTrust(event: string): TriggerTrust {
  return TRUST[event] ?? 'trusted';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads typed values with spans out of one YAML document. */
export class ValueReader {
  constructor(readonly doc: YamlDocument) {}

  value(route: Route): GhaValue | undefined {
    const data = this.doc.get(route);
    if (data === undefined) return undefined;
    const loc = this.doc.at(route) ?? this.doc.nearest(route);
    const keyLoc = this.doc.keyAt(route) ?? loc;
    const text =
      typeof data === 'string' || typeof data === 'number' || typeof data === 'boolean'
        ? String(data)
        : undefined;
    const expressions =
      typeof data === 'string' && data.includes('${{') ? this.expressions(route, data, loc) : [];
    let locator: ((from: number, to: number) => Loc) | undefined;
    const locate = (from: number, to: number): Loc => {
      if (typeof data !== 'string') return loc;
      locator ??= this.locator(route, data, loc);
      return locator(Math.max(0, Math.min(from, data.length)), Math.max(0, Math.min(to, data.length)));
    };
    return { value: data, text, route, loc, keyLoc, expressions, locate };
  }

  /** Entries of a map (`with:`, `env:`); empty for anything else. */
  entries(route: Route): Entry[] {
    const data = this.doc.get(route);
    if (!isRecord(data)) return [];
    return Object.keys(data).flatMap((name) => {
      const value = this.value([...route, name]);
      return value ? [{ name, value }] : [];
    });
  }

  condition(route: Route): Condition | undefined {
    const value = this.value(route);
    if (!value || value.text === undefined) return undefined;
    const whole =
      value.expressions.length === 1 &&
      value.text.trim().startsWith('${{') &&
      value.text.trim().endsWith('}}');
    if (whole) return { value, expression: value.expressions[0]! };
    // A bare condition: the whole text is the expression.
    const info = analyseExpression(value.text);
    const locOf = this.locator(route, value.text, value.loc);
    const located = (c: { path: string; start: number; end: number }): LocatedContext => ({
      ...c,
      loc: locOf(c.start, c.end),
    });
    const expression: Expression = {
      ...info,
      raw: value.text,
      body: value.text.trim(),
      loc: value.loc,
      contexts: info.contexts.map(located),
      flows: info.flows.map(located),
    };
    return { value, expression };
  }

  /** Turns offsets in a scalar's decoded text into a span of the file (the whole value if unmappable). */
  private locator(route: Route, text: string, valueLoc: Loc): (from: number, to: number) => Loc {
    const node = this.doc.node(route);
    let map: number[] | undefined;
    if (node?.kind === 'scalar') {
      map = mapScalar(text, {
        style: (node.style ?? 'PLAIN') as ScalarStyle,
        text: this.doc.file.text,
        start: node.start,
        end: node.end,
      });
    }
    const file = this.doc.file;
    return (from, to) =>
      map ? { file, start: map[from]!, end: map[Math.max(from, to - 1)]! + 1 } : valueLoc;
  }

  private expressions(route: Route, text: string, valueLoc: Loc): Expression[] {
    const locOf = this.locator(route, text, valueLoc);
    return findExpressions(text).map((raw) => {
      const info = analyseExpression(raw.body);
      const located = (c: { path: string; start: number; end: number }): LocatedContext => ({
        ...c,
        loc: locOf(raw.bodyStart + c.start, raw.bodyStart + c.end),
      });
      return {
        ...info,
        raw: text.slice(raw.start, raw.end),
        body: raw.body.trim(),
        loc: locOf(raw.start, raw.end),
        contexts: info.contexts.map(located),
        flows: info.flows.map(located),
      };
    });
  }
}

/** Parses `uses:` into its parts. */
export function parseUses(value: GhaValue): UsesRef {
  const raw = (value.text ?? '').trim();
  const base = { raw, value, pinnedToSha: false };
  if (raw.includes('${{')) return { ...base, kind: 'expression', action: raw };
  if (raw.startsWith('./') || raw.startsWith('.\\')) return { ...base, kind: 'local', action: raw };
  if (raw.startsWith('docker://')) {
    const image = parseImage(raw.slice('docker://'.length));
    return { ...base, kind: 'docker', action: image.name, image, pinnedToSha: image.digest !== undefined };
  }
  const at = raw.lastIndexOf('@');
  const target = at >= 0 ? raw.slice(0, at) : raw;
  const ref = at >= 0 ? raw.slice(at + 1) : undefined;
  const [owner, repo, ...rest] = target.split('/');
  if (!owner || !repo) return { ...base, kind: 'invalid', action: raw };
  return {
    ...base,
    kind: 'repository',
    owner,
    repo,
    path: rest.length > 0 ? rest.join('/') : undefined,
    ref,
    action: `${owner}/${repo}`.toLowerCase(),
    pinnedToSha: ref !== undefined && /^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(ref),
  };
}

/** Splits `registry/name:tag@sha256:digest`. */
export function parseImage(raw: string): ImageRef {
  const text = raw.trim();
  const at = text.indexOf('@');
  const digest = at >= 0 ? text.slice(at + 1) : undefined;
  const rest = at >= 0 ? text.slice(0, at) : text;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  const hasTag = colon > slash;
  return {
    raw: text,
    name: hasTag ? rest.slice(0, colon) : rest,
    ...(hasTag ? { tag: rest.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

function permissions(reader: ValueReader, route: Route): Permissions | undefined {
  const value = reader.value(route);
  if (!value) return undefined;
  if (typeof value.value === 'string') {
    const v = value.value.trim().toLowerCase();
    return {
      kind: v === 'read-all' ? 'read-all' : v === 'write-all' ? 'write-all' : 'other',
      value,
      scopes: [],
    };
  }
  if (value.value === null || isRecord(value.value)) {
    const scopes = reader.entries(route).map((e) => ({
      name: e.name,
      level: String(e.value.text ?? '').toLowerCase(),
      keyLoc: e.value.keyLoc,
      loc: e.value.loc,
    }));
    return { kind: 'map', value, scopes };
  }
  return { kind: 'other', value, scopes: [] };
}

function container(reader: ValueReader, route: Route, id: string): ContainerSpec | undefined {
  const value = reader.value(route);
  if (!value) return undefined;
  const image = typeof value.value === 'string' ? value : reader.value([...route, 'image']);
  const spec: ContainerSpec = { id, value };
  if (image) {
    spec.image = image;
    if (image.text && !image.text.includes('${{')) spec.imageRef = parseImage(image.text);
  }
  if (isRecord(value.value) && isRecord(value.value.credentials)) {
    spec.credentials = {
      username: reader.value([...route, 'credentials', 'username']),
      password: reader.value([...route, 'credentials', 'password']),
    };
  }
  return spec;
}

function steps(reader: ValueReader, route: Route, job: Job | undefined, unit: Workflow | ActionFile): Step[] {
  const list = reader.doc.get(route);
  if (!Array.isArray(list)) return [];
  const out: Step[] = [];
  list.forEach((item, index) => {
    if (!isRecord(item)) return;
    const r = [...route, index];
    const loc = reader.doc.at(r) ?? reader.doc.nearest(r);
    const step: Step = {
      index,
      route: r,
      loc,
      keyLoc: reader.doc.keyAt(r) ?? loc,
      job,
      unit,
      with: reader.entries([...r, 'with']),
      env: reader.entries([...r, 'env']),
    };
    if (typeof item.id === 'string') step.id = item.id;
    const set = <K extends keyof Step>(key: K, v: Step[K] | undefined) => {
      if (v !== undefined) step[key] = v;
    };
    set('name', reader.value([...r, 'name']));
    const uses = reader.value([...r, 'uses']);
    if (uses) step.uses = parseUses(uses);
    set('run', reader.value([...r, 'run']));
    set('shell', reader.value([...r, 'shell']));
    if (item.env !== undefined && !isRecord(item.env)) set('envValue', reader.value([...r, 'env']));
    set('if', reader.condition([...r, 'if']));
    set('continueOnError', reader.value([...r, 'continue-on-error']));
    set('timeoutMinutes', reader.value([...r, 'timeout-minutes']));
    set('workingDirectory', reader.value([...r, 'working-directory']));
    out.push(step);
  });
  return out;
}

function triggers(reader: ValueReader): Trigger[] {
  const on = reader.doc.get(['on']);
  const make = (event: string, route: Route, config: unknown): Trigger => ({
    event,
    trust: triggerTrust(event),
    loc: (isRecord(on) ? reader.doc.keyAt(route) : reader.doc.at(route)) ?? reader.doc.nearest(route),
    route,
    config: isRecord(config) ? config : undefined,
  });
  if (typeof on === 'string') return [make(on, ['on'], undefined)];
  if (Array.isArray(on))
    return on.flatMap((e, i) => (typeof e === 'string' ? [make(e, ['on', i], undefined)] : []));
  if (isRecord(on)) return Object.entries(on).map(([e, c]) => make(e, ['on', e], c));
  return [];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isRecord(value)) return [...strings(value.labels), ...strings(value.group)];
  return [];
}

/** The workflow model of a `.github/workflows/*.yml` document. */
export function buildWorkflow(doc: YamlDocument): Workflow {
  const reader = new ValueReader(doc);
  const data = isRecord(doc.data) ? doc.data : {};
  const workflow: Workflow = {
    kind: 'workflow',
    doc,
    file: doc.file,
    path: doc.file.path,
    loc: doc.loc,
    triggers: triggers(reader),
    env: reader.entries(['env']),
    jobs: [],
  };
  const set = <K extends keyof Workflow>(key: K, v: Workflow[K] | undefined) => {
    if (v !== undefined) workflow[key] = v;
  };
  set('name', reader.value(['name']));
  set('on', reader.value(['on']));
  set('permissions', permissions(reader, ['permissions']));
  set('concurrency', reader.value(['concurrency']));
  set('defaults', reader.value(['defaults']));
  const jobs = isRecord(data.jobs) ? data.jobs : {};
  for (const [id, raw] of Object.entries(jobs)) {
    if (!isRecord(raw)) continue;
    const route = ['jobs', id];
    const loc = doc.at(route) ?? doc.nearest(route);
    const job: Job = {
      id,
      route,
      loc,
      keyLoc: doc.keyAt(route) ?? loc,
      workflow,
      needs: [],
      runnerLabels: strings(raw['runs-on']).map((l) => l.toLowerCase()),
      services: [],
      env: reader.entries([...route, 'env']),
      outputs: reader.entries([...route, 'outputs']),
      with: reader.entries([...route, 'with']),
      steps: [],
    };
    const setJ = <K extends keyof Job>(key: K, v: Job[K] | undefined) => {
      if (v !== undefined) job[key] = v;
    };
    const needs = raw.needs;
    if (typeof needs === 'string') job.needs.push({ id: needs, loc: doc.at([...route, 'needs']) ?? loc });
    else if (Array.isArray(needs)) {
      needs.forEach((n, i) => {
        if (typeof n === 'string') job.needs.push({ id: n, loc: doc.at([...route, 'needs', i]) ?? loc });
      });
    }
    setJ('name', reader.value([...route, 'name']));
    setJ('if', reader.condition([...route, 'if']));
    setJ('runsOn', reader.value([...route, 'runs-on']));
    const environment = reader.value([...route, 'environment']);
    if (environment) {
      const spec: NonNullable<Job['environment']> = { value: environment };
      const name = isRecord(environment.value) ? environment.value.name : environment.value;
      if (typeof name === 'string') spec.name = name;
      const url = isRecord(environment.value) ? reader.value([...route, 'environment', 'url']) : undefined;
      if (url) spec.url = url;
      job.environment = spec;
    }
    setJ('container', container(reader, [...route, 'container'], 'container'));
    if (isRecord(raw.services)) {
      for (const sid of Object.keys(raw.services)) {
        const spec = container(reader, [...route, 'services', sid], sid);
        if (spec) job.services.push(spec);
      }
    }
    setJ('strategy', reader.value([...route, 'strategy']));
    setJ('timeoutMinutes', reader.value([...route, 'timeout-minutes']));
    setJ('continueOnError', reader.value([...route, 'continue-on-error']));
    setJ('concurrency', reader.value([...route, 'concurrency']));
    setJ('permissions', permissions(reader, [...route, 'permissions']));
    setJ('defaults', reader.value([...route, 'defaults']));
    const uses = reader.value([...route, 'uses']);
    if (uses) job.uses = parseUses(uses);
    setJ('secrets', reader.value([...route, 'secrets']));
    job.steps = steps(reader, [...route, 'steps'], job, workflow);
    workflow.jobs.push(job);
  }
  return workflow;
}

/** The model of an `action.yml` document. */
export function buildAction(doc: YamlDocument): ActionFile {
  const reader = new ValueReader(doc);
  const data = isRecord(doc.data) ? doc.data : {};
  const runs = isRecord(data.runs) ? data.runs : {};
  const action: ActionFile = {
    kind: 'action',
    doc,
    file: doc.file,
    path: doc.file.path,
    loc: doc.loc,
    inputs: reader.entries(['inputs']),
    outputs: reader.entries(['outputs']),
    steps: [],
    env: reader.entries(['runs', 'env']),
  };
  const name = reader.value(['name']);
  if (name) action.name = name;
  const runsValue = reader.value(['runs']);
  if (runsValue) action.runs = runsValue;
  if (typeof runs.using === 'string') action.using = runs.using.toLowerCase();
  const image = reader.value(['runs', 'image']);
  if (image) {
    action.image = image;
    const text = image.text ?? '';
    if (text.startsWith('docker://')) action.imageRef = parseImage(text.slice('docker://'.length));
  }
  action.steps = steps(reader, ['runs', 'steps'], undefined, action);
  return action;
}
