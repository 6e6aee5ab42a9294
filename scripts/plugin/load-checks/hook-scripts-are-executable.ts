import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { commandStrings, pluginRootRefs } from './support/hook-command.ts';
import { hookEntries } from './support/hook-entries.ts';
import { resolveInside } from './support/plugin-path.ts';

export const RULE = 'load/hook-script-not-executable';

/**
 * A script run directly (`"${CLAUDE_PLUGIN_ROOT}/hooks/x.sh"` as the program, or the exec-form
 * `command`) needs its executable bit; the bit survives git and Claude Code's cache copy. Verified: a
 * mode-644 SessionStart script fails with `/bin/sh: 1: …/run.sh: Permission denied`.
 */
export function hookScriptsAreExecutable(ctx: PluginContext): ExtraFinding[] {
  const { root, fs } = ctx;
  if (!root) return [];
  const out: ExtraFinding[] = [];
  for (const entry of hookEntries(ctx)) {
    if (entry.hook.shell === 'powershell') continue;
    const [command] = commandStrings(entry);
    if (!command) continue;
    for (const ref of pluginRootRefs(command.text, command.exec, true)) {
      if (!ref.invoked) continue;
      const abs = resolveInside(root, ref.rel);
      const st = abs === null ? null : fs.stat(abs);
      if (!st || st.type !== 'file' || (st.mode & 0o111) !== 0) continue;
      out.push(loadFinding({
        rule: RULE, severity: 'error', file: entry.file, path: `${entry.pointer.join('.')}.command`,
        line: lineOfJsonPath(entry.text, [...entry.pointer, 'command']),
        message: `${entry.event} hook runs ${ref.rel} directly, but the file is not executable; the hook fails with "Permission denied" every time it fires.`,
        hint: `chmod +x ${ref.rel} (git keeps the bit: git update-index --chmod=+x ${ref.rel}), or call it through its interpreter ("bash \${CLAUDE_PLUGIN_ROOT}/${ref.rel}").`,
      }));
    }
  }
  return out;
}
