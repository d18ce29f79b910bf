import type { Confidence, Fix, Loc, Located } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import type { Ctx } from '../lib.js';

/** Reports on an object (ignore comments anywhere inside it apply), with a fix when there is one. */
export function reportWithFix(
  ctx: Ctx,
  object: K8sObject,
  at: Loc | Located,
  message: string,
  evidence: string,
  fix: Fix | undefined,
  confidence?: Confidence,
): void {
  ctx.report({
    at,
    message,
    container: object.loc,
    evidence,
    ...(fix ? { fix } : {}),
    ...(confidence ? { confidence } : {}),
  });
}
