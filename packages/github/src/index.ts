export type { ApiError, ClientOptions, GitHubClient, Logger } from './client.js';
export { createGitHubClient, isApiError, isPermissionError, isRateLimitError, retrying } from './client.js';
export type { FileDiff } from './diff.js';
export { hunkOf, parsePatch } from './diff.js';
export type { GitFileSourceOptions, RepoLayout } from './git.js';
export {
  assertRevision,
  changedFilesSince,
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
export { byPriority, prioritised } from './priority.js';
export type {
  Plan,
  PlannedComment,
  PlanOptions,
  PullRequestRef,
  ReviewOutcome,
  SkipReason,
} from './pull-request.js';
export {
  fingerprintMarker,
  fingerprintsIn,
  planReviewComments,
  postedFingerprints,
  postReviewComments,
  pullRequestDiffs,
  removeDuplicateReviewComments,
  reportMarker,
  reviewCommentBody,
  stillInDiff,
} from './pull-request.js';
export type { SarifUpload, SarifUploadResult } from './sarif-upload.js';
export { uploadSarif } from './sarif-upload.js';
export type { StickyOptions, StickyResult, StickyState } from './sticky-comment.js';
export { nextState, readState, stateLine, stickyComments, upsertStickyComment } from './sticky-comment.js';
