import type { Category, Confidence, Severity } from '@plumbline/core';

/** The languages a policy can match, and the domain each one runs on. */
export type PolicyLanguage = 'kubernetes' | 'dockerfile' | 'terraform' | 'workflow';

export interface ExpectedError {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message?: string;
}

export interface PolicyCase {
  name?: string;
  filename?: string;
  code: string;
  files?: Record<string, string>;
  errors?: ExpectedError[];
}

export interface PolicySpec {
  title: string;
  description?: string;
  rationale?: string;
  remediation?: string;
  severity: Severity;
  category?: Category;
  confidence?: Confidence;
  references?: string[];
  optIn?: boolean;
  match: {
    language: PolicyLanguage;
    kinds?: string[];
    apiVersions?: string[];
    namespaces?: string[];
    resourceTypes?: string[];
    scope?: 'resource' | 'module';
    paths?: string[];
  };
  variables?: { name: string; expression: string }[];
  deny: string;
  message: string;
  at?: string;
  examples?: { invalid?: PolicyCase[]; valid?: PolicyCase[] };
}

export interface PolicyDocument {
  apiVersion: 'plumbline.dev/v1';
  kind: 'Policy';
  metadata: { id: string; aliases?: string[] };
  spec: PolicySpec;
}

export interface PolicyTestDocument {
  apiVersion: 'plumbline.dev/v1';
  kind: 'PolicyTest';
  metadata: { policy: string; name?: string };
  cases: (PolicyCase & { name: string })[];
}

/** Where a value of a policy file is: for error messages and docs links. */
export interface SourceRef {
  /** Path as shown to the user (relative to the scanned root when inside it). */
  file: string;
  line: number;
  column: number;
}
