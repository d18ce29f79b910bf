export type { ApiError, ClientOptions, GitHubClient, Logger } from './client.js';
export { createGitHubClient, isApiError, isPermissionError, isRateLimitError } from './client.js';
export type { FileDiff } from './diff.js';
export { hunkOf, parsePatch } from './diff.js';
export type { GitFileSourceOptions } from './git.js';
export {
  assertRevision,
  ensureCommit,
  findMergeBase,
  GitFileSource,
  git,
  hasCommit,
  isShallow,
  mergeBase,
  parentsOf,
  renamesSince,
  repoLayout,
  resolveCommit,
} from './git.js';
export type { NewFindingsOptions, NewFindingsResult, ScanFunction } from './new-findings.js';
export { diffFindings, newFindingsSince, restrictTo } from './new-findings.js';
export type {
  Plan,
  PlannedComment,
  PlanOptions,
  PullRequestRef,
  ReviewOutcome,
  StickyResult,
} from './pull-request.js';
export {
  fingerprintMarker,
  planReviewComments,
  postedFingerprints,
  postReviewComments,
  pullRequestDiffs,
  reportMarker,
  reviewCommentBody,
  upsertStickyComment,
} from './pull-request.js';
export type { SarifUpload, SarifUploadResult } from './sarif-upload.js';
export { uploadSarif } from './sarif-upload.js';
