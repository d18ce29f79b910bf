import { asString, type Value } from '@plumbline/lang-hcl';

/**
 * True when a KMS key reference is known to be an AWS-managed key (`alias/aws/sqs`, or its ARN
 * form `arn:aws:kms:...:alias/aws/sns`): encryption happens, but the key policy cannot be
 * changed, so access to the data cannot be restricted or revoked through the key.
 */
export function isAwsManagedKey(value: Value | undefined): boolean {
  const s = asString(value);
  return s !== undefined && /(^|:)alias\/aws\//.test(s);
}
