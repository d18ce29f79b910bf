// The light entry point (`@plumbline/policy/find`): what a scan must find before it knows whether
// it needs the policy compiler (CEL, the policy schema) at all.
export {
  collectPolicyFiles,
  isPolicyPath,
  type LoadPoliciesOptions,
  POLICY_DIR,
  type PolicyFileText,
} from './load/collect-policy-files.js';
export {
  ADMISSION_POLICY_LANGUAGES,
  ADMISSION_RULE_PREFIX,
  type AdmissionPolicyRef,
  findAdmissionPolicies,
} from './vap/find-admission-policies.js';
