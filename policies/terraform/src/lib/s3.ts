import { isUnknown, type TfModule, type TfResource } from '@plumbline/lang-hcl';

/**
 * The companion resources of a bucket (AWS provider v4+ split `aws_s3_bucket_*` resources):
 * `linked` reference the bucket (by `aws_s3_bucket.x.id`/`.bucket` or by its literal name);
 * `unresolved` is true when some companion's `bucket` cannot be resolved, so it might be this one.
 */
export function companions(
  module: TfModule,
  bucket: TfResource,
  type: string,
): { linked: TfResource[]; unresolved: boolean } {
  const linked: TfResource[] = [];
  let unresolved = false;
  for (const r of module.resourcesOf(type)) {
    const target = r.value('bucket');
    if (bucket.isReferencedBy(target, 'bucket')) linked.push(r);
    else if (isUnknown(target)) {
      const address = target.ref?.address;
      if (!(address?.startsWith('aws_s3_bucket.') && module.byAddress(address))) unresolved = true;
    } else if (typeof target === 'string') {
      if (typeof bucket.value('bucket') !== 'string') unresolved = true;
    } else unresolved = true;
  }
  return { linked, unresolved };
}
