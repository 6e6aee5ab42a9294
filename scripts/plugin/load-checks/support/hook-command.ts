import type { HookEntry } from './hook-entries.ts';

export interface PluginRootRef {
  /** Path after `${CLAUDE_PLUGIN_ROOT}/`, e.g. `hooks/run.sh`. */
  rel: string;
  /** True when it is the program itself (first word of the command, or the exec-form command). */
  invoked: boolean;
}

const ROOT_REF = /\$\{CLAUDE_PLUGIN_ROOT\}\/|\$CLAUDE_PLUGIN_ROOT\//g;
/** Where a path written after the variable stops: whitespace, quotes, shell punctuation. */
const PATH_END = /[\s"'`;|&()<>]/;

/** The command strings of a `type: "command"` hook: `command` and, in exec form, each of `args`. */
export function commandStrings(entry: HookEntry): { text: string; exec: boolean; argIndex?: number }[] {
  const { hook } = entry;
  if (hook.type !== 'command' || typeof hook.command !== 'string') return [];
  const exec = Array.isArray(hook.args);
  const out: { text: string; exec: boolean; argIndex?: number }[] = [{ text: hook.command, exec }];
  if (exec) (hook.args as unknown[]).forEach((a, i) => { if (typeof a === 'string') out.push({ text: a, exec, argIndex: i }); });
  return out;
}

/**
 * Files a command names through the plugin root variable. Paths holding other expansions (`$`, `*`,
 * `?`, `{`) are skipped: we cannot know what they resolve to.
 */
export function pluginRootRefs(text: string, exec: boolean, isCommand: boolean): PluginRootRef[] {
  const out: PluginRootRef[] = [];
  for (const m of text.matchAll(ROOT_REF)) {
    const start = m.index + m[0].length;
    const rest = text.slice(start);
    const end = rest.search(PATH_END);
    const rel = (end === -1 ? rest : rest.slice(0, end)).replace(/\/+$/, '');
    if (rel === '' || /[$*?{[]/.test(rel)) continue;
    const before = text.slice(0, m.index).replace(/["']$/, '');
    out.push({ rel, invoked: isCommand && (exec ? before.trim() === '' : /^\s*(?:exec\s+)?$/.test(before)) });
  }
  return out;
}
