import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FakeRepo } from './fake-org.js';

/** Small repositories shaped like real ones: config under deploy/, docs, code, sometimes a finding. */
export function corpusLikeRepos(count: number): FakeRepo[] {
  const repos: FakeRepo[] = [];
  for (let i = 0; i < count; i++) {
    const name = `svc-${String(i).padStart(3, '0')}`;
    const files: Record<string, string> = {
      'README.md': `# ${name}\n\nService ${i}.\n`,
      'src/main.go': `package main\n\nfunc main() {}\n`,
      'deploy/app.conf': [
        `# ${name} runtime settings`,
        'listen 8080',
        i % 3 === 0 ? 'open-port 22' : 'bind 127.0.0.1',
        i % 7 === 0
          ? 'open-port 2375 # plumbline:ignore dockerfile/toy-open-port -- docker socket is firewalled'
          : 'workers 4',
        '',
      ].join('\n'),
    };
    if (i % 5 === 0) files['deploy/extra/metrics.conf'] = 'open-port 9100\nscrape 15s\n';
    repos.push({
      name,
      sha: sha(`${name}-1`),
      files,
      fork: i % 50 === 7,
      archived: i % 50 === 9,
    });
  }
  return repos;
}

export function sha(seed: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 40; round++) {
    for (const c of `${seed}:${round}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}

/** Every file under a folder, as a fake repository's `files`. */
export function filesOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  return files;
}
