import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { commandStrings, pluginRootRefs } from './support/hook-command.ts';
import { hookEntries } from './support/hook-entries.ts';
import { resolveInside } from './support/plugin-path.ts';

export const RULE = 'load/hook-script-missing';

/**
 * A hook command naming `${CLAUDE_PLUGIN_ROOT}/x` where x is not in the plugin. Verified: a SessionStart
 * hook `${CLAUDE_PLUGIN_ROOT}/hooks/nope.sh` fails on every run (`/bin/sh: …/nope.sh: not found`).
 */
export function hookScriptsExist(ctx: PluginContext): ExtraFinding[] {
  const { root, fs } = ctx;
  if (!root) return [];
  const out: ExtraFinding[] = [];
  for (const entry of hookEntries(ctx)) {
    for (const s of commandStrings(entry)) {
      for (const ref of pluginRootRefs(s.text, s.exec, s.argIndex === undefined)) {
        const abs = resolveInside(root, ref.rel);
        if (abs !== null && fs.stat(abs) !== null) continue;
        const field = s.argIndex === undefined ? 'command' : `args.${s.argIndex}`;
        out.push(loadFinding({
          rule: RULE, severity: 'error', file: entry.file, path: `${entry.pointer.join('.')}.${field}`,
          line: lineOfJsonPath(entry.text, [...entry.pointer, ...(s.argIndex === undefined ? ['command'] : ['args', s.argIndex])]),
          message: abs === null
            ? `${entry.event} hook names \${CLAUDE_PLUGIN_ROOT}/${ref.rel}, which escapes the plugin directory.`
            : `${entry.event} hook runs \${CLAUDE_PLUGIN_ROOT}/${ref.rel}, which is not in the plugin; the hook fails every time it fires.`,
          hint: 'Ship the script inside the plugin (git add it) or fix the path.',
        }));
      }
    }
  }
  return out;
}
