import { basename, dirname, join, relative, sep } from 'node:path';
import type { FsView } from './fs-view.ts';
import type { ValidationReport } from './report.ts';
import { validateTarget } from './validate-target.ts';

/** Parts of a plugin tree that `claude plugin validate` (or the loader) reads. */
function isPluginPart(rel: string): boolean {
  const top = rel.split(sep)[0];
  return top === '.claude-plugin' || top === 'commands' || top === 'agents' || top === 'skills' || rel === join('hooks', 'hooks.json') || rel === '.mcp.json';
}

/** The nearest directory at or above `dir` that holds a `.claude-plugin/` directory. */
function enclosingRoot(dir: string, fs: FsView): string | null {
  for (let d = dir; ; d = dirname(d)) {
    if (fs.lstat(join(d, '.claude-plugin'))?.type === 'dir') return d;
    if (dirname(d) === d) return null;
  }
}

/**
 * For the PostToolUse hook: the report for the plugin or marketplace that an edited file belongs to, or
 * null when the file is not part of one. Editing marketplace.json validates the marketplace; editing a
 * plugin file validates the plugin's manifest plus that file's own component checks (the other component
 * files did not change, and walking them all on every write would blow the hook's time budget), even
 * where the root also holds a marketplace.
 */
export function validateForHook(absFile: string, fs: FsView): ValidationReport | null {
  const root = enclosingRoot(dirname(absFile), fs);
  if (root === null) return null;
  const rel = relative(root, absFile);
  if (!isPluginPart(rel)) return null;
  const pluginJson = join(root, '.claude-plugin', 'plugin.json');
  const marketplaceJson = join(root, '.claude-plugin', 'marketplace.json');
  const exists = (p: string) => fs.lstat(p) !== null;
  if (basename(absFile) === 'marketplace.json' && dirname(absFile) === join(root, '.claude-plugin')) return validateTarget(marketplaceJson, fs);
  if (exists(pluginJson)) return validateTarget(pluginJson, fs, { onlyComponent: absFile });
  return validateTarget(root, fs);
}
