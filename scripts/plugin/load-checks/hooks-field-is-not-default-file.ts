import { join } from 'node:path';
import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { manifestPaths } from './support/manifest-paths.ts';
import { resolveInside } from './support/plugin-path.ts';

export const RULE = 'load/hooks-duplicate-file';

/**
 * `hooks/hooks.json` is always loaded; listing it (or any file twice) in plugin.json `hooks` makes the
 * loader fail the whole plugin with "Duplicate hooks file detected". `claude plugin validate` passes it.
 * Verified: `claude plugin list` shows `Error: Hook load failed: Duplicate hooks file detected: …`.
 */
export function hooksFieldIsNotDefaultFile(ctx: PluginContext): ExtraFinding[] {
  const { root, manifest, manifestFile, fs } = ctx;
  if (!root || !manifest || !manifestFile) return [];
  const defaultFile = join(root, 'hooks', 'hooks.json');
  const seen = new Set<string>();
  if (fs.stat(defaultFile)?.type === 'file') seen.add(fs.realpath(defaultFile) ?? defaultFile);
  const out: ExtraFinding[] = [];
  for (const p of manifestPaths('hooks', manifest.hooks)) {
    const abs = resolveInside(root, p.value);
    if (!abs || fs.stat(abs)?.type !== 'file') continue;
    const real = fs.realpath(abs) ?? abs;
    if (seen.has(real)) {
      out.push(loadFinding({
        rule: RULE, severity: 'error', file: manifestFile, path: p.label,
        line: lineOfJsonPath(ctx.manifestText ?? '', p.pointer),
        message: `${p.value} is already loaded (${real === (fs.realpath(defaultFile) ?? defaultFile) ? 'hooks/hooks.json is loaded automatically' : 'it is listed twice'}); Claude Code fails to load the plugin with "Duplicate hooks file detected".`,
        hint: 'List only additional hook files in "hooks", or remove the field when hooks/hooks.json is the only one.',
      }));
    }
    seen.add(real);
  }
  return out;
}
