import { type BlockView, isUnknown, type TfModule, type TfResource } from '@plumbline/lang-hcl';

/** `x` when the attribute is written as exactly `var.x`. */
function inputName(view: BlockView, attr: string): string | undefined {
  const e = view.attr(attr)?.expr;
  if (e?.kind !== 'ref' || e.root !== 'var' || e.steps.length !== 1) return undefined;
  const step = e.steps[0]!;
  return 'attr' in step ? step.attr : undefined;
}

/**
 * The companion resources of a bucket (AWS provider v4+ split `aws_s3_bucket_*` resources):
 * `linked` reference the bucket (by `aws_s3_bucket.x.id`/`.bucket`, by its literal name, or by
 * the same `var.x` the bucket is named with); `unresolved` is true when some companion's `bucket`
 * cannot be resolved, so it might be this one. A companion whose `bucket = var.x` names no bucket
 * of this module configures a bucket created elsewhere (the module's caller) and is neither,
 * unless this bucket has a literal name the input may hold.
 */
export function companions(
  module: TfModule,
  bucket: TfResource,
  type: string,
): { linked: TfResource[]; unresolved: boolean } {
  const linked: TfResource[] = [];
  let unresolved = false;
  const bucketInput = inputName(bucket, 'bucket');
  for (const r of module.resourcesOf(type)) {
    const target = r.value('bucket');
    const input = inputName(r, 'bucket');
    if (bucket.isReferencedBy(target, 'bucket')) linked.push(r);
    else if (input !== undefined && isUnknown(target)) {
      // Same input as this bucket's name: linked. Another input may carry this bucket's literal
      // name; a bucket with a generated name or another input's name is one the caller cannot name.
      if (input === bucketInput) linked.push(r);
      else if (typeof bucket.value('bucket') === 'string') unresolved = true;
    } else if (isUnknown(target)) {
      const address = target.ref?.address;
      if (!(address?.startsWith('aws_s3_bucket.') && module.byAddress(address))) unresolved = true;
    } else if (typeof target === 'string') {
      if (typeof bucket.value('bucket') !== 'string') unresolved = true;
    } else unresolved = true;
  }
  return { linked, unresolved };
}

/** Buckets that receive logs: targets of S3 access logging, CloudTrail, load balancer logs. */
export function logBuckets(module: TfModule): Set<TfResource> {
  const out = new Set<TfResource>();
  const buckets = module.resourcesOf('aws_s3_bucket');
  const mark = (value: import('@plumbline/lang-hcl').Value | undefined) => {
    for (const b of buckets) if (b.isReferencedBy(value, 'bucket')) out.add(b);
  };
  for (const l of module.resourcesOf('aws_s3_bucket_logging')) mark(l.value('target_bucket'));
  for (const b of buckets) for (const l of b.blocks('logging')) mark(l.value('target_bucket'));
  for (const t of module.resourcesOf('aws_cloudtrail')) mark(t.value('s3_bucket_name'));
  for (const lb of module.resourcesOf('aws_lb', 'aws_alb', 'aws_elb'))
    for (const l of lb.blocks('access_logs')) mark(l.value('bucket'));
  for (const f of module.resourcesOf('aws_flow_log')) mark(f.value('log_destination'));
  return out;
}
