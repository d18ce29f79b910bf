/**
 * ELB security policies that still accept TLS 1.0 or 1.1, as a regular expression source: the
 * listener rule and the ALB module table (which holds data, not RegExp objects) share it.
 */
export const WEAK_ELB_TLS_POLICY =
  '^ELBSecurityPolicy-(2015-05|2016-08|TLS-1-0-2015-04|TLS-1-1-2017-01|FS-2018-06|FS-1-1-2019-08)$|^ELBSecurityPolicy-TLS13-1-[01]-';
