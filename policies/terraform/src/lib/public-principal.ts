import { actionMatches, allowsEveryone, type Condition, type PolicyStatement } from './iam.js';

/**
 * Condition keys that say nothing about who the caller is: with only these, `Principal: "*"`
 * still admits every AWS account (and, for S3 or API Gateway, anonymous callers). TLS, time,
 * region, tags, user agent, `aws:Referer` (sent by the caller, so forgeable), S3 request headers.
 */
const NON_LIMITING_KEY =
  /^(aws:(securetransport|currenttime|epochtime|requestedregion|useragent|referer|multifactorauthpresent|multifactorauthage|tokenissuetime|principaltype|viaawsservice|calledvia(first|last)?|requesttag\/.*|resourcetag\/.*|tagkeys)|s3:(x-amz-.*|tlsversion|signatureversion|signatureage|authtype|prefix|delimiter|max-keys|versionid|existingobjecttag\/.*|requestobjecttag.*|object-lock-.*)|kms:(encryptioncontext.*|encryptionalgorithm|grantoperations|requestalias))$/i;

/** Operators that match everything but the listed values (and `Null`, which only tests presence). */
const NEGATED = /^(ForAnyValue:|ForAllValues:)?(StringNot|ArnNot|NotIpAddress)|^Null$/i;

/** A condition of an Allow that narrows who may call (`aws:PrincipalOrgID`, `aws:SourceArn`, `aws:SourceIp`, ...). */
function narrowsCaller(c: Condition): boolean {
  return !NEGATED.test(c.test) && !NON_LIMITING_KEY.test(c.variable);
}

/** A Deny for everyone else: `*` denied unless the call comes from the VPC endpoint, organisation, ... */
function deniesOthers(deny: PolicyStatement, allow: PolicyStatement): boolean {
  if (deny.effect !== 'Deny') return false;
  const everyone = deny.notPrincipal || allowsEveryone(deny);
  const narrowed =
    deny.notPrincipal ||
    deny.conditionsUnknown ||
    deny.conditions.some(
      (c) => NEGATED.test(c.test) && !/^Null$/i.test(c.test) && !NON_LIMITING_KEY.test(c.variable),
    );
  if (!everyone || !narrowed) return false;
  if (!deny.action || deny.action.unknown || deny.notAction) return true;
  const allowed = allow.action?.values ?? ['*'];
  return allowed.every((a) => deny.action!.values.some((p) => actionMatches(p, a)));
}

/**
 * True for an Allow statement that lets anyone in: `Principal: "*"` (or `AWS: "*"`) with no
 * condition narrowing the caller, and no Deny of the same policy that turns away everyone else.
 * Unknown conditions count as narrowing (unknown never fires).
 */
export function opensToEveryone(s: PolicyStatement, policy: readonly PolicyStatement[]): boolean {
  if (s.effect !== 'Allow' || s.notPrincipal || !allowsEveryone(s)) return false;
  if (s.conditionsUnknown || s.conditions.some(narrowsCaller)) return false;
  return !policy.some((d) => deniesOthers(d, s));
}
