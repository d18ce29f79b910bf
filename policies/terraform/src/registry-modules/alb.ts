import { WEAK_ELB_TLS_POLICY } from '../lib/elb-tls-policies.js';
import type { ModuleTable, Predicate } from './table.js';

const has = (field: string): Predicate => ({ field, is: { not: { empty: true } } });

/**
 * terraform-aws-modules/alb/aws. v9 replaced the listener lists (`http_tcp_listeners`,
 * `https_listeners`) with one `listeners` map and turned `drop_invalid_header_fields` on by default;
 * v8 gave HTTPS listeners without `ssl_policy` the module's `listener_ssl_policy_default`,
 * `ELBSecurityPolicy-2016-08` (TLS 1.0).
 */
export const alb: ModuleTable = {
  source: 'terraform-aws-modules/alb/aws',
  repository: 'terraform-aws-modules/terraform-aws-alb',
  latest: '10.0.0',
  creates: ['create', 'create_lb'],
  docs: [
    'https://github.com/terraform-aws-modules/terraform-aws-alb/blob/master/UPGRADE-9.0.md (drop_invalid_header_fields default true since v9; listeners map)',
    'https://github.com/terraform-aws-modules/terraform-aws-alb/blob/master/docs/UPGRADE-10.0.md (no default changes)',
    'variables.tf of v8 (listener_ssl_policy_default = "ELBSecurityPolicy-2016-08", internal = false)',
  ],
  inputs: [
    {
      rule: 'terraform/lb-drop-invalid-headers',
      input: 'drop_invalid_header_fields',
      insecure: { equals: false },
      defaults: [
        { until: '9.0.0', value: false },
        { from: '9.0.0', value: true },
      ],
      // Network and gateway load balancers do not parse HTTP.
      when: {
        input: 'load_balancer_type',
        is: { equals: 'application' },
        defaults: [{ value: 'application' }],
      },
      consequence: 'the load balancer forwards invalid HTTP header fields to the targets',
    },
    {
      rule: 'terraform/lb-internet-facing',
      input: 'internal',
      insecure: { equals: false },
      // v8 defaults `internal` to false, v9 to null (the provider's false).
      defaults: [{ value: false }],
      consequence: 'the load balancer is internet-facing',
    },
    {
      rule: 'terraform/lb-listener-https',
      input: 'http_tcp_listeners',
      versions: { until: '9.0.0' },
      insecure: {
        some: {
          allOf: [
            { field: 'protocol', is: { equals: 'HTTP' } },
            { not: { field: 'action_type', is: { anyMatches: '^(redirect|fixed-response)$' } } },
          ],
        },
      },
      consequence: 'a listener serves plain HTTP without redirecting to HTTPS',
    },
    {
      rule: 'terraform/lb-listener-https',
      input: 'listeners',
      versions: { from: '9.0.0' },
      insecure: {
        some: {
          allOf: [
            { field: 'protocol', is: { equals: 'HTTP' } },
            { not: has('redirect') },
            { not: has('fixed_response') },
          ],
        },
      },
      consequence: 'a listener serves plain HTTP without redirecting to HTTPS',
    },
    {
      rule: 'terraform/lb-listener-tls-policy',
      input: 'https_listeners',
      versions: { until: '9.0.0' },
      insecure: { some: { field: 'ssl_policy', is: { anyMatches: WEAK_ELB_TLS_POLICY } } },
      consequence: 'an HTTPS listener accepts TLS 1.0/1.1',
    },
    {
      rule: 'terraform/lb-listener-tls-policy',
      input: 'listener_ssl_policy_default',
      versions: { until: '9.0.0' },
      insecure: { anyMatches: WEAK_ELB_TLS_POLICY },
      defaults: [{ until: '9.0.0', value: 'ELBSecurityPolicy-2016-08' }],
      // Only HTTPS listeners that do not name their own policy get it.
      when: { input: 'https_listeners', is: { some: { not: has('ssl_policy') } }, defaults: [{ value: [] }] },
      consequence: 'HTTPS listeners without their own `ssl_policy` accept TLS 1.0/1.1',
    },
    {
      rule: 'terraform/lb-listener-tls-policy',
      input: 'listeners',
      versions: { from: '9.0.0' },
      insecure: { some: { field: 'ssl_policy', is: { anyMatches: WEAK_ELB_TLS_POLICY } } },
      consequence: 'an HTTPS listener accepts TLS 1.0/1.1',
    },
    {
      rule: 'terraform/lb-target-group-health-check',
      input: 'target_groups',
      // A list in v8, a map in v9+; the module adds `health_check` only when the object has one.
      insecure: {
        some: {
          allOf: [
            { not: { field: 'target_type', is: { equals: 'lambda' } } },
            {
              anyOf: [
                { not: has('health_check') },
                { field: 'health_check', is: { field: 'enabled', is: { equals: false } } },
              ],
            },
          ],
        },
      },
      consequence: 'a target group has no health check of its own (or turns it off)',
    },
  ],
};
