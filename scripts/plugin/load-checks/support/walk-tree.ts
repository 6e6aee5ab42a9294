import { join } from 'node:path';
import type { FsEntry, FsView } from '../../fs-view.ts';

export interface WalkLimits { maxEntries: number; maxDepth: number }

/** Generous for real plugins, small enough that a hostile tree cannot stall validation. */
export const DEFAULT_WALK: WalkLimits = { maxEntries: 20_000, maxDepth: 24 };

/**
 * Every entry under `root` (lstat: symlinks are reported, never followed), depth first, skipping
 * `.git` (Claude Code deletes it from the cache copy). Stops silently at the limits.
 */
export function walkTree(fs: FsView, root: string, limits: WalkLimits = DEFAULT_WALK): Array<{ abs: string; entry: FsEntry }> {
  const out: Array<{ abs: string; entry: FsEntry }> = [];
  const visit = (dir: string, depth: number): void => {
    if (depth > limits.maxDepth) return;
    for (const name of fs.readdir(dir)) {
      if (out.length >= limits.maxEntries) return;
      if (name === '.git') continue;
      const abs = join(dir, name);
      const entry = fs.lstat(abs);
      if (!entry) continue;
      out.push({ abs, entry });
      if (entry.type === 'dir') visit(abs, depth + 1);
    }
  };
  visit(root, 0);
  return out;
}
