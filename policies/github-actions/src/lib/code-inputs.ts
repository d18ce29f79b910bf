import type { Step } from '@plumbline/lang-yaml';

/** Actions whose input is code: `with.<input>` is evaluated by an interpreter. */
const CODE_INPUTS: Record<string, string[]> = {
  'actions/github-script': ['script'],
  'actions/ai-inference': [],
  'appleboy/ssh-action': ['script'],
  'garygrossgarten/github-action-ssh': ['command'],
  'azure/cli': ['inlinescript'],
  'azure/powershell': ['inlinescript'],
  'jannekem/run-python-script-action': ['script'],
  'amadevus/pwsh-script': ['script'],
  'cardinalby/js-eval-action': ['expression'],
  'mikefarah/yq': ['cmd'],
  'addnab/docker-run-action': ['run'],
};

/** `docker://` steps: `args` and `entrypoint` become the container's command line. */
const DOCKER_INPUTS = ['args', 'entrypoint'];

/** The inputs of a step's action that are code (none for ordinary actions). */
export function codeInputs(step: Step): string[] {
  const uses = step.uses;
  if (uses?.kind === 'docker') return DOCKER_INPUTS;
  return uses?.kind === 'repository' ? (CODE_INPUTS[uses.action] ?? []) : [];
}
