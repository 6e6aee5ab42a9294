import type { HookDecl } from '../model.ts';
import type { ScanContext } from '../scan-context.ts';
import { commandUnit, quoteArgv } from './hook-command-unit.ts';

export const HOOK_EVENTS = new Set([
  'PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'PostToolBatch', 'PermissionRequest', 'PermissionDenied', 'Notification', 'UserPromptSubmit',
  'UserPromptExpansion', 'SessionStart', 'SessionEnd', 'Stop', 'StopFailure', 'SubagentStart', 'SubagentStop', 'PreCompact', 'PostCompact', 'Setup',
  'TeammateIdle', 'TaskCreated', 'TaskCompleted', 'Elicitation', 'ElicitationResult', 'ConfigChange', 'WorktreeCreate', 'WorktreeRemove',
  'InstructionsLoaded', 'CwdChanged', 'FileChanged', 'MessageDisplay',
]);

type Path = Array<string | number>;

/**
 * Every hook in a hooks value, whatever its shape: Claude's `{Event: [{matcher, hooks: [...]}]}` and the
 * hand-rolled shapes real plugins ship (`[{event, command}]`, `[{type: 'PostToolUse', hook: {...}}]`).
 * Claude only runs the standard shape, but code in the others still ships with the plugin, so it is
 * scanned; `matcher` rules (H7) only trust the standard shape. `lineFor` maps a JSON path to a line.
 */
export function hooksFromMap(value: unknown, file: string, lineFor: (path: Path, needle?: string) => number, ctx: ScanContext, standard: boolean, basePath: Path = []): HookDecl[] {
  const out: HookDecl[] = [];
  const walk = (v: unknown, path: Path, event: string | undefined, matcher: string | undefined, depth: number): void => {
    if (depth > 12 || out.length > 500 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i], event, matcher, depth + 1));
      return;
    }
    const o = v as Record<string, unknown>;
    let ev = event;
    if (typeof o.event === 'string') ev = o.event;
    else if (typeof o.type === 'string' && HOOK_EVENTS.has(o.type)) ev = o.type;
    const m = typeof o.matcher === 'string' ? o.matcher : o.matcher !== undefined && o.matcher !== null ? '<non-string matcher>' : matcher;
    const type = typeof o.type === 'string' && !HOOK_EVENTS.has(o.type) ? o.type : 'command';
    if (typeof o.command === 'string' && (type === 'command' || o.type === undefined || HOOK_EVENTS.has(String(o.type)))) {
      const argv = Array.isArray(o.args) && o.args.every((a) => typeof a === 'string') ? [o.command, ...(o.args as string[])] : null;
      const command = argv ? quoteArgv(argv) : o.command;
      const line = lineFor([...path, 'command'], o.command);
      out.push({ event: ev ?? '?', matcher: m, type: 'command', command, async: o.async === true, file, line, standard, unit: commandUnit(command, line, 'hook', ctx) });
    } else if (type === 'http' && typeof o.url === 'string') {
      const line = lineFor([...path, 'url'], o.url);
      out.push({ event: ev ?? '?', matcher: m, type, url: o.url, file, line, standard, unit: { file, origin: 'hook', effects: [{ kind: 'network', tool: 'http hook', url: o.url, sends: 'data', loc: { file, line, snippet: (ctx.lines[line - 1] ?? '').trim() } }] } });
    } else if ((type === 'prompt' || type === 'agent') && typeof o.prompt === 'string') {
      out.push({ event: ev ?? '?', matcher: m, type, prompt: o.prompt, file, line: lineFor([...path, 'prompt'], o.prompt), standard });
    }
    for (const [k, x] of Object.entries(o)) {
      if (k === 'command' || k === 'url' || k === 'prompt' || k === 'matcher') continue;
      walk(x, [...path, k], HOOK_EVENTS.has(k) ? k : ev, m, depth + 1);
    }
  };
  walk(value, basePath, undefined, undefined, 0);
  return out;
}

/** Is `value` the bare event map Claude Code loads (plugin.json inline hooks, skill frontmatter)? */
export function isEventMap(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => HOOK_EVENTS.has(k));
}
