import type { Loc, SourceFile } from '@plumbline/core';
import type { Route, YamlDocument } from '../document.js';
import type { ContextPath, ExpressionInfo } from './expressions.js';

/** A value of the workflow with where it is, and the `${{ }}` expressions it holds. */
export interface GhaValue {
  /** Plain data (string, number, boolean, map, list). */
  value: unknown;
  /** The value as text when it is a scalar (numbers and booleans stringified); undefined otherwise. */
  text: string | undefined;
  route: Route;
  /** Span of the value. */
  loc: Loc;
  /** Span of its key (the value itself for a list item). */
  keyLoc: Loc;
  /** `${{ }}` expressions inside a string value, each with its exact span. */
  expressions: Expression[];
  /**
   * Span in the file of `text.slice(start, end)`, through block-scalar indentation, folding,
   * quotes and escapes (the whole value when the scalar cannot be mapped).
   */
  locate(start: number, end: number): Loc;
}

/** A context path read by an expression, with its span in the file. */
export interface LocatedContext extends ContextPath {
  loc: Loc;
}

/** One `${{ }}` expression (or a bare `if:` condition), parsed by GitHub's expression parser. */
export interface Expression extends Omit<ExpressionInfo, 'contexts' | 'flows'> {
  /** `${{ body }}` as written (the bare text for a bare condition). */
  raw: string;
  /** The expression itself, trimmed. */
  body: string;
  /** Span of the whole `${{ … }}` in the file. */
  loc: Loc;
  contexts: LocatedContext[];
  flows: LocatedContext[];
}

/** A key/value entry of `with:`, `env:`, `outputs:`, `secrets:`, `inputs:`. */
export interface Entry {
  name: string;
  value: GhaValue;
}

/**
 * How far a trigger lets an outsider in:
 * - `untrusted-privileged`: outsiders shape the event (title, branch name, comment, fork code) and the
 *   run has the base repository's secrets and a token that can write (`pull_request_target`,
 *   `workflow_run`, `issue_comment`, `issues`, `discussion*`);
 * - `untrusted`: outsiders shape the event, but fork runs get no secrets and a read-only token
 *   (`pull_request`, `pull_request_review*`);
 * - `inherited`: whatever the caller had (`workflow_call`);
 * - `trusted`: only people with write access can cause it (`push`, `schedule`, `workflow_dispatch`, ...).
 */
export type TriggerTrust = 'untrusted-privileged' | 'untrusted' | 'inherited' | 'trusted';

export interface Trigger {
  /** Event name as written, e.g. `pull_request_target`. */
  event: string;
  trust: TriggerTrust;
  /** Span of the event name. */
  loc: Loc;
  route: Route;
  /** The event's settings (`branches`, `types`, `paths`, `inputs`, ...), when given as a map. */
  config: Record<string, unknown> | undefined;
}

export type PermissionLevel = 'read' | 'write' | 'none';

export interface PermissionScope {
  /** e.g. `contents`, `id-token`. */
  name: string;
  level: PermissionLevel | string;
  keyLoc: Loc;
  loc: Loc;
}

export interface Permissions {
  /** `read-all` / `write-all` for the string form, `map` for a scope map (`{}` included). */
  kind: 'read-all' | 'write-all' | 'map' | 'other';
  value: GhaValue;
  scopes: PermissionScope[];
}

/** `uses:` of a step or a job (reusable workflow). */
export interface UsesRef {
  raw: string;
  value: GhaValue;
  kind: 'repository' | 'local' | 'docker' | 'expression' | 'invalid';
  /** Repository actions: `owner`, `repo`, optional `path` inside it, `ref` after `@`. */
  owner?: string;
  repo?: string;
  path?: string;
  ref?: string;
  /** `owner/repo` lower-case (for allow-lists), or the local path, or the image. */
  action: string;
  /** True when `ref` is a full 40- or 64-character commit SHA. */
  pinnedToSha: boolean;
  /** `docker://` actions. */
  image?: ImageRef;
}

/** A container image reference: `registry/name:tag@sha256:...`. */
export interface ImageRef {
  raw: string;
  name: string;
  tag?: string;
  digest?: string;
}

export interface ContainerSpec {
  /** Service id for `services`, `container` for the job container. */
  id: string;
  value: GhaValue;
  image?: GhaValue;
  imageRef?: ImageRef;
  credentials?: { username?: GhaValue; password?: GhaValue };
}

export interface Step {
  /** Position in its job (or composite action). */
  index: number;
  route: Route;
  /** The whole step. */
  loc: Loc;
  /** Its first line (`- name: Build`, `- uses: ...`): where step-level findings point. */
  keyLoc: Loc;
  job: Job | undefined;
  unit: GhaUnit;
  id?: string;
  name?: GhaValue;
  uses?: UsesRef;
  run?: GhaValue;
  shell?: GhaValue;
  with: Entry[];
  env: Entry[];
  /** `env:` given as a whole expression or other non-map form. */
  envValue?: GhaValue;
  if?: Condition;
  continueOnError?: GhaValue;
  timeoutMinutes?: GhaValue;
  workingDirectory?: GhaValue;
}

export interface Condition {
  value: GhaValue;
  /** The parsed condition: the `${{ }}` when it wraps the whole value, else the bare text. */
  expression: Expression;
}

export interface Job {
  id: string;
  route: Route;
  loc: Loc;
  /** Span of the job id key. */
  keyLoc: Loc;
  workflow: Workflow;
  name?: GhaValue;
  needs: { id: string; loc: Loc }[];
  if?: Condition;
  runsOn?: GhaValue;
  /** Runner labels (strings of `runs-on`, its `labels`, or its group), lower-case. */
  runnerLabels: string[];
  environment?: { value: GhaValue; name?: string; url?: GhaValue };
  container?: ContainerSpec;
  services: ContainerSpec[];
  strategy?: GhaValue;
  timeoutMinutes?: GhaValue;
  continueOnError?: GhaValue;
  concurrency?: GhaValue;
  permissions?: Permissions;
  env: Entry[];
  defaults?: GhaValue;
  outputs: Entry[];
  steps: Step[];
  /** Reusable workflow call. */
  uses?: UsesRef;
  with: Entry[];
  /** `secrets:` of a reusable workflow call (`inherit` or a map). */
  secrets?: GhaValue;
}

export interface Workflow {
  kind: 'workflow';
  doc: YamlDocument;
  file: SourceFile;
  path: string;
  loc: Loc;
  name?: GhaValue;
  /** The `on:` value; undefined when missing. */
  on?: GhaValue;
  triggers: Trigger[];
  permissions?: Permissions;
  env: Entry[];
  concurrency?: GhaValue;
  defaults?: GhaValue;
  jobs: Job[];
}

/** An `action.yml`: composite, JavaScript or Docker. */
export interface ActionFile {
  kind: 'action';
  doc: YamlDocument;
  file: SourceFile;
  path: string;
  loc: Loc;
  name?: GhaValue;
  inputs: Entry[];
  outputs: Entry[];
  runs?: GhaValue;
  /** `composite`, `node20`, `docker`, ... lower-case. */
  using?: string;
  steps: Step[];
  /** Docker actions: `runs.image`. */
  image?: GhaValue;
  imageRef?: ImageRef;
  env: Entry[];
}

export type GhaUnit = Workflow | ActionFile;
