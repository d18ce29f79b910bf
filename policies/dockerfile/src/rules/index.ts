// Generated from the folders in src/rules by scripts/gen-rule-index.mjs (run by `npm run build`). Do not edit.
import type { AnyRule } from '@plumbline/core';
import absoluteWorkdir from './absolute-workdir/rule.js';
import addRemoteWithoutChecksum from './add-remote-without-checksum/rule.js';
import apkNoCache from './apk-no-cache/rule.js';
import aptGetAssumeYes from './apt-get-assume-yes/rule.js';
import aptGetUpdateAlone from './apt-get-update-alone/rule.js';
import aptListsCleanup from './apt-lists-cleanup/rule.js';
import aptNoInstallRecommends from './apt-no-install-recommends/rule.js';
import copyFromSelf from './copy-from-self/rule.js';
import copyFromUnknownStage from './copy-from-unknown-stage/rule.js';
import copyMultiSourceSlash from './copy-multi-source-slash/rule.js';
import dnfCleanAll from './dnf-clean-all/rule.js';
import envSelfReference from './env-self-reference/rule.js';
import jsonFormCmd from './json-form-cmd/rule.js';
import microdnfCleanAll from './microdnf-clean-all/rule.js';
import noApt from './no-apt/rule.js';
import noDistUpgrade from './no-dist-upgrade/rule.js';
import noLatestTag from './no-latest-tag/rule.js';
import noMaintainer from './no-maintainer/rule.js';
import noRootUser from './no-root-user/rule.js';
import noSshPort from './no-ssh-port/rule.js';
import pinApkVersions from './pin-apk-versions/rule.js';
import pinAptVersions from './pin-apt-versions/rule.js';
import pinBaseImageDigest from './pin-base-image-digest/rule.js';
import preferCopyOverAdd from './prefer-copy-over-add/rule.js';
import requireHealthcheck from './require-healthcheck/rule.js';
import rpmAssumeYes from './rpm-assume-yes/rule.js';
import singleCmd from './single-cmd/rule.js';
import singleEntrypoint from './single-entrypoint/rule.js';
import singleHealthcheck from './single-healthcheck/rule.js';
import trustedRegistries from './trusted-registries/rule.js';
import uniqueStageNames from './unique-stage-names/rule.js';
import validPort from './valid-port/rule.js';
import workdirSystemDir from './workdir-system-dir/rule.js';
import yumCleanAll from './yum-clean-all/rule.js';
import zypperClean from './zypper-clean/rule.js';

export const rules: AnyRule[] = [
  absoluteWorkdir,
  addRemoteWithoutChecksum,
  apkNoCache,
  aptGetAssumeYes,
  aptGetUpdateAlone,
  aptListsCleanup,
  aptNoInstallRecommends,
  copyFromSelf,
  copyFromUnknownStage,
  copyMultiSourceSlash,
  dnfCleanAll,
  envSelfReference,
  jsonFormCmd,
  microdnfCleanAll,
  noApt,
  noDistUpgrade,
  noLatestTag,
  noMaintainer,
  noRootUser,
  noSshPort,
  pinApkVersions,
  pinAptVersions,
  pinBaseImageDigest,
  preferCopyOverAdd,
  requireHealthcheck,
  rpmAssumeYes,
  singleCmd,
  singleEntrypoint,
  singleHealthcheck,
  trustedRegistries,
  uniqueStageNames,
  validPort,
  workdirSystemDir,
  yumCleanAll,
  zypperClean,
];
