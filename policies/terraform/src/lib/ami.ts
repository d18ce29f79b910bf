import { asString, isUnknown, stringList, type TfModule, type TfResource } from '@plumbline/lang-hcl';

/** AL2023 image names (`al2023-ami-2023.6...-x86_64`) and its public SSM parameters. */
const AL2023 = /(^|[/^])al2023-ami|amazon-linux-2023/i;

/**
 * True when the instance's image is known to be Amazon Linux 2023, whose AMIs are registered
 * with `ImdsSupport = v2.0`: instances launched from them require IMDSv2 unless told otherwise.
 * Recognised: `resolve:ssm:` and data sources `aws_ami` (name filter or `name_regex`) and
 * `aws_ssm_parameter` (the `/aws/service/ami-amazon-linux-latest/al2023-ami-*` parameters).
 */
export function isAl2023Image(module: TfModule, r: TfResource): boolean {
  const image = r.value(r.resourceType === 'aws_instance' ? 'ami' : 'image_id');
  const literal = asString(image);
  if (literal !== undefined) return /^resolve:ssm:/.test(literal) && AL2023.test(literal);
  if (!isUnknown(image) || !image.ref) return false;
  const source = module.byAddress(image.ref.address);
  if (source?.kind !== 'data') return false;
  if (source.resourceType === 'aws_ssm_parameter') return AL2023.test(asString(source.value('name')) ?? '');
  if (source.resourceType !== 'aws_ami') return false;
  const regex = asString(source.value('name_regex'));
  if (regex !== undefined && AL2023.test(regex)) return true;
  const names = source
    .blocks('filter')
    .filter((f) => asString(f.value('name')) === 'name')
    .flatMap((f) => stringList(f.value('values'))?.values ?? []);
  return names.length > 0 && names.every((n) => AL2023.test(n));
}
