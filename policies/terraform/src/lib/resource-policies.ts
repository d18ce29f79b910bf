import { asBool, asString, isUnknown, type TfModule, type TfResource } from '@plumbline/lang-hcl';
import { type Field, type PolicyStatement, policyStatements } from './iam.js';

/**
 * A resource policy (who may act on this resource), in the statement model identity policies
 * use, so "any principal" and "every action" mean the same for every service.
 */
export interface ResourcePolicy {
  owner: TfResource;
  /** `s3`, `sqs`, `kms`, ... (the service whose resource the policy guards). */
  service: string;
  statements: PolicyStatement[];
  /** The service authenticates every request itself (OpenSearch fine-grained access control). */
  authenticates: boolean;
}

/** Resources holding a resource policy document, and the attribute it is in. */
const POLICY_ATTRIBUTES: [type: string, attr: string, service: string][] = [
  ['aws_s3_bucket_policy', 'policy', 's3'],
  ['aws_s3_bucket', 'policy', 's3'],
  ['aws_sqs_queue_policy', 'policy', 'sqs'],
  ['aws_sqs_queue', 'policy', 'sqs'],
  ['aws_sns_topic_policy', 'policy', 'sns'],
  ['aws_sns_topic', 'policy', 'sns'],
  ['aws_ecr_repository_policy', 'policy', 'ecr'],
  ['aws_secretsmanager_secret_policy', 'policy', 'secretsmanager'],
  ['aws_secretsmanager_secret', 'policy', 'secretsmanager'],
  ['aws_kms_key', 'policy', 'kms'],
  ['aws_kms_key_policy', 'policy', 'kms'],
  ['aws_api_gateway_rest_api', 'policy', 'execute-api'],
  ['aws_api_gateway_rest_api_policy', 'policy', 'execute-api'],
  ['aws_efs_file_system_policy', 'policy', 'elasticfilesystem'],
  ['aws_glacier_vault', 'access_policy', 'glacier'],
  ['aws_opensearch_domain_policy', 'access_policies', 'es'],
  ['aws_opensearch_domain', 'access_policies', 'es'],
  ['aws_elasticsearch_domain_policy', 'access_policies', 'es'],
  ['aws_elasticsearch_domain', 'access_policies', 'es'],
  ['aws_cloudwatch_event_bus_policy', 'policy', 'events'],
  ['aws_dynamodb_resource_policy', 'policy', 'dynamodb'],
  ['aws_kinesis_resource_policy', 'policy', 'kinesis'],
  ['aws_backup_vault_policy', 'policy', 'backup'],
];

/** `aws_lambda_permission` attributes that become conditions of the statement it adds. */
const LAMBDA_CONDITIONS: [attr: string, test: string, variable: string][] = [
  ['source_arn', 'ArnLike', 'aws:SourceArn'],
  ['source_account', 'StringEquals', 'aws:SourceAccount'],
  ['principal_org_id', 'StringEquals', 'aws:PrincipalOrgID'],
  ['event_source_token', 'StringEquals', 'lambda:EventSourceToken'],
  ['function_url_auth_type', 'StringEquals', 'lambda:FunctionUrlAuthType'],
];

function known(value: unknown): Field['values'] | undefined {
  const s = asString(value as never);
  return s === undefined ? undefined : [s];
}

/**
 * The statement an `aws_lambda_permission` adds to the function's policy: its `principal` (an
 * account id or ARN is `AWS`, a `*.amazonaws.com` name is `Service`), `action`, and a condition
 * per scoping attribute (`source_arn` is `aws:SourceArn`, ...), with the places they are written.
 */
export function lambdaPermissionStatement(p: TfResource): PolicyStatement {
  const s: PolicyStatement = {
    effect: 'Allow',
    notPrincipal: false,
    conditions: [],
    conditionsUnknown: false,
    loc: p.headerLoc,
  };
  const principal = p.attr('principal');
  if (principal) {
    const value = known(p.value('principal'));
    const v = value?.[0];
    const type = v === '*' ? '*' : v && /\.amazonaws\.com(\.cn)?$/.test(v) ? 'Service' : 'AWS';
    s.principals = [{ type: value ? type : '?', values: value ?? [], unknown: !value }];
    s.principalLoc = principal.loc;
  }
  const action = p.attr('action');
  if (action) {
    const value = known(p.value('action'));
    s.action = { values: value ?? [], unknown: !value, loc: action.loc };
  }
  for (const [attr, test, variable] of LAMBDA_CONDITIONS) {
    const a = p.attr(attr);
    if (!a) continue;
    const value = known(p.value(attr));
    s.conditions.push({ test, variable, values: value ?? [], unknown: !value });
    s.conditionLoc ??= a.loc;
  }
  return s;
}

const SEARCH_DOMAINS = new Set(['aws_opensearch_domain', 'aws_elasticsearch_domain']);

/**
 * OpenSearch with fine-grained access control authenticates every request itself, and AWS
 * recommends an open domain policy with it; a policy resource whose domain cannot be found is
 * treated the same way (unknown never fires).
 */
function searchDomainAuthenticates(module: TfModule, r: TfResource): boolean {
  let domain: TfResource | undefined = r;
  if (!SEARCH_DOMAINS.has(r.resourceType)) {
    if (!r.resourceType.endsWith('_domain_policy')) return false;
    const target = r.value('domain_name');
    const address = isUnknown(target) ? target.ref?.address : undefined;
    domain = address ? module.byAddress(address) : undefined;
    if (!domain) return true;
  }
  return domain.blocks('advanced_security_options').some((o) => asBool(o.value('enabled')) !== false);
}

/** Every resource policy of a module, each normalised to statements. */
export function resourcePolicies(module: TfModule): ResourcePolicy[] {
  const out: ResourcePolicy[] = [];
  for (const [type, attr, service] of POLICY_ATTRIBUTES)
    for (const owner of module.resourcesOf(type))
      out.push({
        owner,
        service,
        statements: policyStatements(owner, attr),
        authenticates: searchDomainAuthenticates(module, owner),
      });
  for (const owner of module.resourcesOf('aws_lambda_permission'))
    out.push({
      owner,
      service: 'lambda',
      statements: [lambdaPermissionStatement(owner)],
      authenticates: false,
    });
  return out;
}
