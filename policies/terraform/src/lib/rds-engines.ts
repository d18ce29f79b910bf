import { asString, type TfResource } from '@plumbline/lang-hcl';

/** The engine of an RDS instance or cluster, lower-cased; undefined when unknown or unset. */
export function engineOf(r: TfResource): string | undefined {
  return asString(r.value('engine'))?.toLowerCase();
}

/** True for an `aws_db_instance` that is an Aurora member (settings live on the cluster). */
export function isAuroraInstance(r: TfResource): boolean {
  return /^aurora/.test(engineOf(r) ?? '');
}

/** True for an Aurora MySQL cluster (`aurora` is the MySQL 5.6-compatible engine name). */
export function isAuroraMysql(r: TfResource): boolean {
  const e = engineOf(r);
  return e === 'aurora' || e === 'aurora-mysql';
}

/** Instance classes too small for Performance Insights and Enhanced Monitoring to be worth it. */
export function isBurstableMicro(r: TfResource): boolean {
  return /^db\.t[234]g?\.(micro|small)$/.test(asString(r.value('instance_class')) ?? '');
}
