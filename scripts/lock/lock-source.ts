import type { ObservedPlugin } from './observed.ts';
import type { LockSource } from './types.ts';

const COMMIT = /^[0-9a-f]{40}$/;

/**
 * Where an installed plugin's files came from, from its marketplace entry and what Claude recorded:
 *  - relative entry ("./plugins/x"): the marketplace's repository (when it is git-backed), the path of the
 *    plugin inside that repository, and gitCommitSha (Claude records the marketplace HEAD);
 *  - url / github / git-subdir entries: that repository, ref, and the commit Claude checked out;
 *  - npm: package and version.
 */
export function lockSource(p: ObservedPlugin): LockSource {
  const commit = p.installation?.gitCommitSha && COMMIT.test(p.installation.gitCommitSha) ? p.installation.gitCommitSha : undefined;
  const s = p.entrySource;
  if (typeof s === 'string') {
    const rel = normalizeRelative(s);
    const repoUrl = p.registry?.repoUrl;
    if (!repoUrl) return clean({ kind: 'relative', path: rel });
    return clean({ kind: 'relative', url: repoUrl, path: joinPosix(p.registry?.repoPrefix ?? '', rel), commit });
  }
  if (!s) return { kind: 'unknown' };
  const str = (k: string) => (typeof s[k] === 'string' && s[k] !== '' ? (s[k] as string) : undefined);
  const pinned = commit ?? (str('sha') && COMMIT.test(str('sha')!) ? str('sha') : undefined);
  switch (s.source) {
    case 'url': return clean({ kind: 'url', url: str('url'), ref: str('ref'), commit: pinned });
    case 'github': return clean({ kind: 'github', repo: str('repo'), ref: str('ref'), commit: pinned });
    case 'git-subdir': return clean({ kind: 'git-subdir', url: str('url'), path: str('path'), ref: str('ref'), commit: pinned });
    case 'npm': return clean({ kind: 'npm', package: str('package'), packageVersion: p.installation?.version ?? str('version') });
    default: return { kind: 'unknown' };
  }
}

/** "./plugins/x/" → "plugins/x"; "./" → "". */
function normalizeRelative(s: string): string {
  return s.split('/').filter((c) => c !== '' && c !== '.').join('/');
}

function joinPosix(a: string, b: string): string {
  return [a, b].filter((x) => x !== '').join('/') || '.';
}

function clean(s: LockSource): LockSource {
  if (s.path === '') s.path = '.';
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as unknown as LockSource;
}
