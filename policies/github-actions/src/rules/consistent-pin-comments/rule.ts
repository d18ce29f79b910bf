import { defineRule, type Loc, type Project } from '@plumbline/core';
import { allSteps, type GhaUnit, ghaDomain, ghaUnits, type UsesRef } from '@plumbline/lang-yaml';

/** A SHA-pinned `uses:` with the version its trailing comment claims. */
interface Pin {
  action: string;
  sha: string;
  version: string;
  /** Span of the version in the comment. */
  loc: Loc;
}

const VERSION_COMMENT = /#\s*(?:tag[:=]\s*)?(v?\d+(?:\.\d+)*(?:[-+][\w.-]+)?)\b/i;

function pinOf(uses: UsesRef | undefined): Pin | undefined {
  if (uses?.kind !== 'repository' || !uses.pinnedToSha || !uses.ref) return undefined;
  const { file, end } = uses.value.loc;
  const line = file.position(end).line;
  const lineStart = file.offset(line, 1);
  const rest = file.text.slice(end, lineStart + file.lineText(line).length);
  const m = VERSION_COMMENT.exec(rest);
  if (!m) return undefined;
  const start = end + m.index + m[0].lastIndexOf(m[1]!);
  return {
    action: uses.action,
    sha: uses.ref.toLowerCase(),
    version: m[1]!.replace(/^v/i, ''),
    loc: { file, start, end: start + m[1]!.length },
  };
}

/** `3` and `3.2.0` agree: a major or minor tag names the newest release under it. */
const compatible = (a: string, b: string) => {
  const [x, y] = [a.split('.'), b.split('.')];
  return x.slice(0, Math.min(x.length, y.length)).every((part, i) => part === y[i]);
};
/** Only a full `x.y.z` names one release; `v3` moves, so two SHAs under it are normal. */
const exactRelease = (v: string) => /^\d+\.\d+\.\d+/.test(v);
/** The repository a workflow or action belongs to: the folder holding its `.github/`. */
const repositoryOf = (pin: Pin) => pin.loc.file.path.split('.github/')[0];

const before = (a: Pin, b: Pin) =>
  a.loc.file.path < b.loc.file.path || (a.loc.file.path === b.loc.file.path && a.loc.start < b.loc.start);

function pinsOf(unit: GhaUnit): Pin[] {
  const uses = [
    ...(unit.kind === 'workflow' ? unit.jobs.map((j) => j.uses) : []),
    ...[...allSteps(unit)].map((s) => s.uses),
  ];
  return uses.map(pinOf).filter((p): p is Pin => p !== undefined);
}

/** Every pin of the scan, by action, so one unit's comment can be checked against the others. */
function allPins(project: Project): Map<string, Pin[]> {
  return project.memo('gha/pins', () => {
    const byAction = new Map<string, Pin[]>();
    for (const unit of ghaUnits(project)) {
      for (const pin of pinsOf(unit)) byAction.set(pin.action, [...(byAction.get(pin.action) ?? []), pin]);
    }
    return byAction;
  });
}

export default defineRule({
  id: 'gha/consistent-pin-comments',
  domain: ghaDomain,
  meta: {
    title: 'Version comment contradicts another pin of the same action',
    description:
      'A SHA-pinned `uses:` carries a version comment (`@<sha> # v4.2.0`) that another pin of the same action in the repository contradicts: the same SHA with another version, or the same version with another SHA.',
    rationale:
      'Reviewers and update bots read the comment, not the SHA. When two pins disagree, at least one comment is wrong: the code that runs is not the release the comment names — an update that changed the SHA but not the comment, or a SHA slipped in under a familiar version. Low. Offline, Plumbline can only compare the pins of the scan with each other; it does not ask GitHub which SHA a tag names.',
    remediation:
      'Look up the SHA of the release (`git ls-remote https://github.com/<owner>/<repo> refs/tags/<version>`) and make every pin and comment agree; let Dependabot or Renovate update both.',
    category: 'supply-chain',
    severity: 'low',
    confidence: 'high',
    aliases: ['zizmor:ref-version-mismatch'],
    references: [
      'https://docs.github.com/en/code-security/dependabot/working-with-dependabot/keeping-your-actions-up-to-date-with-dependabot',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/release.yml',
          code: 'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v4.2.2\n',
          files: {
            '.github/workflows/ci.yml':
              'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n',
          },
          errors: [{ line: 6, column: 75, endLine: 6, endColumn: 81 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n',
          files: {
            '.github/workflows/release.yml':
              'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n',
          },
        },
      ],
    },
  },
  check(unit, ctx) {
    const byAction = allPins(ctx.project);
    for (const pin of pinsOf(unit)) {
      // Only within one repository: a scan of several repositories must not compare their pins.
      const peers = (byAction.get(pin.action) ?? []).filter((o) => repositoryOf(o) === repositoryOf(pin));
      const agreeing = (_p: Pin, by: (o: Pin) => boolean) => peers.filter((o) => by(o)).length;
      // The side with fewer pins is the one whose comment (or SHA) is wrong; on a tie, the later pin.
      const outvoted = (other: Pin, by: (p: Pin) => (o: Pin) => boolean) => {
        const mine = agreeing(pin, by(pin));
        const theirs = agreeing(other, by(other));
        return mine < theirs || (mine === theirs && before(other, pin));
      };
      const sameShaOtherVersion = peers.find(
        (o) =>
          o.sha === pin.sha &&
          !compatible(o.version, pin.version) &&
          outvoted(o, (p) => (q) => q.sha === p.sha && compatible(q.version, p.version)),
      );
      const sameVersionOtherSha = peers.find(
        (o) =>
          exactRelease(pin.version) &&
          o.version === pin.version &&
          o.sha !== pin.sha &&
          outvoted(o, (p) => (q) => q.version === p.version && q.sha === p.sha),
      );
      const conflict = sameShaOtherVersion ?? sameVersionOtherSha;
      if (!conflict) continue;
      const where = `${conflict.loc.file.path}:${conflict.loc.file.position(conflict.loc.start).line}`;
      ctx.report({
        at: pin.loc,
        message: sameShaOtherVersion
          ? `\`${pin.action}@${pin.sha.slice(0, 12)}…\` is called v${pin.version} here and v${conflict.version} at ${where}; one comment is wrong.`
          : `v${pin.version} of \`${pin.action}\` is pinned to \`${pin.sha.slice(0, 12)}…\` here and to \`${conflict.sha.slice(0, 12)}…\` at ${where}; one SHA is not that release.`,
        evidence: `${pin.action}@${pin.sha} ${pin.version}`,
      });
    }
  },
});
