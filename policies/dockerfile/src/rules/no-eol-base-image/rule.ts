import { defineRule } from '@plumbline/core';
import { dockerfileDomain, type ImageRef } from '@plumbline/lang-dockerfile';
import { report, spanOf } from '../../lib/index.js';

/**
 * Releases whose publisher no longer ships security updates (standard support ended; paid
 * extended support aside), as of late 2026. Sources: ubuntu.com/about/release-cycle,
 * wiki.debian.org/DebianReleases and /LTS, alpinelinux.org/releases, nodejs.org/en/about/previous-releases,
 * devguide.python.org/versions. Keep in step with those pages when a release ends.
 */
const UBUNTU: Record<string, string> = {
  '12.04': 'April 2017',
  '14.04': 'April 2019',
  '16.04': 'April 2021',
  '18.04': 'May 2023',
  '20.04': 'May 2025',
  precise: 'April 2017',
  trusty: 'April 2019',
  xenial: 'April 2021',
  bionic: 'May 2023',
  focal: 'May 2025',
};
const DEBIAN: Record<string, string> = {
  squeeze: 'February 2016',
  wheezy: 'May 2018',
  jessie: 'June 2020',
  stretch: 'June 2022',
  buster: 'June 2024',
  bullseye: 'August 2026',
};
const DEBIAN_NUMBER: Record<string, string> = {
  '6': 'squeeze',
  '7': 'wheezy',
  '8': 'jessie',
  '9': 'stretch',
  '10': 'buster',
  '11': 'bullseye',
};
const CENTOS: Record<string, string> = { '6': 'November 2020', '7': 'June 2024', '8': 'December 2021' };
/** Alpine branches up to 3.20 (ended April 2026). */
const LAST_EOL_ALPINE_MINOR = 20;
/** Node.js majors still supported late 2026: 22 and 24 (LTS) and 26 and up (20 ended April 2026, 25 June 2026). */
const NODE_SUPPORTED = (major: number) => major === 22 || major === 24 || major >= 26;
/** Python up to 3.9 (ended October 2025). */
const LAST_EOL_PYTHON_MINOR = 9;

/** Why the image is end-of-life, or undefined. */
export function endOfLife(image: ImageRef): string | undefined {
  if (image.registry && !/^(docker\.io|index\.docker\.io)$/.test(image.registry)) return undefined;
  const name = image.repository.replace(/^library\//, '');
  const tag = (image.tag ?? '').toLowerCase();
  if (!tag || name.includes('/')) return undefined;
  if (name === 'ubuntu') {
    const release = Object.keys(UBUNTU).find(
      (r) => tag === r || tag.startsWith(`${r}-`) || tag.startsWith(`${r}.`),
    );
    if (release) return `Ubuntu ${release} (standard support ended ${UBUNTU[release]})`;
  }
  if (name === 'debian') {
    const number = /^(\d+)(\.|-|$)/.exec(tag)?.[1];
    const codename = number
      ? DEBIAN_NUMBER[number]
      : Object.keys(DEBIAN).find((c) => tag.split('-')[0] === c);
    if (codename) return `Debian ${codename} (security support ended ${DEBIAN[codename]})`;
  }
  if (name === 'centos') {
    const major = /^(?:centos)?(\d+)/.exec(tag)?.[1];
    if (major && CENTOS[major]) return `CentOS ${major} (ended ${CENTOS[major]})`;
  }
  if (name === 'alpine') {
    const minor = /^3\.(\d+)(\.|-|$)/.exec(tag)?.[1];
    if (minor !== undefined && Number(minor) <= LAST_EOL_ALPINE_MINOR) return `Alpine 3.${minor}`;
  }
  if (name === 'node') {
    const major = /^(\d+)(\.|-|$)/.exec(tag)?.[1];
    if (major !== undefined && !NODE_SUPPORTED(Number(major))) return `Node.js ${major}`;
  }
  if (name === 'python') {
    const m = /^(\d)(?:\.(\d+))?(\.|-|$)/.exec(tag);
    if (m && (m[1] === '2' || (m[1] === '3' && m[2] !== undefined && Number(m[2]) <= LAST_EOL_PYTHON_MINOR)))
      return `Python ${m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`}`;
  }
  // Official language images name their OS in the tag: `ruby:3.1-buster`, `golang:1.21-alpine3.18`.
  for (const part of tag.split('-')) {
    if (DEBIAN[part]) return `Debian ${part} (security support ended ${DEBIAN[part]})`;
    if (UBUNTU[part] && !/^\d/.test(part)) return `Ubuntu ${part} (standard support ended ${UBUNTU[part]})`;
    const alpine = /^alpine3\.(\d+)$/.exec(part)?.[1];
    if (alpine !== undefined && Number(alpine) <= LAST_EOL_ALPINE_MINOR) return `Alpine 3.${alpine}`;
  }
  return undefined;
}

const bad = 'FROM ubuntu:16.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n';

export default defineRule({
  id: 'dockerfile/no-eol-base-image',
  domain: dockerfileDomain,
  meta: {
    title: 'Base image has reached end of life',
    description:
      'A `FROM` names an operating system or runtime release that no longer gets security updates: Ubuntu 20.04 and older, Debian 11 (bullseye) and older, CentOS, Alpine 3.20 and older, Node.js majors out of support, Python 3.9 and older — directly (`ubuntu:16.04`) or through the tag of an official image (`ruby:2.7-buster`, `golang:1.21-alpine3.18`).',
    rationale:
      'Medium: every vulnerability found after the end of life stays open in the image, and `apt-get upgrade` cannot fix it because no fixed package will ever be published. It is not high because exploiting it still needs a reachable vulnerable component, and moving a base image is planned work, not a one-line fix. The list of releases is dated (late 2026) and kept in the rule; a release that ends later is added when it does.',
    remediation:
      'Move to a supported release (`ubuntu:24.04`, `debian:12-slim`/`bookworm`, `alpine:3.22`, `node:22`, `python:3.12`), rebuild, and let Renovate or Dependabot propose the next moves.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: [
      'https://ubuntu.com/about/release-cycle',
      'https://wiki.debian.org/DebianReleases',
      'https://alpinelinux.org/releases/',
      'https://nodejs.org/en/about/previous-releases',
      'https://devguide.python.org/versions/',
    ],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'ubuntu:16.04')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      const image = stage.image;
      if (image.scratch || image.stage || !image.complete) continue;
      const why = endOfLife(image);
      if (!why) continue;
      report(
        ctx,
        image,
        stage.from,
        `\`FROM ${image.raw}\` is ${why}, which no longer gets security updates.`,
        image.value,
      );
    }
  },
});
