import { relative } from 'node:path';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { isWithin } from './support/plugin-path.ts';
import { walkTree } from './support/walk-tree.ts';

export const RULE = 'load/symlink-escapes';

/**
 * When Claude Code copies a plugin into its cache it keeps symlinks inside the plugin, materializes
 * ones that stay inside the marketplace repo, and drops ("skipping symlink escaping containment
 * root") any that leave it [bundle: copyDir; verified: after `claude plugin install` from a directory
 * marketplace the cached copy has the first as a file and lacks the second]. So a link out of the marketplace works on the author's
 * machine and vanishes for users; it may also point at private files. Without a marketplace we only
 * know the plugin root: a link out of it works only if the repo that ships it contains the target.
 */
export function symlinksStayInside(ctx: PluginContext): ExtraFinding[] {
  const { root, fs } = ctx;
  if (!root) return [];
  const realRoot = fs.realpath(root) ?? root;
  const container = ctx.marketplace ? fs.realpath(ctx.marketplace.root) ?? ctx.marketplace.root : null;
  const out: ExtraFinding[] = [];
  for (const { abs, type } of walkTree(fs, root)) {
    if (type !== 'symlink') continue;
    const entry = fs.lstat(abs);
    if (entry?.type !== 'symlink') continue; // raced away
    const target = fs.realpath(abs);
    if (target === null || isWithin(realRoot, target)) continue; // dangling links are skipped by the copy too
    if (container !== null && isWithin(container, target)) continue; // materialized as a copy: works
    out.push(loadFinding({
      rule: RULE, severity: container !== null ? 'error' : 'warning', file: abs,
      message: container !== null
        ? `Symlink ${relative(root, abs)} points outside the marketplace (${entry.target} → ${target}); Claude Code drops it when it copies the plugin, so it is missing for users.`
        : `Symlink ${relative(root, abs)} points outside the plugin (${entry.target} → ${target}); it is dropped on install unless the repository that ships the plugin contains the target.`,
      hint: 'Replace the link with a copy of the file, or point it at a path inside the plugin.',
    }));
  }
  return out;
}
