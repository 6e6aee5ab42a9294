import { join } from 'node:path';
import type { JsonPath } from '../../json-line.ts';
import { isObject, type JsonObject, type PluginContext } from '../plugin-context.ts';
import { manifestPaths } from './manifest-paths.ts';
import { resolveInside } from './plugin-path.ts';
import { readJson } from './read-json.ts';
import { perContext } from './per-context.ts';

export interface HookEntry {
  /** The JSON file the hook is written in. */
  file: string;
  text: string;
  /** Pointer to the hook object inside that file. */
  pointer: JsonPath;
  event: string;
  matcher: unknown;
  /** Pointer to the matcher group's `matcher` key. */
  matcherPointer: JsonPath;
  hook: JsonObject;
}

/**
 * Every hook the plugin declares, from hooks/hooks.json (wrapper format), plugin.json `hooks` (inline
 * event maps and referenced wrapper files) and the marketplace entry's inline hooks. Shapes that do not
 * parse are skipped: the claude level and `extraHookFilesAreValid` report those.
 */
export const hookEntries: (ctx: PluginContext) => HookEntry[] = perContext(compute);

function compute(ctx: PluginContext): HookEntry[] {
  const { root, fs } = ctx;
  if (!root) return [];
  const out: HookEntry[] = [];
  const fromFile = (abs: string): void => {
    const read = readJson(fs, abs, ctx.boundary);
    if (read.ok && isObject(read.value)) walk(read.value.hooks, abs, read.text, ['hooks'], out);
  };
  if (fs.stat(join(root, 'hooks', 'hooks.json'))?.type === 'file') fromFile(join(root, 'hooks', 'hooks.json'));
  const manifestHooks = ctx.manifest?.hooks;
  if (ctx.manifestFile && ctx.manifestText !== null) {
    for (const p of manifestPaths('hooks', manifestHooks)) {
      const abs = resolveInside(root, p.value);
      if (abs && fs.realpath(abs) !== fs.realpath(join(root, 'hooks', 'hooks.json'))) fromFile(abs);
    }
    if (isObject(manifestHooks)) walk(manifestHooks, ctx.manifestFile, ctx.manifestText, ['hooks'], out);
    if (Array.isArray(manifestHooks)) manifestHooks.forEach((h, i) => walk(h, ctx.manifestFile!, ctx.manifestText!, ['hooks', i], out));
  }
  const m = ctx.marketplace;
  if (m?.entry && m.index !== null && isObject(m.entry.hooks) && (m.entry.strict !== false || !ctx.manifest)) {
    walk(m.entry.hooks, m.file, m.text, ['plugins', m.index, 'hooks'], out);
  }
  return out;
}

function walk(events: unknown, file: string, text: string, at: JsonPath, out: HookEntry[]): void {
  if (!isObject(events)) return;
  for (const [event, groups] of Object.entries(events)) {
    if (!Array.isArray(groups)) continue;
    groups.forEach((group, g) => {
      if (!isObject(group) || !Array.isArray(group.hooks)) return;
      group.hooks.forEach((hook, h) => {
        if (isObject(hook)) {
          out.push({ file, text, pointer: [...at, event, g, 'hooks', h], event, matcher: group.matcher, matcherPointer: [...at, event, g, 'matcher'], hook });
        }
      });
    });
  }
}
