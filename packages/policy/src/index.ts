export { Budget, metered } from './cel/budget.js';
export { CelCompileError, compileExpression } from './cel/compile.js';
export { type CompiledPolicy, compilePolicy } from './compile-policy.js';
export { LANGUAGES } from './input/index.js';
export type { UnitInput } from './input/unit-input.js';
export { type InspectedUnit, inspectInputs } from './inspect.js';
export {
  collectPolicyFiles,
  compilePolicyFiles,
  isPolicyPath,
  type LoadPoliciesOptions,
  loadPolicies,
  POLICY_DIR,
  type PolicyFileText,
  parseTestFile,
} from './load/load-policies.js';
export { parsePolicyFile } from './load/parse-policy-file.js';
export type { PolicyDocument, PolicyTestDocument } from './load/policy-document.js';
export { PolicyLoadError } from './load/policy-error.js';
export { type PolicyTestResult, runPolicyTests } from './testing/run-policy-tests.js';
export {
  type AdmissionPolicyRef,
  admissionPolicyRules,
  findAdmissionPolicies,
} from './vap/admission-policy-rules.js';
