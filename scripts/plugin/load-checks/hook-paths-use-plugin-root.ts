import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { commandStrings } from './support/hook-command.ts';
import { hookEntries } from './support/hook-entries.ts';
import { resolveInside } from './support/plugin-path.ts';

export const RULE = 'load/hook-path-relative';

/**
 * Hooks run in the user's session directory, not the plugin directory (spec §4.2), so
 * `bash hooks/x.sh` or `./scripts/y.py` names a file in the user's project. We report a relative
 * word that names a file which exists in the plugin: it only works when the session runs there.
 */
export function hookPathsUsePluginRoot(ctx: PluginContext): ExtraFinding[] {
  const { root, fs } = ctx;
  if (!root) return [];
  const out: ExtraFinding[] = [];
  for (const entry of hookEntries(ctx)) {
    for (const s of commandStrings(entry)) {
      for (const word of s.text.split(/[\s;|&()<>"'`=]+/)) {
        if (!word.includes('/') || word.includes('$') || word.includes('://') || word.startsWith('/') || word.startsWith('-') || word.startsWith('~')) continue;
        const rel = word.replace(/^(?:\.\/)+/, '');
        if (rel === '' || rel.startsWith('..')) continue;
        const abs = resolveInside(root, rel);
        if (abs === null || fs.stat(abs)?.type !== 'file') continue;
        const field = s.argIndex === undefined ? ['command'] : ['args', s.argIndex];
        out.push(loadFinding({
          rule: RULE, severity: 'error', file: entry.file, path: [...entry.pointer, ...field].join('.'),
          line: lineOfJsonPath(entry.text, [...entry.pointer, ...field]),
          message: `${entry.event} hook names "${word}" relative to the current directory, but hooks run in the user's project directory, not the plugin's; the plugin file ${rel} is not found there.`,
          hint: `Write "\${CLAUDE_PLUGIN_ROOT}/${rel}" (quoted if the path may contain spaces).`,
        }));
      }
    }
  }
  return out;
}
