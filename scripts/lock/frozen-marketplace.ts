import type { LockEntry } from './types.ts';

/**
 * The marketplace that makes Claude Code install exactly the locked trees (`mp install --frozen`).
 *
 * Claude Code pins a plugin source natively: a marketplace entry's `url`, `github` and `git-subdir`
 * sources take `sha` (a full commit), and Claude clones that commit, whatever the branch says now. So for
 * marketplace M we write a marketplace.json named M (same plugin ids as the lock) whose entries are the
 * locked plugins, each with its locked commit:
 *  - relative entry of a git-backed marketplace → {source: "git-subdir", url: <marketplace repo>,
 *    path: <plugin dir in the repo>, sha} (or {source: "url", url, sha} when the plugin is the repo root);
 *  - url / github / git-subdir entries → the same source with sha = the locked commit (ref dropped);
 *  - npm entries → the exact locked version.
 * Entries without a commit (a marketplace that is a plain directory) cannot be pinned: they are listed
 * in `unpinnable`, and the caller decides (install from the registry as it is, then check the digest).
 */
export interface FrozenMarketplace { manifest: Record<string, unknown>; unpinnable: string[] }

export function frozenMarketplace(name: string, entries: readonly LockEntry[]): FrozenMarketplace {
  const plugins: Array<Record<string, unknown>> = [];
  const unpinnable: string[] = [];
  for (const e of [...entries].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const source = pinnedSource(e);
    if (!source) { unpinnable.push(e.id); continue; }
    plugins.push({ name: e.id.slice(0, e.id.indexOf('@')), source, description: `${e.id} frozen at ${e.version} by mp install --frozen` });
  }
  return {
    manifest: {
      name,
      owner: { name: 'marketplace-pro (mp install --frozen)' },
      description: `Generated from plugin-lock.json by mp install --frozen: ${name} pinned to the locked commits. Do not edit.`,
      plugins,
    },
    unpinnable,
  };
}

export function pinnedSource(e: LockEntry): Record<string, string> | undefined {
  const s = e.source;
  switch (s.kind) {
    case 'relative':
      if (!s.url || !s.commit) return undefined;
      return !s.path || s.path === '.' ? { source: 'url', url: s.url, sha: s.commit } : { source: 'git-subdir', url: s.url, path: s.path, sha: s.commit };
    case 'url':
      return s.url && s.commit ? { source: 'url', url: s.url, sha: s.commit } : undefined;
    case 'github':
      return s.repo && s.commit ? { source: 'github', repo: s.repo, sha: s.commit } : undefined;
    case 'git-subdir':
      return s.url && s.path && s.commit ? { source: 'git-subdir', url: s.url, path: s.path, sha: s.commit } : undefined;
    case 'npm':
      return s.package && s.packageVersion ? { source: 'npm', package: s.package, version: s.packageVersion } : undefined;
    default:
      return undefined;
  }
}
